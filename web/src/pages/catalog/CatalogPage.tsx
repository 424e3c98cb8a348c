import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import {
  CatalogFreshnessDocument,
  CatalogInstanceTypesDocument,
  CatalogPlacesDocument,
  type CatalogFreshnessQuery,
  type CatalogInstanceTypesQuery,
  type CatalogPlacesQuery,
} from '../../gql/graphql';
import { request } from '../../graphql/client';
import { RequestFailure } from '../../graphql/errors';
import { Banner } from '../../components/Banner';
import { setQuery } from '../../router';
import { emptyFilters, filtersFromQuery, filtersToQuery, toFilter, type FilterForm, type Order } from './filters';
import { FilterPanel } from './FilterPanel';
import { InstanceTable } from './InstanceTable';
import type { ComponentType } from 'preact';
import { Freshness } from './Freshness';

export type InstanceRow = CatalogInstanceTypesQuery['instanceTypes']['nodes'][number];
type Places = CatalogPlacesQuery['providers'];
type RegionStatus = CatalogFreshnessQuery['catalogStatus']['regions'][number];

const pageSizes = [25, 50, 100, 200];

/** cn-hangzhou when offered (the README's examples use it), else the first region. */
export const defaultRegion = (regions: { id: string }[]) => (regions.find((r) => r.id === 'cn-hangzhou') ?? regions[0])?.id ?? '';

