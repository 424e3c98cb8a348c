// A tiny history router: the path picks a route from routes.ts, the query string is the page's state (shareable URLs).
import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';

export interface RouteDef {
  /** Exact path, e.g. "/recommend". The service answers index.html for it (see ConsoleRoutes.cs). */
  path: string;
  /** Nav label and document title. */
  title: string;
  /** The page module; its default export is the page component. Loaded on first visit. */
  load: () => Promise<{ default: ComponentType }>;
  /** Left out of the nav (e.g. a sign-in page reached from a banner). */
  hidden?: boolean;
}

const listeners = new Set<() => void>();

export function navigate(href: string, replace = false): void {
  const url = new URL(href, location.href);
  if (url.href === location.href) return;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  listeners.forEach((l) => l());
}

/** Replace the query string without a new history entry (form state mirrored into the URL). */
export function setQuery(params: URLSearchParams): void {
  const q = params.toString();
  navigate(`${location.pathname}${q ? `?${q}` : ''}`, true);
}

export function useLocation(): { path: string; search: string } {
  const [, force] = useState(0);
  useEffect(() => {
    const update = () => force((n) => n + 1);
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return { path: location.pathname, search: location.search };
}

/** Same-origin left clicks on links to console paths are handled here, without a page load. */
export function interceptLinks(isConsolePath: (path: string) => boolean): void {
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || a.target || a.hasAttribute('download') || a.origin !== location.origin) return;
    if (!isConsolePath(a.pathname)) return;
    e.preventDefault();
    navigate(a.href);
  });
}
