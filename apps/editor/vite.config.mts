import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, '../..');
const server = process.env.HOOKFLOW_SERVER ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // flow-model's dist is CommonJS; its TypeScript source is browser-safe and tree-shakes better.
    alias: { '@hookflow/flow-model': resolve(root, 'packages/flow-model/src/index.ts') },
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(['/api', '/hooks', '/hooks-test', '/healthz'].map((path) => [path, { target: server, changeOrigin: false }])),
  },
  build: { outDir: 'dist', emptyOutDir: true, reportCompressedSize: true, chunkSizeWarningLimit: 700 },
});
