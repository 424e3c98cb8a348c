// Every console page, in nav order: one line per page. Pages live in src/pages/<area>/.
// The service must answer index.html for each path: keep src/Recommender.Api/WebConsole/ConsoleRoutes.cs in step.
import type { RouteDef } from './router';
import * as catalog from './pages/catalog/CatalogPage';

export const routes: RouteDef[] = [
  { path: '/', title: 'Catalog', load: async () => catalog }, // in the main bundle: the first page most people see
  { path: '/recommend', title: 'Recommend', load: () => import('./pages/recommend/RecommendPage') },
];

/** Not a console page: a full page load of the separate GraphiQL entry. */
export const graphiqlPath = '/graphql/ui';
