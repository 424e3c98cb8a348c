// The recommend form: every LayoutRequest field as typed (strings, kept across failures), its default, the GraphQL
// argument path its errors name, and the URL that reproduces it.
import type { LayoutRequest } from '../../gql/graphql';

export interface RequestForm {
  provider: string;
  region: string;
  cpu: string;
  memoryGiB: string;
  gpus: string;
  gpuModel: string;
  minNodes: string;
  maxNodes: string;
  maxPools: string;
  onDemandPct: string;
  spotDiversity: string;
  alternatives: string;
  timeLimitMs: string;
  wait: boolean;
  allowBurst: boolean;
  allowOlderGen: boolean;
  sameSize: boolean;
  architectures: string[];
  categories: string[];
  networkPerf: string[];
  zones: string[];
  includes: string;
  excludes: string;
  podCpu: string;
  podMemoryGiB: string;
  podGpus: string;
  org: string;
}

/** The server's defaults (schema/schema.graphql), shown in the form. */
export const defaults: RequestForm = {
  provider: 'alibaba',
  region: 'cn-hangzhou',
  cpu: '0',
  memoryGiB: '0',
  gpus: '0',
  gpuModel: '',
  minNodes: '1',
  maxNodes: '5000',
  maxPools: '',
  onDemandPct: '0',
  spotDiversity: '1',
  alternatives: '1',
  timeLimitMs: '',
  wait: false,
  allowBurst: true,
  allowOlderGen: false,
  sameSize: false,
  architectures: [],
  categories: [],
  networkPerf: [],
  zones: [],
  includes: '',
  excludes: '',
  podCpu: '',
  podMemoryGiB: '',
  podGpus: '',
  org: '',
};

/** A first request worth trying: the README's example (10 vCPU, 40 GiB, three nodes, half on demand). */
export const example: RequestForm = {
  ...defaults,
  cpu: '10',
  memoryGiB: '40',
  minNodes: '3',
  onDemandPct: '50',
  alternatives: '3',
};

/** Form key → argument path of BAD_USER_INPUT errors (extensions.argument). */
export const argumentOf: Record<keyof RequestForm, string> = {
  provider: 'input.provider',
  region: 'input.region',
  cpu: 'input.cpu',
  memoryGiB: 'input.memoryGiB',
  gpus: 'input.gpus',
  gpuModel: 'input.gpuModel',
  minNodes: 'input.minNodes',
  maxNodes: 'input.maxNodes',
  maxPools: 'input.maxPools',
  onDemandPct: 'input.onDemandPct',
  spotDiversity: 'input.spotDiversity',
  alternatives: 'input.alternatives',
  timeLimitMs: 'input.timeLimitMs',
  wait: 'input.wait',
  allowBurst: 'input.allowBurst',
  allowOlderGen: 'input.allowOlderGen',
  sameSize: 'input.sameSize',
  architectures: 'input.architectures',
  categories: 'input.categories',
  networkPerf: 'input.networkPerf',
  zones: 'input.zones',
  includes: 'input.includes',
  excludes: 'input.excludes',
  podCpu: 'input.largestPod.cpu',
  podMemoryGiB: 'input.largestPod.memoryGiB',
  podGpus: 'input.largestPod.gpus',
  org: 'org',
};

/** Errors by form key: an argument path names its field, or the nearest enclosing one (input.largestPod → podCpu). */
export function errorsByField(byArgument: Record<string, string>): { fields: Partial<Record<keyof RequestForm, string>>; rest: string[] } {
  const fields: Partial<Record<keyof RequestForm, string>> = {};
  const rest: string[] = [];
  for (const [arg, message] of Object.entries(byArgument)) {
    const exact = (Object.keys(argumentOf) as (keyof RequestForm)[]).find((k) => argumentOf[k] === arg);
    const prefix = exact ?? (Object.keys(argumentOf) as (keyof RequestForm)[]).find((k) => arg.startsWith(`${argumentOf[k]}.`) || arg.startsWith(`${argumentOf[k]}[`) || argumentOf[k].startsWith(`${arg}.`));
    if (prefix) fields[prefix] = fields[prefix] ? `${fields[prefix]} ${message}` : message;
    else rest.push(`${arg}: ${message}`);
  }
  return { fields, rest };
}

const list = (s: string) =>
  s
    .split(/[\s,]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** A number as typed; text that is not one goes to the server as NaN → null, so its own message names the field. */
const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s.trim()));

export function toInput(f: RequestForm): LayoutRequest {
  const input: LayoutRequest = { region: f.region.trim() };
  const set = <K extends keyof LayoutRequest>(k: K, v: LayoutRequest[K] | undefined) => {
    if (v !== undefined) input[k] = v;
  };
  set('provider', f.provider.trim() || undefined);
  set('cpu', num(f.cpu));
  set('memoryGiB', num(f.memoryGiB));
  set('gpus', num(f.gpus));
  set('gpuModel', f.gpuModel.trim() || undefined);
  set('minNodes', num(f.minNodes));
  set('maxNodes', num(f.maxNodes));
  set('maxPools', num(f.maxPools));
  set('onDemandPct', num(f.onDemandPct));
  set('spotDiversity', num(f.spotDiversity));
  set('alternatives', num(f.alternatives));
  set('timeLimitMs', num(f.timeLimitMs));
  input.wait = f.wait;
  input.allowBurst = f.allowBurst;
  input.allowOlderGen = f.allowOlderGen;
  input.sameSize = f.sameSize;
  if (f.architectures.length) input.architectures = f.architectures as LayoutRequest['architectures'];
  if (f.categories.length) input.categories = f.categories as LayoutRequest['categories'];
  if (f.networkPerf.length) input.networkPerf = f.networkPerf as LayoutRequest['networkPerf'];
  if (f.zones.length) input.zones = f.zones;
  if (f.includes.trim()) input.includes = list(f.includes);
  if (f.excludes.trim()) input.excludes = list(f.excludes);
  if (f.podCpu.trim() || f.podMemoryGiB.trim() || f.podGpus.trim()) {
    input.largestPod = { cpu: num(f.podCpu) ?? 0, memoryGiB: num(f.podMemoryGiB) ?? 0, gpus: num(f.podGpus) ?? 0 };
  }
  return input;
}

const keys = Object.keys(defaults) as (keyof RequestForm)[];

/** Only what differs from the defaults, so shared URLs stay short. */
export function toQuery(f: RequestForm): URLSearchParams {
  const q = new URLSearchParams();
  for (const k of keys) {
    const v = f[k];
    const d = defaults[k];
    if (Array.isArray(v)) {
      if (v.length) q.set(k, v.join(','));
    } else if (typeof v === 'boolean') {
      if (v !== d) q.set(k, v ? 'true' : 'false');
    } else if (v !== d) q.set(k, v);
  }
  return q;
}

/** The form a URL describes, or null when it names no request field. */
export function fromQuery(q: URLSearchParams): RequestForm | null {
  if (!keys.some((k) => q.has(k))) return null;
  const f: Record<string, unknown> = { ...defaults };
  for (const k of keys) {
    const v = q.get(k);
    if (v === null) continue;
    const d = defaults[k];
    f[k] = Array.isArray(d) ? v.split(',').filter(Boolean) : typeof d === 'boolean' ? v === 'true' : v;
  }
  return f as unknown as RequestForm;
}