/** Catalog browser: pickers, server-side filters and order, cursor paging, a price chart and the data's freshness. */
export default function CatalogPage() {
  const initial = new URLSearchParams(location.search);
  const [places, setPlaces] = useState<Places>([]);
  const [status, setStatus] = useState<RegionStatus[]>([]);
  const [provider, setProvider] = useState(initial.get('provider') ?? 'alibaba');
  const [region, setRegion] = useState(initial.get('region') ?? '');
  const [zone, setZone] = useState(initial.get('zone') ?? '');
  const [form, setForm] = useState<FilterForm>(() => filtersFromQuery(initial));
  const [applied, setApplied] = useState<FilterForm>(form);
  const [order, setOrder] = useState<Order>({
    field: (initial.get('order') as Order['field']) ?? 'PRICE',
    direction: (initial.get('dir') as Order['direction']) ?? 'ASC',
  });
  const [pageSize, setPageSize] = useState(Number(initial.get('first')) || 50);
  const [cursors, setCursors] = useState<(string | null)[]>([null]); // cursor of each visited page
  const [page, setPage] = useState<CatalogInstanceTypesQuery['instanceTypes'] | null>(null);
  const [all, setAll] = useState<InstanceRow[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // The chart (Chart.js, most of the console's bytes) loads after the table, off the first render's path.
  const [Chart, setChart] = useState<ComponentType<{ rows: InstanceRow[] }> | null>(null);
  useEffect(() => {
    import('./PriceChart').then((m) => setChart(() => m.PriceChart)).catch(() => undefined);
  }, []);

  // Pickers and freshness.
  useEffect(() => {
    const ctl = new AbortController();
    request(CatalogPlacesDocument, {}, ctl.signal)
      .then((d) => {
        setPlaces(d.providers);
        const p = d.providers.find((x) => x.id === provider) ?? d.providers[0];
        if (p && p.id !== provider) setProvider(p.id);
        if (p && !p.regions.some((r) => r.id === region)) setRegion(defaultRegion(p.regions));
      })
      .catch((e) => ctl.signal.aborted || setFailure(e));
    return () => ctl.abort();
  }, [attempt]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    let ctl = new AbortController();
    const load = () =>
      request(CatalogFreshnessDocument, {}, ctl.signal)
        .then((d) => setStatus(d.catalogStatus.regions))
        .catch(() => undefined); // the table's banner reports an unreachable service
    load();
    const timer = setInterval(() => {
      ctl = new AbortController();
      load();
    }, 60_000);
    return () => {
      clearInterval(timer);
      ctl.abort();
    };
  }, [attempt]);

  const after = cursors[cursors.length - 1] ?? null;
  const filter = useMemo(() => toFilter(applied, zone), [applied, zone]);

  // The current page of the table.
  useEffect(() => {
    if (!region) return;
    const ctl = new AbortController();
    setLoading(true);
    request(
      CatalogInstanceTypesDocument,
      { provider, region, filter, orderBy: { field: order.field, direction: order.direction }, first: pageSize, after },
      ctl.signal,
    )
      .then((d) => {
        setPage(d.instanceTypes);
        setFailure(null);
      })
      .catch((e) => ctl.signal.aborted || setFailure(e))
      .finally(() => ctl.signal.aborted || setLoading(false));
    return () => ctl.abort();
  }, [provider, region, filter, order, pageSize, after, attempt]);

  // Every matching type (up to the API's 500) for the chart.
  useEffect(() => {
    if (!region) return;
    const ctl = new AbortController();
    request(CatalogInstanceTypesDocument, { provider, region, filter, first: 500 }, ctl.signal)
      .then((d) => setAll(d.instanceTypes.nodes))
      .catch(() => undefined); // the table's banner or field message reports it; the chart keeps what it showed
    return () => ctl.abort();
  }, [provider, region, filter, attempt]);

  // The URL reproduces the view.
  useEffect(() => {
    const q = new URLSearchParams();
    q.set('provider', provider);
    if (region) q.set('region', region);
    if (zone) q.set('zone', zone);
    filtersToQuery(applied, q);
    if (order.field !== 'PRICE' || order.direction !== 'ASC') {
      q.set('order', order.field);
      q.set('dir', order.direction);
    }
    if (pageSize !== 50) q.set('first', String(pageSize));
    setQuery(q);
  }, [provider, region, zone, applied, order, pageSize]);

  // For measurements (tests read it): the first time the table shows the server's rows.
  useEffect(() => {
    if (page && performance.getEntriesByName('console:catalog-rendered').length === 0) performance.mark('console:catalog-rendered');
  }, [page]);

  const restart = () => setCursors([null]);
  const regions = places.find((p) => p.id === provider)?.regions ?? [];
  const zones = regions.find((r) => r.id === region)?.zones ?? [];
  const regionStatus = status.find((s) => s.provider === provider && s.region === region);
  const fieldErrors = failure instanceof RequestFailure ? failure.fieldErrors() : {};
  const bannerFailure = failure instanceof RequestFailure && failure.kind === 'bad-input' && Object.keys(fieldErrors).length ? null : failure;

  const apply = useCallback(
    (f: FilterForm) => {
      setApplied(f);
      restart();
    },
    [],
  );

  return (
    <section class="catalog" aria-labelledby="catalog-title">
      <div class="page-head">
        <h1 id="catalog-title">Catalog</h1>
        <Freshness status={regionStatus} region={region} />
      </div>
      <Banner failure={bannerFailure} onRetry={() => setAttempt((a) => a + 1)} onDismiss={() => setFailure(null)} />
      <div class="pickers" role="group" aria-label="Where">
        <div class="field">
          <label for="provider">Provider</label>
          <select
            id="provider"
            value={provider}
            onChange={(e) => {
              const p = (e.target as HTMLSelectElement).value;
              setProvider(p);
              setRegion(defaultRegion(places.find((x) => x.id === p)?.regions ?? []));
              setZone('');
              restart();
            }}
          >
            {places.length === 0 && <option value={provider}>{provider}</option>}
            {places.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="region">Region</label>
          <select
            id="region"
            value={region}
            onChange={(e) => {
              setRegion((e.target as HTMLSelectElement).value);
              setZone('');
              restart();
            }}
          >
            {regions.length === 0 && <option value={region}>{region || '…'}</option>}
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} ({r.id})
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="zone">Zone</label>
          <select
            id="zone"
            value={zone}
            onChange={(e) => {
              setZone((e.target as HTMLSelectElement).value);
              restart();
            }}
          >
            <option value="">All zones</option>
            {zones.map((z) => (
              <option key={z.id} value={z.id}>
                {z.name} ({z.id})
              </option>
            ))}
          </select>
        </div>
      </div>
      <FilterPanel
        form={form}
        onChange={setForm}
        onApply={() => apply(form)}
        onReset={() => {
          setForm(emptyFilters);
          apply(emptyFilters);
        }}
        errors={fieldErrors}
        zoneSelected={zone !== ''}
      />
      <div class="results-head">
        <p aria-live="polite" id="catalog-count">
          {loading ? 'Loading…' : page ? `${page.totalCount} instance types match; page ${cursors.length} shows ${page.nodes.length}.` : ''}
        </p>
        <div class="field inline">
          <label for="page-size">Per page</label>
          <select
            id="page-size"
            value={pageSize}
            onChange={(e) => {
              setPageSize(Number((e.target as HTMLSelectElement).value));
              restart();
            }}
          >
            {pageSizes.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
      </div>
      <InstanceTable
        rows={page?.nodes ?? []}
        zones={zones.map((z) => z.id)}
        order={order}
        onOrder={(o) => {
          setOrder(o);
          restart();
        }}
      />
      <nav class="pager" aria-label="Pages">
        <button type="button" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          Previous page
        </button>
        <span>Page {cursors.length}</span>
        <button
          type="button"
          disabled={!page?.pageInfo.hasNextPage}
          onClick={() => page?.pageInfo.endCursor && setCursors((c) => [...c, page.pageInfo.endCursor!])}
        >
          Next page
        </button>
      </nav>
      {Chart ? <Chart rows={all ?? []} /> : <p class="muted">Loading the chart…</p>}
    </section>
  );
}
