import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Shared vitest settings. Workspace packages resolve to their TypeScript sources, so a test never
 * depends on another package having been built (and never sees a stale `dist/`).
 */
export const sharedVitestConfig = defineConfig({
  resolve: {
    alias: {
      '@longform/core': `${root}packages/core/src/index.ts`,
      '@longform/sim': `${root}packages/sim/src/index.ts`,
      '@longform/eval': `${root}packages/eval/src/index.ts`,
      '@longform/agentwrite': `${root}packages/agentwrite/src/index.ts`,
      '@longform/datasets': `${root}packages/datasets/src/index.ts`,
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    sequence: { shuffle: true },
    bail: process.env.CI ? 1 : 0,
    // The JSON report feeds the suite-wide "N passed, N failed" line printed by scripts/test-summary.mjs.
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest/report.json' },
  },
});
