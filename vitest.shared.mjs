// Shared Vitest settings: workspace packages resolve to their TypeScript sources, so tests
// never need a build first, and each project writes a JSON report that .ci/run adds up.
import { basename, resolve } from 'node:path';

const root = import.meta.dirname;

export function sharedTestConfig(projectDir, overrides = {}) {
  const name = basename(projectDir);
  return {
    resolve: {
      alias: {
        '@hookflow/flow-model': resolve(root, 'packages/flow-model/src/index.ts'),
        '@hookflow/engine': resolve(root, 'packages/engine/src/index.ts'),
        '@hookflow/nodes': resolve(root, 'packages/nodes/src/index.ts'),
      },
    },
    test: {
      root: projectDir,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      reporters: ['default', ['json', { outputFile: resolve(root, '.reports', `${name}${process.env.REPORT_SUFFIX ?? ''}.json`) }]],
      testTimeout: 20_000,
      hookTimeout: 30_000,
      ...overrides,
    },
  };
}
