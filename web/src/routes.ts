// Every console page, in nav order: one line per page. Pages live in src/pages/<area>/.
// The service must answer index.html for each path: keep src/Recommender.Api/WebConsole/ConsoleRoutes.cs in step.
import type { RouteDef } from './router';
import * as catalog from './pages/catalog/CatalogPage';

export const routes: RouteDef[] = [
  { path: '/', title: 'Catalog', load: async () => catalog }, // in the main bundle: the first page most people see
  { path: '/recommend', title: 'Recommend', load: () => import('./pages/recommend/RecommendPage') },
  { path: '/scale-out', title: 'Scale out', load: () => import('./pages/scaleout/ScaleOutPage') },
  { path: '/provision', title: 'Provision', load: () => import('./pages/provision/ProvisionPage') },
  { path: '/clusters', title: 'Clusters', load: () => import('./pages/clusters/ClustersPage') },
  { path: '/secrets', title: 'Secrets', load: () => import('./pages/secrets/SecretsPage') },
  { path: '/signin', title: 'Sign in', load: () => import('./pages/signin/SignInPage') },
];

/** Not a console page: a full page load of the separate GraphiQL entry. */
export const graphiqlPath = '/graphql/ui';
