import { useEffect, useState } from 'preact/hooks';
import {
  ClustersKubeconfigDocument,
  ClustersListDocument,
  ClustersOperationsDocument,
  type ClustersListQuery,
  type ClustersOperationsQuery,
} from '../../gql/graphql';
import { request } from '../../graphql/client';
import { Banner, Notice } from '../../components/Banner';
import { price } from '../../format';
import { OrganizationPicker, SignInFirst, useOrganization, useViewer } from '../signin/organization';
import '../signin/pages.css';

type ClusterRow = ClustersListQuery['clusters'][number];
type OperationRow = ClustersOperationsQuery['operations']['items'][number];

const utc = (t: string) => `${new Date(t).toLocaleString('en-GB', { timeZone: 'UTC' })} UTC`;

/** Saves text as a file the browser downloads (no server round trip, nothing kept). */
function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The organisation's clusters with state and hourly price, their kubeconfig, and the recent operations. */
export default function ClustersPage() {
  const { viewer, failure: viewerFailure } = useViewer();
  const [org, setOrg] = useOrganization(viewer);
  const [clusters, setClusters] = useState<ClusterRow[] | null>(null);
  const [operations, setOperations] = useState<OperationRow[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [actionFailure, setActionFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!org) return;
    const ctl = new AbortController();
    Promise.all([request(ClustersListDocument, { org }, ctl.signal), request(ClustersOperationsDocument, { org }, ctl.signal)])
      .then(([c, o]) => {
        setClusters(c.clusters);
        setOperations(o.operations.items);
        setFailure(null);
      })
      .catch((e) => ctl.signal.aborted || setFailure(e));
    return () => ctl.abort();
  }, [org, attempt]);

  if (!viewer) {
    return (
      <section aria-labelledby="clusters-title">
        <h1 id="clusters-title">Clusters</h1>
        {viewerFailure ? <Banner failure={viewerFailure} /> : <SignInFirst what="Listing clusters" />}
      </section>
    );
  }

  const kubeconfig = async (cluster: ClusterRow) => {
    setActionFailure(null);
    try {
      const d = await request(ClustersKubeconfigDocument, { org, clusterId: cluster.clusterId });
      download(d.clusterKubeconfig.config, `${cluster.name}-kubeconfig.yaml`);
      setNotice(
        `Kubeconfig of ${cluster.name} downloaded${d.clusterKubeconfig.expiresAt ? `; its credential expires ${utc(d.clusterKubeconfig.expiresAt)}` : ''}.`,
      );
    } catch (e) {
      setActionFailure(e);
    }
  };

  return (
    <section aria-labelledby="clusters-title">
      <div class="page-head">
        <h1 id="clusters-title">Clusters</h1>
        <OrganizationPicker viewer={viewer} org={org} onChange={setOrg} />
        <button type="button" class="secondary" onClick={() => setAttempt((a) => a + 1)}>
          Refresh
        </button>
      </div>
      <Banner failure={failure} onRetry={() => setAttempt((a) => a + 1)} />
      <Banner failure={actionFailure} onDismiss={() => setActionFailure(null)} />
      {notice && <Notice>{notice}</Notice>}
      {clusters === null ? (
        <p class="loading">{failure ? 'Not loaded.' : 'Loading…'}</p>
      ) : clusters.length === 0 ? (
        <p class="muted">
          No clusters yet. <a href="/provision">Provision one</a>.
        </p>
      ) : (
        <div class="table-wrap op-wrap" tabIndex={0} role="region" aria-label="Clusters">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Cluster id</th>
                <th scope="col">Region</th>
                <th scope="col">State</th>
                <th scope="col" class="num">
                  Nodes
                </th>
                <th scope="col" class="num">
                  Hourly price
                </th>
                <th scope="col">Kubeconfig</th>
              </tr>
            </thead>
            <tbody>
              {clusters.map((c) => (
                <tr key={c.clusterId} data-cluster={c.name}>
                  <td>{c.name}</td>
                  <td class="mono">{c.clusterId}</td>
                  <td>{c.region}</td>
                  <td>
                    <span class={`badge ${c.state === 'running' ? 'badge-ok' : c.state === 'failed' ? 'badge-err' : 'badge-warn'}`}>{c.state}</span>
                  </td>
                  <td class="num">{c.nodeCount ?? '–'}</td>
                  <td class="num" data-hourly-price>
                    {c.hourlyPrice == null ? 'unpriced' : price(c.hourlyPrice, c.currency ?? 'USD')}
                  </td>
                  <td>
                    <button type="button" class="secondary" onClick={() => kubeconfig(c)} aria-label={`Download the kubeconfig of ${c.name}`}>
                      Download
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 style="margin-top:16px">Recent operations</h2>
      {operations.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <ul>
          {operations.map((o) => (
            <li key={o.id}>
              <a href={`/provision?operation=${encodeURIComponent(o.id)}`}>{o.kind.replace(/_/g, ' ').toLowerCase()}</a>{' '}
              <span class="muted small">
                {o.state.toLowerCase()}
                {o.failedStep ? ` at ${o.failedStep}` : ''} · {utc(o.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
