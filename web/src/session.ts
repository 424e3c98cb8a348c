// The bearer token of this browser tab: kept in sessionStorage (gone when the tab closes), sent on every GraphQL call.
const key = 'recommender.token';
const listeners = new Set<() => void>();

export function getToken(): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

export function setToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(key, token.trim());
    else sessionStorage.removeItem(key);
  } catch {
    // Storage disabled: the token lives only as long as this call.
  }
  listeners.forEach((l) => l());
}

export function onTokenChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
