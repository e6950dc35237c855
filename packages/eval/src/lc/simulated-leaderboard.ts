import type { LcRow } from './lc-design';
import { Mt19937 } from './mt19937';

/**
 * A leaderboard drawn from a known generative model, to validate LC on custom instruction sets:
 * hidden quality per model, difficulty per instruction, a judge with a known length bias, and a
 * verbosity per model that is anti-correlated with quality (weak models pad), which is exactly
 * what fools a raw win rate.
 */
export interface SimulatedLeaderboard {
  models: { model: string; quality: number; verbosity: number; rows: LcRow[] }[];
  difficulty: Float64Array;
}

export interface SimulatedLeaderboardSettings {
  modelCount?: number;
  instructionCount?: number;
  /** Judge's log-odds bonus for tanh of the standardised length advantage. */
  lengthBias?: number;
  seed?: number;
}

export function simulateLeaderboard({
  modelCount = 10,
  instructionCount = 300,
  lengthBias = 1.5,
  seed = 20240404,
}: SimulatedLeaderboardSettings = {}): SimulatedLeaderboard {
  const rng = new Mt19937(seed);
  const uniform = () => (rng.next() + 0.5) / 2 ** 32;
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const difficulty = Float64Array.from({ length: instructionCount }, () => normal());
  const baselineLength = Array.from({ length: instructionCount }, () =>
    Math.round(Math.exp(6.5 + 0.5 * normal())),
  );
  const models = Array.from({ length: modelCount }, (_, m) => {
    const quality = -1.5 + (3 * m) / (modelCount - 1);
    const verbosity = -0.6 * quality + 0.2 * normal();
    const modelLength = baselineLength.map(length =>
      Math.max(1, Math.round(length * Math.exp(verbosity + 0.3 * normal()))),
    );
    const delta = baselineLength.map((length, x) => length - modelLength[x]!);
    const mean = delta.reduce((s, v) => s + v, 0) / delta.length;
    const sd = Math.sqrt(delta.reduce((s, v) => s + (v - mean) ** 2, 0) / (delta.length - 1));
    const rows: LcRow[] = baselineLength.map((length, x) => {
      const z = quality + difficulty[x]! - lengthBias * Math.tanh(delta[x]! / sd) + 0.3 * normal();
      return {
        preference: 1 + 1 / (1 + Math.exp(-z)),
        baselineLength: length,
        modelLength: modelLength[x]!,
        instructionIndex: x,
      };
    });
    return { model: `sim-${m}`, quality, verbosity, rows };
  });
  return { models, difficulty };
}
