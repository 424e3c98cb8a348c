import { useMemo, useState } from 'preact/hooks';
import { ScatterChart, type ScatterPoint } from '../../components/ScatterChart';
import type { InstanceRow } from './CatalogPage';

/** On-demand price against vCPU or memory for every matching type, the cheapest type of each size marked. */
export function PriceChart({ rows }: { rows: InstanceRow[] }) {
  const [axis, setAxis] = useState<'vcpu' | 'memory'>('vcpu');
  const { series, cheapest } = useMemo(() => {
    const x = (r: InstanceRow) => (axis === 'vcpu' ? r.vcpu : r.memoryGiB);
    const best = new Map<number, InstanceRow>();
    for (const r of rows) {
      const b = best.get(x(r));
      if (!b || r.onDemandPrice < b.onDemandPrice) best.set(x(r), r);
    }
    const marked = new Set(best.values());
    const point = (r: InstanceRow): ScatterPoint => ({ x: x(r), y: r.onDemandPrice, label: r.name });
    return {
      cheapest: [...best.entries()].sort((a, b) => a[0] - b[0]),
      series: [
        { name: 'Instance types', points: rows.filter((r) => !marked.has(r)).map(point), color: 'rgba(37, 99, 235, 0.45)' },
        { name: 'Cheapest of its size', points: [...marked].map(point), color: '#b45309', radius: 6, style: 'rectRot' as const },
      ],
    };
  }, [rows, axis]);
  const unit = axis === 'vcpu' ? 'vCPU' : 'GiB';
  return (
    <section class="card chart-card" aria-labelledby="chart-title">
      <div class="chart-head">
        <h2 id="chart-title">Price against {axis === 'vcpu' ? 'vCPU' : 'memory'}</h2>
        <div class="segmented" role="radiogroup" aria-label="Horizontal axis">
          {(['vcpu', 'memory'] as const).map((a) => (
            <label key={a} class="check">
              <input type="radio" name="chart-axis" checked={axis === a} onChange={() => setAxis(a)} /> {a === 'vcpu' ? 'vCPU' : 'Memory'}
            </label>
          ))}
        </div>
      </div>
      <p class="muted small">{rows.length} matching types (up to 500), on-demand price per hour.</p>
      <ScatterChart
        label={`Scatter chart of on-demand hourly price against ${unit} for ${rows.length} instance types; the cheapest per size are listed below.`}
        xTitle={axis === 'vcpu' ? 'vCPU' : 'Memory (GiB)'}
        yTitle="On-demand price per hour"
        series={series}
      />
      <details>
        <summary>Cheapest type per size ({cheapest.length})</summary>
        <ul class="cheapest-list">
          {cheapest.map(([size, r]) => (
            <li key={size}>
              {size} {unit}: <span class="mono">{r.name}</span> {r.onDemandPrice.toFixed(4)} {r.currency}/h
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
