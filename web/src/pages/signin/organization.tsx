// The signed-in user's organisations (from the token, via viewer) and the one the pages work on, kept per tab.
import { useEffect, useState } from 'preact/hooks';
import { SignInViewerDocument, type SignInViewerQuery } from '../../gql/graphql';
import { request } from '../../graphql/client';
import { getToken, onTokenChange } from '../../session';

export type Viewer = NonNullable<SignInViewerQuery['viewer']>;

const orgKey = 'recommender.org';

function storedOrg(): string | null {
  try {
    return sessionStorage.getItem(orgKey);
  } catch {
    return null;
  }
}

/** The viewer for the session's token: null while anonymous; reloaded whenever the token changes. */
export function useViewer(): { viewer: Viewer | null; failure: unknown; loading: boolean; reload: () => void } {
  const [token, setTok] = useState(getToken());
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [loading, setLoading] = useState(Boolean(token));
  const [attempt, setAttempt] = useState(0);
  useEffect(() => onTokenChange(() => setTok(getToken())), []);
  useEffect(() => {
    if (!token) {
      setViewer(null);
      setFailure(null);
      setLoading(false);
      return;
    }
    const ctl = new AbortController();
    setLoading(true);
    request(SignInViewerDocument, {}, ctl.signal)
      .then((d) => {
        setViewer(d.viewer ?? null);
        setFailure(null);
      })
      .catch((e) => ctl.signal.aborted || setFailure(e))
      .finally(() => ctl.signal.aborted || setLoading(false));
    return () => ctl.abort();
  }, [token, attempt]);
  return { viewer, failure, loading, reload: () => setAttempt((a) => a + 1) };
}

/** The organisation the pages act for: the last one picked in this tab if the token still grants it, else the first. */
export function useOrganization(viewer: Viewer | null): [string, (org: string) => void] {
  const orgs = viewer?.organizations.map((o) => o.organization) ?? [];
  const [picked, setPicked] = useState<string | null>(storedOrg());
  const org = picked && orgs.includes(picked) ? picked : (orgs[0] ?? '');
  const set = (value: string) => {
    try {
      sessionStorage.setItem(orgKey, value);
    } catch {
      // Storage disabled: the choice lasts as long as the page.
    }
    setPicked(value);
  };
  return [org, set];
}

export function roleIn(viewer: Viewer | null, org: string): string | undefined {
  return viewer?.organizations.find((o) => o.organization === org)?.role;
}

/** A select of the token's organisations (hidden when there is only one: then it is just named). */
export function OrganizationPicker({ viewer, org, onChange }: { viewer: Viewer; org: string; onChange: (org: string) => void }) {
  if (viewer.organizations.length <= 1) {
    return (
      <p class="muted">
        Organisation <strong>{org}</strong> ({roleIn(viewer, org)?.toLowerCase()})
      </p>
    );
  }
  return (
    <div class="field inline">
      <label for="org-picker">Organisation</label>
      <select id="org-picker" value={org} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        {viewer.organizations.map((o) => (
          <option key={o.organization} value={o.organization}>
            {o.organization} ({o.role.toLowerCase()})
          </option>
        ))}
      </select>
    </div>
  );
}

/** What a page that needs a token shows without one. */
export function SignInFirst({ what }: { what: string }) {
  return (
    <div class="banner banner-info" role="status">
      <p>
        {what} needs you to be signed in. <a href="/signin">Sign in</a> with a token or, on this machine, a development token.
      </p>
    </div>
  );
}
