import { useEffect, useState } from 'preact/hooks';
import {
  SecretsCreateDocument,
  SecretsDeleteDocument,
  SecretsListDocument,
  SecretsRotateDocument,
  type SecretsListQuery,
} from '../../gql/graphql';
import { request } from '../../graphql/client';
import { RequestFailure } from '../../graphql/errors';
import { Banner, Notice } from '../../components/Banner';
import { describedBy, Field } from '../../components/Field';
import { OrganizationPicker, SignInFirst, useOrganization, useViewer } from '../signin/organization';
import '../signin/pages.css';

type SecretRow = SecretsListQuery['secrets'][number];

interface Form {
  name: string;
  keyId: string;
  keySecret: string;
  region: string;
  tags: string;
  verify: boolean;
}

const emptyForm: Form = { name: '', keyId: '', keySecret: '', region: '', tags: '', verify: true };

function toInput(form: Form) {
  const values = [
    { field: 'ALIBABA_ACCESS_KEY_ID', value: form.keyId.trim() },
    { field: 'ALIBABA_ACCESS_KEY_SECRET', value: form.keySecret },
  ];
  if (form.region.trim()) values.push({ field: 'ALIBABA_REGION_ID', value: form.region.trim() });
  const tags = form.tags
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return { name: form.name.trim(), type: 'ALIBABA' as const, values, tags };
}

