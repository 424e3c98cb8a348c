import { useMemo } from 'preact/hooks';
import type { RecommendationViewFragment } from '../../gql/graphql';
import { StackedBars, type BarSegment } from '../../components/StackedBars';
import { price } from '../../format';
import type { Baseline } from './baseline';

const palette = ['#1d4ed8', '#b45309', '#047857', '#7c3aed', '#be123c', '#0e7490', '#4d7c0f', '#a16207', '#334155', '#c2410c'];

/** Hourly price of each layout stacked by pool, with the single-type baseline as the last bar. */
export function PriceComparison({ rec, baseline }: { rec: RecommendationViewFragment; baseline: Baseline | null | undefined }) {
  const { bars, segments } = useMemo(() => {
    const bars = rec.layouts.map((_, i) => (i === 0 ? 'Best' : `Alternative ${i}`));
    if (baseline) bars.push('Single-type baseline');
    const byPool = new Map<string, number[]>();
    rec.layouts.forEach((l, i) => {
      for (const p of l.pools) {
        const key = `${p.instanceTypeName} ${p.capacityType === 'SPOT' ? 'spot' : 'on demand'}`;
        const values = byPool.get(key) ?? bars.map(() => 0);
        values[i] = (values[i] ?? 0) + p.hourlyPrice;
        byPool.set(key, values);
      }
    });
    if (baseline) {
      const last = bars.length - 1;
      const add = (key: string, v: number) => {
        const values = byPool.get(key) ?? bars.map(() => 0);
        values[last] = (values[last] ?? 0) + v;
        byPool.set(key, values);
      };
      if (baseline.onDemandNodes) add(`${baseline.instanceTypeName} on demand`, baseline.onDemandNodes * baseline.onDemandUnitPrice);
      if (baseline.spotNodes && baseline.spotUnitPrice !== null) add(`${baseline.instanceTypeName} spot`, baseline.spotNodes * baseline.spotUnitPrice);
    }
    const segments: BarSegment[] = [...byPool.entries()].map(([name, values], i) => ({ name, values, color: palette[i % palette.length]! }));
    return { bars, segments };
  }, [rec, baseline]);

  const best = rec.layouts[0]!;
  return (
    <section class="card" aria-labelledby="compare-title">
      <h2 id="compare-title">Hourly price by pool</h2>
      <StackedBars
        label={`Stacked bar chart of the hourly price of ${rec.layouts.length} layouts by pool${baseline ? ' and of the single-type baseline' : ''}; the figures are in the cards and below.`}
        bars={bars}
        segments={segments}
        yTitle={`${rec.currency} per hour`}
      />
      <ul class="small" data-testid="chart-figures">
        {rec.layouts.map((l, i) => (
          <li key={i}>
            {i === 0 ? 'Best' : `Alternative ${i}`}: {price(l.hourlyPrice, rec.currency)}
          </li>
        ))}
        {baseline ? (
          <li data-testid="baseline">
            Single-type baseline: {baseline.nodeCount} × {baseline.instanceTypeName} ({baseline.onDemandNodes} on demand, {baseline.spotNodes} spot),{' '}
            {price(baseline.hourlyPrice, rec.currency)}
            {baseline.hourlyPrice > 0 && <> — the best layout costs {((best.hourlyPrice / baseline.hourlyPrice) * 100).toFixed(0)} % of it</>}
          </li>
        ) : baseline === null ? (
          <li data-testid="baseline">No single instance type meets this request on its own.</li>
        ) : null}
      </ul>
      <p class="small muted">
        The baseline is computed in the browser from the region's catalog (the API has no baseline for a layout), Telescopes-style: the
        cheapest single instance type for every node, enough of them for the request's sustained vCPU, memory, GPUs and minimum nodes,
        the on-demand share of the nodes on demand and the rest spot at the highest spot price among the zones. It does not apply the
        pool, spot-diversity, same-size or largest-pod rules.
      </p>
    </section>
  );
}
