import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';

// Two entries: the console (index.html, Preact) and GraphiQL (graphiql.html, React + Monaco), so GraphiQL's code
// never loads on the console's pages. The service serves dist/ at / and graphiql.html at /graphql/ui.
export default defineConfig({
  // reactAliasesEnabled false: GraphiQL needs the real React, not preact/compat.
  plugins: [preact({ reactAliasesEnabled: false, prerender: { enabled: false } })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 5000,
    rolldownOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        graphiql: resolve(import.meta.dirname, 'graphiql.html'),
      },
    },
  },
  server: {
    proxy: { '/graphql': 'http://127.0.0.1:8080' },
  },
});
