import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const root = resolve(import.meta.dirname, '../..');

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@hookflow/flow-model': resolve(root, 'packages/flow-model/src/index.ts') },
  },
  test: {
    root: import.meta.dirname,
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-support/setup.ts'],
    reporters: ['default', ['json', { outputFile: resolve(root, '.reports', `editor${process.env.REPORT_SUFFIX ?? ''}.json`) }]],
    testTimeout: 20_000,
  },
});
