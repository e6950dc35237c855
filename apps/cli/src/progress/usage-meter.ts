import { estimateCost } from '@longform/core';

/** Token counts as the AI SDK reports them per call; a provider may leave either out. */
export interface CallUsage {
  inputTokens?: number | undefined;
  outputTokens?: number | undefined;
}

/** The tokens a command's model calls have used so far, for its progress line. */
export interface UsageMeter {
  add(usage: CallUsage): void;
  /** `N tokens` and, for a priced model, `$cost`: the usage parts of a progress line's details. */
  details(): string[];
}

export function createUsageMeter(modelId: string): UsageMeter {
  let inputTokens = 0;
  let outputTokens = 0;
  return {
    add(usage) {
      inputTokens += usage.inputTokens ?? 0;
      outputTokens += usage.outputTokens ?? 0;
    },
    details() {
      const cost = estimateCost(modelId, { inputTokens, outputTokens });
      const tokens = `${(inputTokens + outputTokens).toLocaleString('en-US')} tokens`;
      // An unpriced model (the simulator, a local server) shows no cost rather than $0.
      return cost !== undefined ? [tokens, `$${cost.toFixed(4)}`] : [tokens];
    },
  };
}
