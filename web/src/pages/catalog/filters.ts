// The catalog's filter form: strings as typed (kept across failures), turned into the GraphQL InstanceTypeFilter,
// and mirrored into the URL so a filtered view can be shared.
import type { InstanceTypeFilter, InstanceTypeOrderField, OrderDirection } from '../../gql/graphql';

export interface FilterForm {
  vcpuMin: string;
  vcpuMax: string;
  memMin: string;
  memMax: string;
  gpuMin: string;
  gpuModel: string;
  maxPrice: string;
  families: string;
  architectures: string[];
  categories: string[];
  networkPerformance: string[];
  burstable: '' | 'true' | 'false';
  currentGeneration: '' | 'true' | 'false';
  inStockOnly: boolean;
}

export const emptyFilters: FilterForm = {
  vcpuMin: '',
  vcpuMax: '',
  memMin: '',
  memMax: '',
  gpuMin: '',
  gpuModel: '',
  maxPrice: '',
  families: '',
  architectures: [],
  categories: [],
  networkPerformance: [],
  burstable: '',
  currentGeneration: '',
  inStockOnly: false,
};

export interface Order {
  field: InstanceTypeOrderField;
  direction: OrderDirection;
}

const n = (s: string) => (s.trim() === '' ? undefined : Number(s));
const list = (s: string) =>
  s
    .split(/[\s,]+/)
    .map((x) => x.trim())
    .filter(Boolean);

export function toFilter(f: FilterForm, zone: string): InstanceTypeFilter {
  const filter: InstanceTypeFilter = {};
  if (f.vcpuMin || f.vcpuMax) filter.vcpu = { min: n(f.vcpuMin) ?? null, max: n(f.vcpuMax) ?? null };
  if (f.memMin || f.memMax) filter.memoryGiB = { min: n(f.memMin) ?? null, max: n(f.memMax) ?? null };
  if (f.gpuMin) filter.gpuCount = { min: n(f.gpuMin) ?? null };
  if (f.gpuModel.trim()) filter.gpuModel = f.gpuModel.trim();
  if (f.maxPrice) filter.maxPrice = n(f.maxPrice) ?? null;
  if (f.families.trim()) filter.families = list(f.families);
  if (f.architectures.length) filter.architectures = f.architectures as InstanceTypeFilter['architectures'];
  if (f.categories.length) filter.categories = f.categories as InstanceTypeFilter['categories'];
  if (f.networkPerformance.length) filter.networkPerformance = f.networkPerformance as InstanceTypeFilter['networkPerformance'];
  if (f.burstable) filter.burstable = f.burstable === 'true';
  if (f.currentGeneration) filter.currentGeneration = f.currentGeneration === 'true';
  if (zone) {
    if (f.inStockOnly) filter.availableInZone = zone;
    else filter.zone = zone;
  }
  return filter;
}

const keys: (keyof FilterForm)[] = Object.keys(emptyFilters) as (keyof FilterForm)[];

export function filtersToQuery(f: FilterForm, q: URLSearchParams): void {
  for (const k of keys) {
    const v = f[k];
    if (Array.isArray(v)) {
      if (v.length) q.set(k, v.join(','));
    } else if (typeof v === 'boolean') {
      if (v) q.set(k, '1');
    } else if (v) q.set(k, v);
  }
}

export function filtersFromQuery(q: URLSearchParams): FilterForm {
  const f: Record<string, unknown> = { ...emptyFilters };
  for (const k of keys) {
    const v = q.get(k);
    if (v === null) continue;
    const d = emptyFilters[k];
    f[k] = Array.isArray(d) ? v.split(',').filter(Boolean) : typeof d === 'boolean' ? v === '1' : v;
  }
  return f as unknown as FilterForm;
}
