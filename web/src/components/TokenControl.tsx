import { useEffect, useState } from 'preact/hooks';
import { getToken, onTokenChange, setToken } from '../session';

/** Shows whether calls carry a token, and lets the user clear it. Signing in is the sign-in page's job. */
export function TokenControl() {
  const [token, set] = useState(getToken());
  useEffect(() => onTokenChange(() => set(getToken())), []);
  return (
    <div class="token">
      {token ? (
        <>
          <span>Signed in (token)</span>
          <button type="button" class="secondary" onClick={() => setToken(null)}>
            Sign out
          </button>
        </>
      ) : (
        <span>Anonymous</span>
      )}
    </div>
  );
}
