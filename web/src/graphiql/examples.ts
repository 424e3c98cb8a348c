// The operation files of schema/operations, bundled at build time as GraphiQL's examples.
const files = import.meta.glob('../../../schema/operations/**/*.graphql', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

export interface Example {
  /** Path under schema/operations, e.g. provisioning/clusters.graphql. */
  name: string;
  query: string;
}

export const examples: Example[] = Object.entries(files)
  .map(([path, query]) => ({ name: path.slice(path.indexOf('/operations/') + '/operations/'.length), query }))
  .sort((a, b) => a.name.localeCompare(b.name));
