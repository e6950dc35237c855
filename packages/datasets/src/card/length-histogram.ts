export interface HistogramBin {
  /** Inclusive lower edge. */
  from: number;
  /** Exclusive upper edge; `undefined` for the open last bin. */
  to?: number;
  count: number;
}

/** Power-of-two-ish edges that cover short answers up to LongWriter's 32k-word outputs. */
export const DEFAULT_HISTOGRAM_EDGES: readonly number[] = [
  0, 500, 1000, 2000, 4000, 8000, 16000, 32000,
];

/** Counts values into [edge_i, edge_i+1) bins plus an open bin above the last edge. */
export function buildLengthHistogram(
  values: ArrayLike<number>,
  edges: readonly number[] = DEFAULT_HISTOGRAM_EDGES,
): HistogramBin[] {
  if (edges.length === 0) throw new RangeError('histogram needs at least one edge');
  for (let i = 1; i < edges.length; i++) {
    if (!(edges[i]! > edges[i - 1]!)) throw new RangeError('histogram edges must increase');
  }
  const bins: HistogramBin[] = edges.map((from, i) => ({ from, to: edges[i + 1], count: 0 }));
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value < edges[0]!) continue;
    let lo = 0;
    let hi = edges.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (edges[mid]! <= value) lo = mid;
      else hi = mid - 1;
    }
    bins[lo]!.count++;
  }
  // Empty bins above the longest sample add nothing to read.
  while (bins.length > 1 && bins[bins.length - 1]!.count === 0) bins.pop();
  return bins;
}

const BAR_WIDTH = 40;

/** Markdown table with a text bar per bin, scaled to the fullest bin. */
export function renderLengthHistogram(bins: readonly HistogramBin[]): string {
  const most = Math.max(1, ...bins.map(bin => bin.count));
  const total = bins.reduce((sum, bin) => sum + bin.count, 0);
  const rows = bins.map(bin => {
    const range =
      bin.to === undefined
        ? `≥ ${formatInt(bin.from)}`
        : `${formatInt(bin.from)}–${formatInt(bin.to - 1)}`;
    const bar = '█'.repeat(Math.round((bin.count / most) * BAR_WIDTH));
    const share = total > 0 ? `${((bin.count / total) * 100).toFixed(1)} %` : '–';
    return `| ${range} | ${bin.count} | ${share} | ${bar} |`;
  });
  return ['| length | samples | share | |', '| ---: | ---: | ---: | :--- |', ...rows].join('\n');
}

export function formatInt(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
