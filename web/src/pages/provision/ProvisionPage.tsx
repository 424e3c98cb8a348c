import { useEffect, useState } from 'preact/hooks';
import {
  CatalogPlacesDocument,
  ProvisionRecommendationDocument,
  ProvisionRecommendDocument,
  ProvisionSecretsDocument,
  ProvisionStartDocument,
  type ProvisionLayoutsFragment,
  type ProvisionSecretsQuery,
} from '../../gql/graphql';
import { request } from '../../graphql/client';
import { RequestFailure } from '../../graphql/errors';
import { Banner } from '../../components/Banner';
import { describedBy, Field } from '../../components/Field';
import { AmountField } from '../../components/AmountField';
import { RegionOptions } from '../../components/RegionOptions';
import { money, price } from '../../format';
import { navigate } from '../../router';
import { OrganizationPicker, SignInFirst, useOrganization, useViewer } from '../signin/organization';
import { OperationView } from './OperationView';
import '../signin/pages.css';

type Recommendation = ProvisionLayoutsFragment;
type SecretOption = ProvisionSecretsQuery['secrets'][number];

interface Demand {
  region: string;
  cpu: string;
  memoryGiB: string;
}

const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`);

/**
 * Provision: recommend (or open a recommendation by ?recommendation=id), pick a layout and a stored secret, start the
 * operation, then follow it (?operation=id) step by step.
 */
export default function ProvisionPage() {
  const params = new URLSearchParams(location.search);
  const operationId = params.get('operation');
  const { viewer, failure: viewerFailure } = useViewer();
  const [org, setOrg] = useOrganization(viewer);
  const [regions, setRegions] = useState<{ id: string; name: string }[]>([]);
  const [demand, setDemand] = useState<Demand>({ region: params.get('region') ?? 'cn-hangzhou', cpu: '16', memoryGiB: '32' });
  const [recommendation, setRecommendation] = useState<Recommendation | null>(null);
  const [layoutIndex, setLayoutIndex] = useState(Number(params.get('layout') ?? 0) || 0);
  const [secrets, setSecrets] = useState<SecretOption[] | null>(null);
  const [secretId, setSecretId] = useState('');
  const [name, setName] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // One key per attempt to start: sending the same request twice (a double click, a retry after a lost answer) starts one operation.
  const [key, setKey] = useState(newKey);

  useEffect(() => {
    request(CatalogPlacesDocument, {})
      .then((d) => setRegions(d.providers.find((p) => p.id === 'alibaba')?.regions ?? []))
      .catch(() => undefined); // the region stays a free choice; the recommend call reports an unreachable service
  }, []);

  useEffect(() => {
    if (!org) return;
    request(ProvisionSecretsDocument, { org })
      .then((d) => {
        setSecrets(d.secrets);
        setSecretId((current) => (d.secrets.some((s) => s.id === current) ? current : (d.secrets[0]?.id ?? '')));
      })
      .catch((e) => setFailure(e));
  }, [org]);

  useEffect(() => {
    const id = params.get('recommendation');
    if (!id || !viewer || operationId) return;
    request(ProvisionRecommendationDocument, { id })
      .then((d) => setRecommendation(d.recommendation ?? null))
      .catch((e) => setFailure(e));
  }, [viewer]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!viewer) {
    return (
      <section aria-labelledby="provision-title">
        <h1 id="provision-title">Provision</h1>
        {viewerFailure ? <Banner failure={viewerFailure} /> : <SignInFirst what="Provisioning a cluster" />}
      </section>
    );
  }

  if (operationId) {
    return (
      <section aria-labelledby="provision-title">
        <div class="page-head">
          <h1 id="provision-title">Provision</h1>
          <a href="/provision">Provision another cluster</a>
        </div>
        <OperationView org={org} id={operationId} />
      </section>
    );
  }

  const recommend = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const d = await request(ProvisionRecommendDocument, {
        org,
        // wait: what is bought should be the final (normally proven) answer, not the one the service gives within its
        // 100 ms answer time while it proves the rest in the background.
        input: { region: demand.region, cpu: Number(demand.cpu), memoryGiB: Number(demand.memoryGiB), alternatives: 3, wait: true },
      });
      setRecommendation(d.recommendLayout);
      setLayoutIndex(0);
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  const start = async (e: Event) => {
    e.preventDefault();
    if (!recommendation) return;
    setBusy(true);
    setFailure(null);
    try {
      const d = await request(ProvisionStartDocument, {
        org,
        key,
        input: {
          secretId,
          recommendationId: recommendation.id,
          layoutIndex,
          cluster: { name: name.trim(), region: demand.region },
        },
      });
      setKey(newKey());
      navigate(`/provision?operation=${encodeURIComponent(d.provisionCluster.id)}`);
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  const fieldErrors = failure instanceof RequestFailure ? failure.fieldErrors() : {};
  const set = (patch: Partial<Demand>) => setDemand((d) => ({ ...d, ...patch }));
  const nameError = fieldErrors['input.cluster.name'];
  return (
    <section aria-labelledby="provision-title">
      <div class="page-head">
        <h1 id="provision-title">Provision</h1>
        <OrganizationPicker viewer={viewer} org={org} onChange={setOrg} />
      </div>
      <Banner failure={failure} onDismiss={() => setFailure(null)} />
      <form class="card" onSubmit={recommend} aria-labelledby="demand-title">
        <h2 id="demand-title">1. What the cluster must run</h2>
        <div class="grid">
          <Field id="pv-region" label="Region" error={fieldErrors['input.region']}>
            <select id="pv-region" value={demand.region} onChange={(e) => set({ region: (e.target as HTMLSelectElement).value })}>
              <RegionOptions regions={regions} selected={demand.region} />
            </select>
          </Field>
          <AmountField id="pv-cpu" label="vCPU" value={demand.cpu} error={fieldErrors['input.cpu']} onValue={(cpu) => set({ cpu })} />
          <AmountField id="pv-memory" label="Memory (GiB)" value={demand.memoryGiB} error={fieldErrors['input.memoryGiB']} onValue={(memoryGiB) => set({ memoryGiB })} />
        </div>
        <div class="actions">
          <button type="submit" disabled={busy}>
            Recommend layouts
          </button>
        </div>
      </form>
      {recommendation && (
        <form class="card" onSubmit={start} aria-labelledby="layout-title">
          <h2 id="layout-title">2. Pick a layout</h2>
          {recommendation.layouts.length === 0 ? (
            <p>No layout: {recommendation.explanation ?? recommendation.status}</p>
          ) : (
            <fieldset>
              <legend>
                Layouts ({recommendation.status.toLowerCase()}, best first)
              </legend>
              <div class="op-cards">
                {recommendation.layouts.map((layout, i) => (
                  <label key={i} class={`card${i === layoutIndex ? ' op-selected' : ''}`} data-layout={i}>
                    <input type="radio" name="layout" checked={i === layoutIndex} onChange={() => setLayoutIndex(i)} />{' '}
                    <strong>{i === 0 ? 'Best' : `Alternative ${i}`}</strong>: {price(layout.hourlyPrice, recommendation.currency)}/h ·{' '}
                    {money(layout.monthlyPrice, recommendation.currency)}/month · {layout.nodeCount} nodes
                    <ul class="small">
                      {layout.pools.map((p, j) => (
                        <li key={j}>
                          {p.nodeCount} × <span class="mono">{p.instanceTypeName}</span> ({p.capacityType === 'SPOT' ? 'spot' : 'on-demand'})
                        </li>
                      ))}
                    </ul>
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          <h2>3. Where and how</h2>
          <div class="grid">
            <Field id="pv-secret" label="Alibaba Cloud secret" error={fieldErrors['input.secretId']}>
              <select id="pv-secret" value={secretId} required onChange={(e) => setSecretId((e.target as HTMLSelectElement).value)}>
                {(secrets ?? []).length === 0 && <option value="">No secrets yet</option>}
                {(secrets ?? []).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="pv-name" label="Cluster name" hint="1–63 letters, digits, '-' or '_'" error={nameError}>
              <input
                id="pv-name"
                value={name}
                required
                pattern="[A-Za-z0-9_\-]{1,63}"
                aria-describedby={describedBy('pv-name', 'x', nameError)}
                onInput={(e) => setName((e.target as HTMLInputElement).value)}
              />
            </Field>
          </div>
          {secrets !== null && secrets.length === 0 && (
            <p class="small">
              Store an Alibaba Cloud AccessKey on the <a href="/secrets">Secrets</a> page first.
            </p>
          )}
          <div class="actions">
            <button type="submit" disabled={busy || !secretId || recommendation.layouts.length === 0}>
              Start provisioning
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
