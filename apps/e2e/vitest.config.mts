import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.mjs';

// One real server and one Chromium per test file; files run one after another so they never
// compete for the CPU (timings in the browser stay stable) or overwrite each other's screenshots.
export default defineConfig(sharedTestConfig(import.meta.dirname, { testTimeout: 120_000, hookTimeout: 60_000, fileParallelism: false }));
