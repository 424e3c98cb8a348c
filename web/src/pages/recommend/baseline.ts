// A Telescopes-style single-type baseline, computed in the browser from the region's catalog (read over GraphQL):
// the API has no baseline for recommendLayout. One instance type for every node, as many nodes as the request needs
// (allocatable, burstable types at their sustained share, at least minNodes), onDemandPct % of them on demand, the rest
// spot at the highest spot price among the request's zones. The cheapest such type is the baseline.
import type { BaselineCandidatesQuery } from '../../gql/graphql';
import type { RequestForm } from './request';

export type Candidate = BaselineCandidatesQuery['instanceTypes']['nodes'][number];

export interface Baseline {
  instanceTypeName: string;
  nodeCount: number;
  onDemandNodes: number;
  spotNodes: number;
  onDemandUnitPrice: number;
  spotUnitPrice: number | null;
  hourlyPrice: number;
}

const num = (s: string, d: number) => (s.trim() === '' || !Number.isFinite(Number(s)) ? d : Number(s));
const matches = (name: string, family: string, list: string) =>
  list
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((x) => x === name || x === family);

export function singleTypeBaseline(types: Candidate[], f: RequestForm): Baseline | null {
  const cpu = num(f.cpu, 0);
  const mem = num(f.memoryGiB, 0);
  const gpus = num(f.gpus, 0);
  const minNodes = Math.max(1, num(f.minNodes, 1));
  const maxNodes = num(f.maxNodes, 5000);
  const pct = Math.min(100, Math.max(0, num(f.onDemandPct, 0)));
  let best: Baseline | null = null;
  for (const t of types) {
    if (!f.allowBurst && t.burstable) continue;
    if (!f.allowOlderGen && !t.currentGeneration) continue;
    if (f.architectures.length && !f.architectures.includes(t.architecture)) continue;
    if (f.categories.length && !f.categories.includes(t.category)) continue;
    if (f.networkPerf.length && !f.networkPerf.includes(t.networkPerformance)) continue;
    if (f.includes.trim() && !matches(t.name, t.family, f.includes)) continue;
    if (f.excludes.trim() && matches(t.name, t.family, f.excludes)) continue;
    if (f.gpuModel.trim() && t.gpuCount > 0 && t.gpuModel?.toLowerCase() !== f.gpuModel.trim().toLowerCase()) continue;
    if (f.zones.some((z) => !t.availability.some((a) => a.zone === z && a.status === 'WITH_STOCK'))) continue;
    // Sustained share of the allocatable vCPU for burstable types, as the solver counts them.
    const cpuPerNode = t.vcpu > 0 ? (t.allocatableVcpu * t.sustainedVcpu) / t.vcpu : 0;
    const need = (want: number, per: number) => (want <= 0 ? 0 : per <= 0 ? Infinity : Math.ceil(want / per - 1e-9));
    const n = Math.max(minNodes, need(cpu, cpuPerNode), need(mem, t.allocatableMemoryGiB), need(gpus, t.gpuCount));
    if (!Number.isFinite(n) || n > maxNodes) continue;
    const zones = f.zones.length ? f.zones : t.spotPrices.map((s) => s.zone);
    const spotPrices = zones.map((z) => t.spotPrices.find((s) => s.zone === z)?.price);
    const spot = spotPrices.length && spotPrices.every((p) => p !== undefined) ? Math.max(...(spotPrices as number[])) : null;
    const onDemandNodes = spot === null ? n : Math.ceil((n * pct) / 100 - 1e-9);
    const spotNodes = n - onDemandNodes;
    const hourly = onDemandNodes * t.onDemandPrice + spotNodes * (spot ?? 0);
    if (!best || hourly < best.hourlyPrice) {
      best = {
        instanceTypeName: t.name,
        nodeCount: n,
        onDemandNodes,
        spotNodes,
        onDemandUnitPrice: t.onDemandPrice,
        spotUnitPrice: spotNodes > 0 ? spot : null,
        hourlyPrice: hourly,
      };
    }
  }
  return best;
}
