// GraphiQL at /graphql/ui: its own page and bundle (React + Monaco), pointed at our endpoint, the console's token sent
// along, with schema/operations offered as examples.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createElement as h, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { useGraphiQL, type GraphiQLPlugin } from '@graphiql/react';
import { examples } from './examples';

const tokenKey = 'recommender.token';

async function fetcher(params: unknown, opts?: { headers?: Record<string, unknown> }) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' };
  const token = sessionStorage.getItem(tokenKey);
  if (token) headers.Authorization = `Bearer ${token}`;
  for (const [k, v] of Object.entries(opts?.headers ?? {})) if (typeof v === 'string') headers[k] = v;
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(params) });
  return response.json();
}

function ExamplesContent() {
  const editor = useGraphiQL((s) => s.queryEditor);
  return h(
    'div',
    { className: 'examples' },
    h('div', { className: 'graphiql-doc-explorer-title' }, 'Examples'),
    h('p', null, 'The operations of schema/operations. Choosing one replaces the editor’s text.'),
    h(
      'ul',
      { style: { listStyle: 'none', padding: 0 } },
      examples.map((e) =>
        h(
          'li',
          { key: e.name },
          h(
            'button',
            {
              type: 'button',
              className: 'graphiql-un-styled',
              style: { padding: '4px 0', textAlign: 'left', cursor: 'pointer' },
              onClick: () => editor?.setValue(e.query),
            },
            e.name,
          ),
        ),
      ),
    ),
  );
}

const ExamplesIcon: ComponentType = () =>
  h('svg', { viewBox: '0 0 24 24', width: 20, height: 20, 'aria-hidden': true, fill: 'none', stroke: 'currentColor', strokeWidth: 1.5 },
    h('path', { d: 'M4 5h16M4 12h16M4 19h10' }));

const examplesPlugin: GraphiQLPlugin = { title: 'Examples', icon: ExamplesIcon, content: ExamplesContent };

const first = examples.find((e) => e.name === 'recommend-layout.graphql') ?? examples[0];

createRoot(document.getElementById('graphiql')!).render(
  h(GraphiQL, {
    fetcher: fetcher as never,
    plugins: [examplesPlugin],
    defaultQuery: first?.query ?? '{ providers { id name } }',
    defaultEditorToolsVisibility: false,
  }),
);
