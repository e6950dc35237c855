/** The six LongBench-Write quality dimensions, in the judge prompt's order and spelling. */
export const QUALITY_DIMENSIONS = [
  'Relevance',
  'Accuracy',
  'Coherence',
  'Clarity',
  'Breadth and Depth',
  'Reading Experience',
] as const;

export type QualityDimension = (typeof QUALITY_DIMENSIONS)[number];

export type QualityScores = Record<QualityDimension, number>;
