// Scores a few outputs with the three papers' length metrics, each with its own counter.
// Run: (cd packages/eval && npx tsdown) && node examples/length-metrics.ts
import {
  aggregateLongBenchWrite,
  aggregateTlg,
  formatFixed2,
  parseLengthConstraint,
  resolveMltTarget,
  scoreLength,
  scoreLonGen,
} from '@longform/eval';

// LongBench-Write S_l: overshooting is cheaper than undershooting.
console.log('S_l(1000 required, 1100 written) =', scoreLength(1000, 1100).toFixed(2));
console.log('S_l(1000 required,  900 written) =', scoreLength(1000, 900).toFixed(2));

const lbw = aggregateLongBenchWrite([
  { length: 300, response: 'word '.repeat(280), language: 'en' },
  { length: 2000, response: '字'.repeat(2600), language: 'zh' },
]);
console.log(
  `LongBench-Write S_l (${lbw.counter}):`,
  lbw.overall.lengthScore.toFixed(2),
  lbw.byBucket,
);

// LonGen length following: 1 inside the window, linear fall-off outside.
const lonGen = scoreLonGen([
  { type: 'about', constraint: 'around 3000 words', response: 'w '.repeat(2700) },
  { type: 'range', constraint: '4,000-6,000 words', response: 'w '.repeat(6500) },
  { type: 'above', constraint: '大于三千字', response: '字'.repeat(2500) },
]);
console.log(
  `LonGen (${lonGen.counter}):`,
  lonGen.byType,
  'Overall',
  lonGen.overall.score.toFixed(6),
);

// Ruler TLG: PM/FM pooled per level and over all items.
const tlg = aggregateTlg([
  {
    target: '30',
    output: 'A short answer that runs to exactly the kind of length a reader expects.',
  },
  { target: '150', words: 160 },
  { target: '>800', words: 950 },
]);
console.log(
  `TLG (${tlg.counter}): All Level PM ${formatFixed2(tlg.all.pm)} FM ${formatFixed2(tlg.all.fm)}`,
);

// A free-text constraint mapped to an MLT, with the window that defines success.
const constraint = parseLengthConstraint('Answer in about 120 words.')!;
const resolved = resolveMltTarget(constraint.words!, 'fm-bucket');
console.log(
  `"${constraint.match}" → ${resolved.token}, FM window (${resolved.fm.lo}, ${resolved.fm.hi}]`,
);
