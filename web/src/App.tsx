import { Component, type ComponentChildren, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { graphiqlPath, routes } from './routes';
import { useLocation } from './router';
import { TokenControl } from './components/TokenControl';

const modules = new Map<string, ComponentType>();

/** The shell: skip link, header with nav and token, the current page; a render error shows a message, never a blank page. */
export function App() {
  const { path } = useLocation();
  const route = routes.find((r) => r.path === path);
  const [page, setPage] = useState<ComponentType | null>(() => (route ? (modules.get(route.path) ?? null) : null));
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    document.title = route ? `${route.title} · Recommender` : 'Not found · Recommender';
    if (!route) return;
    const known = modules.get(route.path);
    if (known) {
      setPage(() => known);
      return;
    }
    setPage(null);
    setLoadError(null);
    route
      .load()
      .then((m) => {
        modules.set(route.path, m.default);
        setPage(() => m.default);
      })
      .catch(() => setLoadError('This page could not be loaded. Check that the service is running, then reload.'));
  }, [route]);

  const Page = page;
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href="/">
          Recommender
        </a>
        <nav aria-label="Console">
          <ul>
            {routes
              .filter((r) => !r.hidden)
              .map((r) => (
                <li key={r.path}>
                  <a href={r.path} aria-current={r.path === path ? 'page' : undefined}>
                    {r.title}
                  </a>
                </li>
              ))}
            <li>
              <a href={graphiqlPath}>GraphiQL</a>
            </li>
          </ul>
        </nav>
        <TokenControl />
      </header>
      <main id="main" tabIndex={-1}>
        <ErrorBoundary key={path}>
          {!route ? (
            <section>
              <h1>Page not found</h1>
              <p>
                No console page at <code>{path}</code>. <a href="/">Go to the catalog</a>.
              </p>
            </section>
          ) : loadError ? (
            <div class="banner banner-error" role="alert">
              {loadError}
            </div>
          ) : Page ? (
            <Page />
          ) : (
            <p class="loading" aria-busy="true">
              Loading…
            </p>
          )}
        </ErrorBoundary>
      </main>
    </>
  );
}

class ErrorBoundary extends Component<{ children: ComponentChildren }, { error: unknown }> {
  override state = { error: null as unknown };

  override componentDidCatch(error: unknown) {
    console.error(error);
    this.setState({ error });
  }

  override render() {
    if (this.state.error) {
      return (
        <div class="banner banner-error" role="alert">
          <p>Something went wrong showing this page: {String(this.state.error)}</p>
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}