/** The organisation's secrets: create (values are write-only), list, rotate (version check), delete. */
export default function SecretsPage() {
  const { viewer, failure: viewerFailure } = useViewer();
  const [org, setOrg] = useOrganization(viewer);
  const [rows, setRows] = useState<SecretRow[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [listFailure, setListFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [form, setForm] = useState<Form>(emptyForm);
  const [rotating, setRotating] = useState<SecretRow | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!org) return;
    const ctl = new AbortController();
    request(SecretsListDocument, { org }, ctl.signal)
      .then((d) => {
        setRows(d.secrets);
        setListFailure(null);
      })
      .catch((e) => ctl.signal.aborted || setListFailure(e));
    return () => ctl.abort();
  }, [org, attempt]);

  if (!viewer) {
    return (
      <section aria-labelledby="secrets-title">
        <h1 id="secrets-title">Secrets</h1>
        {viewerFailure ? <Banner failure={viewerFailure} /> : <SignInFirst what="Managing secrets" />}
      </section>
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setNotice(null);
    try {
      if (rotating) {
        const d = await request(SecretsRotateDocument, {
          org,
          id: rotating.id,
          version: rotating.version,
          input: toInput({ ...form, name: rotating.name }),
          verify: form.verify,
        });
        setNotice(`Rotated ${d.updateSecret.name}: now version ${d.updateSecret.version}.`);
        setRotating(null);
      } else {
        const d = await request(SecretsCreateDocument, { org, input: toInput(form), verify: form.verify });
        setNotice(`Stored ${d.createSecret.name} (version ${d.createSecret.version}). Its values are write-only: they are never shown again.`);
      }
      setForm(emptyForm);
      setFailure(null);
      setAttempt((a) => a + 1);
    } catch (err) {
      // The form keeps what was typed (values included) so the user can correct and resend.
      setFailure(err);
      if (err instanceof RequestFailure && err.errors[0]?.extensions?.code === 'CONFLICT' && rotating) {
        setRotating(null);
        setAttempt((a) => a + 1);
      }
    } finally {
      setBusy(false);
    }
  };

  const remove = async (row: SecretRow) => {
    setBusy(true);
    try {
      await request(SecretsDeleteDocument, { org, id: row.id });
      setNotice(`Deleted ${row.name}.`);
      setDeleting(null);
      setFailure(null);
      setAttempt((a) => a + 1);
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  const fieldErrors = failure instanceof RequestFailure ? failure.fieldErrors() : {};
  const conflict = failure instanceof RequestFailure && failure.errors[0]?.extensions?.code === 'CONFLICT' && !rotating;
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const valueError = fieldErrors['input.values'] ?? fieldErrors['input'];

  return (
    <section aria-labelledby="secrets-title">
      <div class="page-head">
        <h1 id="secrets-title">Secrets</h1>
        <OrganizationPicker viewer={viewer} org={org} onChange={setOrg} />
      </div>
      <Banner failure={listFailure} onRetry={() => setAttempt((a) => a + 1)} />
      <Banner failure={failure} onDismiss={() => setFailure(null)} />
      {conflict && (
        <Notice tone="warn">
          Someone rotated this secret since you loaded it. The list is reloaded: press Rotate again to replace its current version (what you typed is kept).
        </Notice>
      )}
      {notice && <Notice>{notice}</Notice>}
      <div class="op-grid-2">
        <div>
          <h2>Stored secrets</h2>
          {rows === null ? (
            <p class="loading">{listFailure ? 'Not loaded.' : 'Loading…'}</p>
          ) : rows.length === 0 ? (
            <p class="muted">No secrets yet.</p>
          ) : (
            <div class="table-wrap op-wrap" tabIndex={0} role="region" aria-label="Secrets">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Fields</th>
                    <th scope="col" class="num">
                      Version
                    </th>
                    <th scope="col">Updated</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id} data-secret={row.name}>
                      <td>
                        {row.name}
                        {row.tags.length > 0 && <div class="small muted">{row.tags.join(', ')}</div>}
                      </td>
                      <td class="small">{row.fields.join(', ')}</td>
                      <td class="num">{row.version}</td>
                      <td class="small">
                        {new Date(row.updatedAt).toLocaleString('en-GB', { timeZone: 'UTC' })} UTC by {row.updatedBy}
                      </td>
                      <td>
                        {deleting === row.id ? (
                          <span class="actions" style="margin:0">
                            <button type="button" onClick={() => remove(row)} disabled={busy} aria-label={`Confirm deleting ${row.name}`}>
                              Confirm delete
                            </button>
                            <button type="button" class="secondary" onClick={() => setDeleting(null)}>
                              Cancel
                            </button>
                          </span>
                        ) : (
                          <span class="actions" style="margin:0">
                            <button
                              type="button"
                              class="secondary"
                              aria-label={`Rotate ${row.name}`}
                              onClick={() => {
                                setRotating(row);
                                setForm((f) => ({ ...f, name: row.name, tags: row.tags.join(', ') }));
                        setFailure(null);
                                document.getElementById('secret-key-id')?.focus();
                              }}
                            >
                              Rotate
                            </button>
                            <button type="button" class="secondary" aria-label={`Delete ${row.name}`} onClick={() => setDeleting(row.id)}>
                              Delete
                            </button>
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
        <form class="card" onSubmit={submit} aria-labelledby="secret-form-title" autocomplete="off">
          <h2 id="secret-form-title">{rotating ? `Rotate ${rotating.name} (version ${rotating.version})` : 'New Alibaba Cloud AccessKey'}</h2>
          <p class="small muted">Values are write-only: stored encrypted, used only to sign provisioning calls, never shown again.</p>
          <Field id="secret-name" label="Name" error={fieldErrors['input.name']}>
            <input
              id="secret-name"
              value={form.name}
              required
              disabled={Boolean(rotating)}
              aria-describedby={describedBy('secret-name', undefined, fieldErrors['input.name'])}
              onInput={(e) => set({ name: (e.target as HTMLInputElement).value })}
            />
          </Field>
          <Field id="secret-key-id" label="AccessKey ID" error={valueError}>
            <input
              id="secret-key-id"
              value={form.keyId}
              required
              autocomplete="off"
              spellcheck={false}
              aria-describedby={describedBy('secret-key-id', undefined, valueError)}
              onInput={(e) => set({ keyId: (e.target as HTMLInputElement).value })}
            />
          </Field>
          <Field id="secret-key-secret" label="AccessKey secret">
            <input
              id="secret-key-secret"
              type="password"
              value={form.keySecret}
              required
              autocomplete="new-password"
              onInput={(e) => set({ keySecret: (e.target as HTMLInputElement).value })}
            />
          </Field>
          <Field id="secret-region" label="Region (optional)" hint="ALIBABA_REGION_ID, e.g. cn-hangzhou">
            <input
              id="secret-region"
              value={form.region}
              aria-describedby="secret-region-hint"
              onInput={(e) => set({ region: (e.target as HTMLInputElement).value })}
            />
          </Field>
          <Field id="secret-tags" label="Tags (optional)" hint="Comma-separated" error={fieldErrors['input.tags']}>
            <input
              id="secret-tags"
              value={form.tags}
              aria-describedby={describedBy('secret-tags', 'x', fieldErrors['input.tags'])}
              onInput={(e) => set({ tags: (e.target as HTMLInputElement).value })}
            />
          </Field>
          <label class="check">
            <input type="checkbox" id="secret-verify" checked={form.verify} onChange={(e) => set({ verify: (e.target as HTMLInputElement).checked })} />
            Check the key with Alibaba Cloud first (one read-only call)
          </label>
          <div class="actions">
            <button type="submit" disabled={busy}>
              {rotating ? 'Rotate' : 'Store secret'}
            </button>
            {rotating && (
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  setRotating(null);
                  setForm(emptyForm);
                }}
              >
                Cancel rotation
              </button>
            )}
          </div>
        </form>
      </div>
    </section>
  );
}
