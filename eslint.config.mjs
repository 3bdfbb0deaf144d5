import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const frameworks = ['@nestjs/*', 'typeorm', 'bull', 'fastify', '@fastify/*', 'react', 'react-dom', '@xyflow/*', 'better-sqlite3', 'pg', 'pino'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.nx/**', '**/*.mjs', '**/*.mts'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:model', onlyDependOnLibsWithTags: [], bannedExternalImports: frameworks },
            { sourceTag: 'type:engine', onlyDependOnLibsWithTags: ['type:model'], bannedExternalImports: frameworks },
            { sourceTag: 'type:nodes', onlyDependOnLibsWithTags: ['type:engine', 'type:model'], bannedExternalImports: frameworks },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:model', 'type:engine', 'type:nodes'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:model'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:model'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests may assert that a value is there.
    files: ['**/*.test.ts', '**/*.test.tsx', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // flow-model loads in the browser: no Node built-ins.
    files: ['packages/flow-model/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'crypto', 'http', 'https', 'net', 'os', 'stream', 'buffer', 'url', 'util'], message: 'flow-model runs in the browser: no Node built-ins.' }] }],
    },
  },
);
