import { useState } from 'preact/hooks';
import { DataTable, sortRows, type Column, type SortState } from '../../components/DataTable';
import { num } from '../../format';
import type { InstanceRow } from './CatalogPage';
import type { Order } from './filters';

/** Columns the API can order by (over all pages); the others sort the rows of the current page. */
const serverOrder: Record<string, Order['field']> = { name: 'NAME', onDemand: 'PRICE', perVcpu: 'PRICE_PER_VCPU' };

export function cheapestSpot(r: InstanceRow): { zone: string; price: number } | null {
  let best: { zone: string; price: number } | null = null;
  for (const s of r.spotPrices) if (!best || s.price < best.price) best = { zone: s.zone, price: s.price };
  return best;
}

const pricePerGiB = (r: InstanceRow) => (r.memoryGiB > 0 ? r.onDemandPrice / r.memoryGiB : null);

function columns(zones: string[]): Column<InstanceRow>[] {
  return [
    { key: 'name', header: 'Instance type', cell: (r) => <span class="mono">{r.name}</span>, sortValue: (r) => r.name },
    { key: 'vcpu', header: 'vCPU', numeric: true, cell: (r) => r.vcpu, sortValue: (r) => r.vcpu },
    {
      key: 'sustained',
      header: 'Sustained vCPU',
      numeric: true,
      cell: (r) => (r.burstable ? <span title="Burstable: credit-based">{num(r.sustainedVcpu)}*</span> : num(r.sustainedVcpu)),
      sortValue: (r) => r.sustainedVcpu,
    },
    { key: 'memory', header: 'Memory GiB', numeric: true, cell: (r) => num(r.memoryGiB), sortValue: (r) => r.memoryGiB },
    {
      key: 'gpu',
      header: 'GPU',
      cell: (r) => (r.gpuCount > 0 ? `${r.gpuCount} × ${r.gpuModel ?? 'GPU'}` : '—'),
      sortValue: (r) => r.gpuCount,
    },
    {
      key: 'network',
      header: 'Network Gbit/s',
      numeric: true,
      cell: (r) => num(r.networkBandwidthGbps),
      sortValue: (r) => r.networkBandwidthGbps,
    },
    { key: 'onDemand', header: 'On-demand /h', numeric: true, cell: (r) => r.onDemandPrice.toFixed(4), sortValue: (r) => r.onDemandPrice },
    {
      key: 'spot',
      header: 'Cheapest spot /h (zone)',
      numeric: true,
      cell: (r) => {
        const s = cheapestSpot(r);
        return s ? (
          <>
            {s.price.toFixed(4)} <small class="muted">{s.zone}</small>
          </>
        ) : (
          <span class="muted">no spot</span>
        );
      },
      sortValue: (r) => cheapestSpot(r)?.price ?? null,
    },
    { key: 'perVcpu', header: 'Per vCPU /h', numeric: true, cell: (r) => r.pricePerVcpu.toFixed(4), sortValue: (r) => r.pricePerVcpu },
    {
      key: 'perGiB',
      header: 'Per GiB /h',
      numeric: true,
      cell: (r) => pricePerGiB(r)?.toFixed(4) ?? '—',
      sortValue: pricePerGiB,
    },
    {
      key: 'stock',
      header: 'Stock per zone',
      cell: (r) => (
        <ul class="stock">
          {zones.map((z) => {
            const a = r.availability.find((x) => x.zone === z);
            const label = !a ? 'not offered' : a.status === 'WITH_STOCK' ? 'in stock' : 'sold out';
            return (
              <li key={z} class={`stock-${!a ? 'none' : a.status === 'WITH_STOCK' ? 'ok' : 'out'}`}>
                <span aria-hidden="true">{!a ? '·' : a.status === 'WITH_STOCK' ? '✓' : '✗'}</span> {z.slice(z.lastIndexOf('-') + 1)}
                <span class="sr-only">
                  {' '}
                  {z}: {label}
                </span>
              </li>
            );
          })}
        </ul>
      ),
      sortValue: (r) => r.availability.filter((a) => a.status === 'WITH_STOCK').length,
    },
  ];
}

interface Props {
  rows: InstanceRow[];
  zones: string[];
  order: Order;
  onOrder: (o: Order) => void;
}

export function InstanceTable({ rows, zones, order, onOrder }: Props) {
  const [local, setLocal] = useState<SortState | null>(null);
  const cols = columns(zones);
  const serverKey = Object.entries(serverOrder).find(([, f]) => f === order.field)?.[0] ?? 'onDemand';
  const sort: SortState = local ?? { key: serverKey, dir: order.direction === 'ASC' ? 'asc' : 'desc' };
  return (
    <>
      <DataTable
        caption="Instance types"
        columns={cols}
        rows={local ? sortRows(rows, cols, local) : rows}
        rowKey={(r) => r.name}
        sort={sort}
        onSort={(s) => {
          const field = serverOrder[s.key];
          if (field) {
            setLocal(null);
            onOrder({ field, direction: s.dir === 'asc' ? 'ASC' : 'DESC' });
          } else setLocal(s);
        }}
        empty="No instance type matches these filters."
      />
      <p class="muted small">
        Prices are hourly. Name, on-demand and per-vCPU order all pages (the API's order); other columns sort the rows of this page.
        {local ? ' Sorted within this page.' : ''} * burstable: sustained at its baseline share.
      </p>
    </>
  );
}
