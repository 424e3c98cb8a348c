import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  CatalogPlacesDocument,
  ScaleOutClusterNodesDocument,
  ScaleOutClustersDocument,
  ScaleOutConsultationsDocument,
  ScaleOutRecommendDocument,
  type ScaleOutClustersQuery,
  type ScaleOutConsultationsQuery,
  type ScaleOutRecommendQuery,
} from '../../gql/graphql';
import { request } from '../../graphql/client';
import { RequestFailure } from '../../graphql/errors';
import { Banner } from '../../components/Banner';
import { describedBy, Field } from '../../components/Field';
import { AmountField } from '../../components/AmountField';
import { RegionOptions } from '../../components/RegionOptions';
import { ScatterChart } from '../../components/ScatterChart';
import { price } from '../../format';
import { useOrganization, useViewer } from '../signin/organization';
import '../signin/pages.css';

type Answer = ScaleOutRecommendQuery['recommendScaleOut'];
type Consultation = ScaleOutConsultationsQuery['consultations']['nodes'][number];
type ClusterOption = ScaleOutClustersQuery['clusters'][number];

interface Pool {
  name: string;
  instanceType: string;
  capacityType: 'ON_DEMAND' | 'SPOT';
  nodeCount: string;
  usedCpu: string;
  usedMemoryGiB: string;
}

interface Form {
  region: string;
  cluster: string;
  cpu: string;
  memoryGiB: string;
  alternatives: string;
  pools: Pool[];
}

const newPool = (): Pool => ({ name: '', instanceType: '', capacityType: 'ON_DEMAND', nodeCount: '1', usedCpu: '', usedMemoryGiB: '' });

const optionalNumber = (text: string) => (text.trim() === '' ? null : Number(text));

