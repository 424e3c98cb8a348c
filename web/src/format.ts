// Number formatting shared by the pages (prices keep the service's precision up to 4 decimals).
export const price = (v: number, currency = 'USD') => `${v.toFixed(4)} ${currency}`;
export const money = (v: number, currency = 'USD') =>
  `${v.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
export const num = (v: number, digits = 2) => v.toLocaleString('en', { maximumFractionDigits: digits });

export function age(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} days`;
}
