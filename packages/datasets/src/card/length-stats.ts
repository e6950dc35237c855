export interface LengthSummary {
  count: number;
  min: number;
  median: number;
  mean: number;
  p90: number;
  max: number;
}

export interface LengthStatsAccumulator {
  add(lengths: Readonly<Record<string, number>>): void;
  /** Per counter, sorted by counter name. */
  summary(): Record<string, LengthSummary>;
  /** The raw values of one counter, in insertion order. */
  values(counter: string): Float64Array;
}

/**
 * Exact per-counter statistics. Only the numbers are kept (8 bytes per sample per counter, in typed
 * arrays), which is what exact quantiles need; texts never are.
 */
export function createLengthStats(): LengthStatsAccumulator {
  const columns = new Map<string, { data: Float64Array; size: number }>();
  return {
    add(lengths) {
      for (const [counter, value] of Object.entries(lengths)) {
        let column = columns.get(counter);
        if (!column) {
          column = { data: new Float64Array(1024), size: 0 };
          columns.set(counter, column);
        }
        if (column.size === column.data.length) {
          const grown = new Float64Array(column.data.length * 2);
          grown.set(column.data);
          column.data = grown;
        }
        column.data[column.size++] = value;
      }
    },
    summary() {
      const result: Record<string, LengthSummary> = {};
      for (const counter of [...columns.keys()].sort()) {
        result[counter] = summarizeLengths(this.values(counter));
      }
      return result;
    },
    values(counter) {
      const column = columns.get(counter);
      return column ? column.data.slice(0, column.size) : new Float64Array(0);
    },
  };
}

/** min / median / mean / p90 / max; quantiles interpolate linearly between ranks (numpy's default). */
export function summarizeLengths(values: ArrayLike<number>): LengthSummary {
  const sorted = Float64Array.from(values).sort();
  const count = sorted.length;
  if (count === 0) return { count: 0, min: 0, median: 0, mean: 0, p90: 0, max: 0 };
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    count,
    min: sorted[0]!,
    median: quantile(sorted, 0.5),
    mean: sum / count,
    p90: quantile(sorted, 0.9),
    max: sorted[count - 1]!,
  };
}

function quantile(sorted: Float64Array, q: number): number {
  const position = q * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const fraction = position - lower;
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * fraction;
}
