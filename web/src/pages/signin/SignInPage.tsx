import { useState } from 'preact/hooks';
import { IssueDevelopmentTokenDocument, SignInViewerDocument, type OrganizationRole } from '../../gql/graphql';
import { request } from '../../graphql/client';
import { RequestFailure } from '../../graphql/errors';
import { Banner, Notice } from '../../components/Banner';
import { describedBy, Field } from '../../components/Field';
import { getToken, setToken } from '../../session';
import { useViewer } from './organization';

/** Sign in: paste a bearer token, or ask the embedded default for a development token (loopback only). */
export default function SignInPage() {
  const { viewer, failure: viewerFailure } = useViewer();
  const [pasted, setPasted] = useState('');
  const [org, setOrg] = useState('demo');
  const [role, setRole] = useState<OrganizationRole>('ADMIN');
  const [user, setUser] = useState('developer');
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const usePasted = async (e: Event) => {
    e.preventDefault();
    const token = pasted.trim().replace(/^Bearer\s+/i, '');
    if (!token) {
      setFailure(new RequestFailure('bad-input', 'Paste a token first.'));
      return;
    }
    const previous = getToken();
    setBusy(true);
    setFailure(null);
    setToken(token);
    try {
      const d = await request(SignInViewerDocument, {});
      setDone(`Signed in as ${d.viewer?.subject ?? 'unknown'}.`);
      setPasted('');
    } catch (err) {
      setToken(previous);
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  const useDevelopment = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const d = await request(IssueDevelopmentTokenDocument, { org: org.trim(), role, user: user.trim() });
      setToken(d.issueDevelopmentToken.token);
      setDone(
        `Signed in as ${d.issueDevelopmentToken.subject}, ${d.issueDevelopmentToken.role.toLowerCase()} of ${d.issueDevelopmentToken.organization}, until ${new Date(d.issueDevelopmentToken.expiresAt).toLocaleString('en-GB', { timeZone: 'UTC' })} UTC.`,
      );
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  const fieldErrors = failure instanceof RequestFailure ? failure.fieldErrors() : {};
  return (
    <section aria-labelledby="signin-title">
      <h1 id="signin-title">Sign in</h1>
      <Banner failure={failure} onDismiss={() => setFailure(null)} />
      {done && <Notice>{done}</Notice>}
      {viewer ? (
        <p id="signed-in-as">
          Signed in as <strong>{viewer.subject}</strong>:{' '}
          {viewer.organizations.map((o) => `${o.organization} (${o.role.toLowerCase()})`).join(', ') || 'no organisations'}.
        </p>
      ) : viewerFailure ? (
        <Banner failure={viewerFailure} />
      ) : (
        <p class="muted">Not signed in: the catalog and recommendations work anonymously; secrets, provisioning and clusters need a token.</p>
      )}
      <div class="op-grid-2">
        <form class="card" onSubmit={usePasted} aria-labelledby="paste-title">
          <h2 id="paste-title">Paste a token</h2>
          <Field id="token" label="Bearer token (JWT)" hint="From your identity provider, or printed by dev-token. Kept in this tab only.">
            <textarea
              id="token"
              rows={4}
              value={pasted}
              autocomplete="off"
              spellcheck={false}
              aria-describedby="token-hint"
              onInput={(e) => setPasted((e.target as HTMLTextAreaElement).value)}
            />
          </Field>
          <div class="actions">
            <button type="submit" disabled={busy}>
              Use this token
            </button>
          </div>
        </form>
        <form class="card" onSubmit={useDevelopment} aria-labelledby="dev-title">
          <h2 id="dev-title">Development token</h2>
          <p class="small muted">
            Only the embedded default (no identity provider, not Production) signs these, and only for a browser on the service's own machine.
          </p>
          <div class="grid">
            <Field id="dev-org" label="Organisation" error={fieldErrors['org']}>
              <input
                id="dev-org"
                value={org}
                required
                aria-describedby={describedBy('dev-org', undefined, fieldErrors['org'])}
                onInput={(e) => setOrg((e.target as HTMLInputElement).value)}
              />
            </Field>
            <Field id="dev-role" label="Role">
              <select id="dev-role" value={role} onChange={(e) => setRole((e.target as HTMLSelectElement).value as OrganizationRole)}>
                <option value="ADMIN">Admin</option>
                <option value="MEMBER">Member</option>
              </select>
            </Field>
            <Field id="dev-user" label="User" error={fieldErrors['user']}>
              <input
                id="dev-user"
                value={user}
                required
                aria-describedby={describedBy('dev-user', undefined, fieldErrors['user'])}
                onInput={(e) => setUser((e.target as HTMLInputElement).value)}
              />
            </Field>
          </div>
          <div class="actions">
            <button type="submit" disabled={busy}>
              Sign in with a development token
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
