import type { RecommendationViewFragment } from '../../gql/graphql';
import { money, num, price } from '../../format';

type Recommendation = RecommendationViewFragment;
type Layout = Recommendation['layouts'][number];

const statusText: Record<string, string> = {
  OPTIMAL: 'Optimal (proven cheapest)',
  FEASIBLE: 'Feasible (time limit; see gap)',
  INFEASIBLE: 'Infeasible',
  TIMED_OUT: 'Timed out (greedy fallback)',
};

/** One layout: pools, node counts, the on-demand/spot split, prices, allocatable against the request, status, bound, gap. */
export function LayoutCard({ rec, layout, index }: { rec: Recommendation; layout: Layout; index: number }) {
  const cur = rec.currency;
  const od = layout.pools.filter((p) => p.capacityType === 'ON_DEMAND');
  const spot = layout.pools.filter((p) => p.capacityType === 'SPOT');
  const nodes = (ps: typeof od) => ps.reduce((s, p) => s + p.nodeCount, 0);
  const cost = (ps: typeof od) => ps.reduce((s, p) => s + p.hourlyPrice, 0);
  const req = rec.request;
  const id = `layout-${index + 1}`;
  return (
    <article class="card layout-card" aria-labelledby={`${id}-title`} data-testid="layout-card">
      <header class="layout-head">
        <h3 id={`${id}-title`}>{index === 0 ? 'Best layout' : `Alternative ${index}`}</h3>
        <span class={`badge ${rec.status === 'OPTIMAL' ? 'badge-ok' : rec.status === 'INFEASIBLE' ? 'badge-err' : 'badge-warn'}`} data-testid="status">
          {statusText[rec.status] ?? rec.status}
        </span>
      </header>
      <dl class="figures">
        <div>
          <dt>Hourly</dt>
          <dd data-testid="hourly">{price(layout.hourlyPrice, cur)}</dd>
        </div>
        <div>
          <dt>Monthly (730 h)</dt>
          <dd data-testid="monthly">{money(layout.monthlyPrice, cur)}</dd>
        </div>
        <div>
          <dt>Nodes</dt>
          <dd data-testid="nodes">{layout.nodeCount}</dd>
        </div>
        <div>
          <dt>On-demand / spot</dt>
          <dd data-testid="split">
            {nodes(od)} / {nodes(spot)} nodes
            <br />
            <small>
              {price(cost(od), cur)} / {price(cost(spot), cur)}
            </small>
          </dd>
        </div>
      </dl>
      <div class="scroll-x" tabIndex={0} role="region" aria-label={`Pools of ${index === 0 ? 'the best layout' : `alternative ${index}`}`}>
      <table class="pools">
        <caption class="sr-only">Pools of {index === 0 ? 'the best layout' : `alternative ${index}`}</caption>
        <thead>
          <tr>
            <th scope="col">Pool</th>
            <th scope="col">Capacity</th>
            <th scope="col" class="num">
              Nodes
            </th>
            <th scope="col" class="num">
              Unit /h
            </th>
            <th scope="col" class="num">
              Pool /h
            </th>
          </tr>
        </thead>
        <tbody>
          {layout.pools.map((p) => (
            <tr key={`${p.instanceTypeName}-${p.capacityType}`} data-testid="pool">
              <td class="mono">
                {p.instanceTypeName}
                {p.instanceType && (
                  <small class="muted">
                    {' '}
                    {p.instanceType.vcpu} vCPU, {num(p.instanceType.memoryGiB)} GiB
                  </small>
                )}
              </td>
              <td>{p.capacityType === 'SPOT' ? 'spot' : 'on demand'}</td>
              <td class="num">{p.nodeCount}</td>
              <td class="num">{p.unitPrice.toFixed(4)}</td>
              <td class="num">{p.hourlyPrice.toFixed(4)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <div class="scroll-x" tabIndex={0} role="region" aria-label={`Allocatable of ${index === 0 ? 'the best layout' : `alternative ${index}`}`}>
      <table class="fit">
        <caption>Allocatable against the request</caption>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col" class="num">
              Requested
            </th>
            <th scope="col" class="num">
              Allocatable
            </th>
            <th scope="col" class="num">
              Headroom
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">vCPU (sustained)</th>
            <td class="num">{num(req.cpu)}</td>
            <td class="num" data-testid="alloc-cpu">
              {num(layout.allocatable.sustainedVcpu)}
            </td>
            <td class="num">{num(layout.aboveRequest.sustainedVcpu)}</td>
          </tr>
          <tr>
            <th scope="row">Memory GiB</th>
            <td class="num">{num(req.memoryGiB)}</td>
            <td class="num" data-testid="alloc-mem">
              {num(layout.allocatable.memoryGiB)}
            </td>
            <td class="num">{num(layout.aboveRequest.memoryGiB)}</td>
          </tr>
          {(req.gpus > 0 || layout.allocatable.gpus > 0) && (
            <tr>
              <th scope="row">GPUs</th>
              <td class="num">{req.gpus}</td>
              <td class="num">{layout.allocatable.gpus}</td>
              <td class="num">{layout.aboveRequest.gpus}</td>
            </tr>
          )}
        </tbody>
      </table>
      </div>
      {index === 0 && (
        <p class="small muted bound">
          Lower bound {rec.lowerBound === null || rec.lowerBound === undefined ? 'unknown' : price(rec.lowerBound, cur)}, gap{' '}
          <span data-testid="gap">{rec.gap === null || rec.gap === undefined ? 'unknown' : `${(rec.gap * 100).toFixed(2)} %`}</span>
        </p>
      )}
    </article>
  );
}