/** Scale out: what to add to a cluster's current pools for extra capacity, with the cluster's decision log. */
export default function ScaleOutPage() {
  const { viewer } = useViewer();
  const [org] = useOrganization(viewer);
  const [regions, setRegions] = useState<{ id: string; name: string }[]>([]);
  const [form, setForm] = useState<Form>({
    region: 'cn-hangzhou',
    cluster: 'my-cluster',
    cpu: '8',
    memoryGiB: '16',
    alternatives: '3',
    pools: [{ ...newPool(), name: 'workers', instanceType: 'ecs.g7.xlarge', nodeCount: '2' }],
  });
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [log, setLog] = useState<Consultation[] | null>(null);
  const [logFailure, setLogFailure] = useState<unknown>(null);
  const [logAttempt, setLogAttempt] = useState(0);
  const [clusters, setClusters] = useState<ClusterOption[]>([]);
  const [loadFrom, setLoadFrom] = useState('');

  useEffect(() => {
    request(CatalogPlacesDocument, {})
      .then((d) => setRegions(d.providers.find((p) => p.id === 'alibaba')?.regions ?? []))
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    if (!org) return;
    request(ScaleOutClustersDocument, { org })
      .then((d) => setClusters(d.clusters))
      .catch(() => setClusters([]));
  }, [org]);

  const cluster = form.cluster.trim();
  useEffect(() => {
    if (!cluster) return;
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      request(ScaleOutConsultationsDocument, { cluster, org: org || null }, ctl.signal)
        .then((d) => {
          setLog(d.consultations.nodes);
          setLogFailure(null);
        })
        .catch((e) => ctl.signal.aborted || setLogFailure(e));
    }, 300);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [cluster, org, logAttempt]);

  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const setPool = (i: number, patch: Partial<Pool>) => setForm((f) => ({ ...f, pools: f.pools.map((p, j) => (j === i ? { ...p, ...patch } : p)) }));

  const loadPools = async () => {
    const source = clusters.find((c) => c.clusterId === loadFrom);
    if (!source) return;
    setFailure(null);
    try {
      const d = await request(ScaleOutClusterNodesDocument, { org, clusterId: source.clusterId });
      const groups = new Map<string, Pool>();
      for (const n of d.clusterNodes) {
        if (n.role === 'Master' || !n.instanceType) continue;
        const spot = Boolean(n.spotStrategy && n.spotStrategy !== 'NoSpot');
        const key = `${n.nodePoolName ?? ''}|${n.instanceType}|${spot}`;
        const pool = groups.get(key) ?? { ...newPool(), name: n.nodePoolName ?? '', instanceType: n.instanceType, capacityType: spot ? 'SPOT' : 'ON_DEMAND', nodeCount: '0' };
        pool.nodeCount = String(Number(pool.nodeCount) + 1);
        groups.set(key, pool);
      }
      set({ region: source.region, cluster: source.clusterId, pools: groups.size ? [...groups.values()] : [newPool()] });
    } catch (e) {
      setFailure(e);
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const d = await request(ScaleOutRecommendDocument, {
        input: {
          region: form.region,
          clusterId: cluster || null,
          organization: org || null,
          cpu: Number(form.cpu || 0),
          memoryGiB: Number(form.memoryGiB || 0),
          alternatives: Number(form.alternatives || 1),
          pools: form.pools.map((p, i) => ({
            name: p.name.trim() || `pool-${i + 1}`,
            instanceType: p.instanceType.trim(),
            capacityType: p.capacityType,
            nodeCount: Number(p.nodeCount || 0),
            usedCpu: optionalNumber(p.usedCpu),
            usedMemoryGiB: optionalNumber(p.usedMemoryGiB),
          })),
        },
      });
      setAnswer(d.recommendScaleOut);
      setLogAttempt((a) => a + 1);
    } catch (err) {
      setFailure(err); // the form keeps everything typed
    } finally {
      setBusy(false);
    }
  };

  const fieldErrors = failure instanceof RequestFailure ? failure.fieldErrors() : {};
  const series = useMemo(
    () =>
      answer
        ? [
            {
              name: 'Changes',
              color: '#1d4ed8',
              radius: 6,
              points: answer.plans.map((p, i) => ({ x: p.nodesAdded, y: p.addedHourlyPrice, label: i === 0 ? 'Best' : `Alternative ${i}` })),
            },
            ...(answer.singlePoolGrowth
              ? [
                  {
                    name: 'Growing one pool',
                    color: '#b45309',
                    radius: 7,
                    style: 'rectRot' as const,
                    points: [{ x: answer.singlePoolGrowth.nodesAdded, y: answer.singlePoolGrowth.addedHourlyPrice, label: answer.singlePoolGrowth.pool }],
                  },
                ]
              : []),
          ]
        : [],
    [answer],
  );

  return (
    <section aria-labelledby="scaleout-title">
      <h1 id="scaleout-title">Scale out</h1>
      <p class="muted">What to add to a running cluster's pools for more capacity: spare capacity is used first, then the cheapest growth or new pools.</p>
      <Banner failure={failure} onDismiss={() => setFailure(null)} />
      <form class="card" onSubmit={submit} aria-labelledby="so-form-title">
        <h2 id="so-form-title">The cluster now and what it needs</h2>
        {clusters.length > 0 && (
          <div class="field inline" style="margin-bottom:10px">
            <label for="so-load">Load pools from</label>
            <select id="so-load" value={loadFrom} onChange={(e) => setLoadFrom((e.target as HTMLSelectElement).value)}>
              <option value="">Choose a cluster…</option>
              {clusters.map((c) => (
                <option key={c.clusterId} value={c.clusterId}>
                  {c.name} ({c.clusterId})
                </option>
              ))}
            </select>
            <button type="button" class="secondary" onClick={loadPools} disabled={!loadFrom}>
              Load
            </button>
          </div>
        )}
        <div class="grid">
          <Field id="so-region" label="Region" error={fieldErrors['input.region']}>
            <select id="so-region" value={form.region} onChange={(e) => set({ region: (e.target as HTMLSelectElement).value })}>
              <RegionOptions regions={regions} selected={form.region} />
            </select>
          </Field>
          <Field id="so-cluster" label="Cluster label" hint="The decision log keeps answers under it">
            <input id="so-cluster" value={form.cluster} aria-describedby="so-cluster-hint" onInput={(e) => set({ cluster: (e.target as HTMLInputElement).value })} />
          </Field>
          <AmountField id="so-cpu" label="Extra vCPU" value={form.cpu} error={fieldErrors['input.cpu']} onValue={(cpu) => set({ cpu })} />
          <AmountField id="so-memory" label="Extra memory (GiB)" value={form.memoryGiB} error={fieldErrors['input.memoryGiB']} onValue={(memoryGiB) => set({ memoryGiB })} />
          <Field id="so-alternatives" label="Changes to show" error={fieldErrors['input.alternatives']}>
            <input id="so-alternatives" type="number" min="1" max="10" value={form.alternatives} onInput={(e) => set({ alternatives: (e.target as HTMLInputElement).value })} />
          </Field>
        </div>
        <fieldset style="margin-top:12px">
          <legend>Current pools</legend>
          {form.pools.map((p, i) => {
            const typeError = fieldErrors[`input.pools[${i}].instanceType`] ?? fieldErrors[`input.pools.${i}.instanceType`];
            return (
              <div class="op-pool-row" key={i} data-pool={i}>
                <Field id={`so-pool-${i}-type`} label={`Pool ${i + 1} instance type`} error={typeError}>
                  <input
                    id={`so-pool-${i}-type`}
                    value={p.instanceType}
                    required
                    aria-describedby={describedBy(`so-pool-${i}-type`, undefined, typeError)}
                    onInput={(e) => setPool(i, { instanceType: (e.target as HTMLInputElement).value })}
                  />
                </Field>
                <Field id={`so-pool-${i}-capacity`} label="Capacity">
                  <select
                    id={`so-pool-${i}-capacity`}
                    value={p.capacityType}
                    onChange={(e) => setPool(i, { capacityType: (e.target as HTMLSelectElement).value as Pool['capacityType'] })}
                  >
                    <option value="ON_DEMAND">On-demand</option>
                    <option value="SPOT">Spot</option>
                  </select>
                </Field>
                <Field id={`so-pool-${i}-nodes`} label="Nodes">
                  <input id={`so-pool-${i}-nodes`} type="number" min="0" value={p.nodeCount} onInput={(e) => setPool(i, { nodeCount: (e.target as HTMLInputElement).value })} />
                </Field>
                <Field id={`so-pool-${i}-cpu`} label="Used vCPU">
                  <input id={`so-pool-${i}-cpu`} type="number" min="0" step="any" placeholder="full" value={p.usedCpu} onInput={(e) => setPool(i, { usedCpu: (e.target as HTMLInputElement).value })} />
                </Field>
                <Field id={`so-pool-${i}-mem`} label="Used GiB">
                  <input id={`so-pool-${i}-mem`} type="number" min="0" step="any" placeholder="full" value={p.usedMemoryGiB} onInput={(e) => setPool(i, { usedMemoryGiB: (e.target as HTMLInputElement).value })} />
                </Field>
                <button type="button" class="secondary" aria-label={`Remove pool ${i + 1}`} disabled={form.pools.length === 1} onClick={() => set({ pools: form.pools.filter((_, j) => j !== i) })}>
                  Remove
                </button>
              </div>
            );
          })}
          <button type="button" class="secondary" onClick={() => set({ pools: [...form.pools, newPool()] })}>
            Add a pool
          </button>
        </fieldset>
        <div class="actions">
          <button type="submit" disabled={busy}>
            Recommend a scale-out
          </button>
        </div>
      </form>
      {answer && (
        <section aria-labelledby="so-result-title" id="so-result">
          <div class="results-head">
            <h2 id="so-result-title">
              {answer.plans.length === 0 ? 'No change' : `${answer.plans.length} change${answer.plans.length > 1 ? 's' : ''}`} ·{' '}
              <span class="badge">{answer.status}</span>
            </h2>
            <p class="small muted">
              Net demand {answer.demand.netCpu} vCPU, {answer.demand.netMemoryGiB} GiB after {answer.demand.spareCpu} vCPU, {answer.demand.spareMemoryGiB} GiB spare ·{' '}
              {answer.optionsCompared} options compared in {answer.solveTimeMs} ms
            </p>
          </div>
          {answer.explanation && <p>{answer.explanation}</p>}
          <div class="op-cards">
            {answer.plans.map((plan, i) => (
              <article class="card" key={i} aria-labelledby={`so-plan-${i}`} data-plan={i}>
                <h3 id={`so-plan-${i}`}>
                  {i === 0 ? 'Best' : `Alternative ${i}`}: +{price(plan.addedHourlyPrice, answer.currency)}/h
                </h3>
                <p class="small muted">
                  {plan.nodesAdded} nodes added · {price(plan.hourlyPriceAfter, answer.currency)}/h after
                </p>
                <ul class="small">
                  {plan.changes.length === 0 && <li>Spare capacity covers it: nothing to add.</li>}
                  {plan.changes.map((c) => (
                    <li key={c.pool}>
                      {c.isNew ? 'New pool' : 'Grow'} <strong>{c.pool}</strong>: +{c.nodesAdded} × <span class="mono">{c.instanceType}</span> (
                      {c.capacityType === 'SPOT' ? 'spot' : 'on-demand'}, {c.nodesBefore} → {c.nodesAfter})
                    </li>
                  ))}
                </ul>
              </article>
            ))}
          </div>
          {answer.plans.length > 0 && (
            <div class="card">
              <h3>Added price against nodes added</h3>
              <ScatterChart
                label="Scatter chart of each change's added hourly price against the nodes it adds; the cards above list the same data."
                xTitle="Nodes added"
                yTitle={`Added ${answer.currency}/hour`}
                series={series}
              />
            </div>
          )}
        </section>
      )}
      <section class="card" aria-labelledby="so-log-title">
        <h2 id="so-log-title">Decision log of {cluster || '…'}</h2>
        <Banner failure={logFailure} onRetry={() => setLogAttempt((a) => a + 1)} />
        {log === null ? (
          <p class="loading">{cluster ? 'Loading…' : 'Name the cluster to see its log.'}</p>
        ) : log.length === 0 ? (
          <p class="muted">No consultations for this cluster yet.</p>
        ) : (
          <div class="table-wrap op-wrap" tabIndex={0} role="region" aria-label="Consultations">
            <table>
              <thead>
                <tr>
                  <th scope="col">When (UTC)</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Answer</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {log.map((c) => (
                  <tr key={c.id} data-consultation={c.id}>
                    <td>{new Date(c.at).toLocaleString('en-GB', { timeZone: 'UTC' })}</td>
                    <td>{c.kind === 'SCALE_OUT' ? 'scale-out' : 'expander'}</td>
                    <td>{c.outcome}</td>
                    <td class="small">{c.answer}</td>
                    <td class="small">{c.why}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  );
}
