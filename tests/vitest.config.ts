import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    pool: 'forks',
    // End-to-end runs spawn real processes and write real documents; they get more time than unit tests.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    bail: process.env.CI ? 1 : 0,
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest/report.json' },
  },
});
