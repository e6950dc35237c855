import { fileURLToPath } from 'node:url';

/**
 * Location of the shared AlpacaEval LC data for tests: `../shared/alpaca-eval-lc` next to the repo
 * root, the same relative place in CI.
 */
export const alpacaEvalLcDir = fileURLToPath(
  new URL('../../../../../shared/alpaca-eval-lc/', import.meta.url),
);
export const conformanceDir = `${alpacaEvalLcDir}conformance/`;
