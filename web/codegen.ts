import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations for the console: types from the service's checked-in schema, one typed document per operation in
// src/**/*.graphql. documentMode "string" keeps graphql-js out of the console bundle (documents are sent as text).
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Decimal: 'number', Long: 'number', DateTimeOffset: 'string' },
      },
    },
  },
};
export default config;
