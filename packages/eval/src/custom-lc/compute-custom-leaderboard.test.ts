import { describe, expect, it } from 'vitest';
import { alignCustomInstructions } from './align-custom-instructions';
import { computeCustomLeaderboard } from './compute-custom-leaderboard';
import { type CustomLcAnnotationSet, parseCustomLcAnnotations } from './custom-lc-annotations';

/** A small leaderboard: model k wins more often and is shorter than the baseline on odd rows. */
function annotationSet(
  model: string,
  instructions: string[],
  { quality, baseline = 'base' }: { quality: number; baseline?: string },
): CustomLcAnnotationSet {
  const rows = instructions.map((instruction, i) => ({
    instruction,
    output_1: 'b'.repeat(100 + ((i * 37) % 50)),
    output_2: 'm'.repeat(60 + ((i * 53 + model.length * 11) % 120)),
    generator_1: baseline,
    generator_2: model,
    annotator: 'judge',
    preference: 1 + 1 / (1 + Math.exp(-(quality + 0.5 * Math.sin(i * 1.7)))),
  }));
  return parseCustomLcAnnotations(JSON.stringify(rows), { file: `${model}.json` });
}

const instructions = Array.from({ length: 40 }, (_, i) => `Instruction ${i}`);

describe('custom-set annotations', () => {
  it('reads NaN preferences as missing and requires the instruction, naming file and row', () => {
    const text =
      '[{"instruction":"a","output_1":"x","output_2":"yy","generator_1":"b","generator_2":"m","preference":NaN},' +
      '{"instruction":"b","output_1":"x😀","output_2":"y","generator_1":"b","generator_2":"m","preference":2}]';
    const set = parseCustomLcAnnotations(text, { file: 'm.json' });
    expect(set.rows).toEqual([
      { preference: null, baselineLength: 1, modelLength: 2 },
      { preference: 2, baselineLength: 2, modelLength: 1 },
    ]);
    expect(set.instructions).toEqual(['a', 'b']);
    expect(set.averageLength).toBe(1);
    const missing =
      '[{"output_1":"x","output_2":"y","generator_1":"b","generator_2":"m","preference":2}]';
    expect(() => parseCustomLcAnnotations(missing, { file: 'm.json' })).toThrow(
      /m\.json, field "\[0\]\.instruction": row 0: missing the instruction/,
    );
    expect(() => parseCustomLcAnnotations('{}', { file: 'm.json' })).toThrow(
      /m\.json: expected a JSON array/,
    );
  });

  it('aligns by instruction text and names the file and instruction a model lacks', () => {
    const a = { source: 'a.json', instructions: ['x', 'y', 'z'], rows: rowsFor(3) };
    const b = { source: 'b.json', instructions: ['z', 'x', 'y'], rows: rowsFor(3) };
    const aligned = alignCustomInstructions([a, b]);
    expect(aligned.instructions).toEqual(['x', 'y', 'z']);
    expect(aligned.rows[1]!.map(r => r.instructionIndex)).toEqual([2, 0, 1]);

    const c = { source: 'c.json', instructions: ['x', 'z'], rows: rowsFor(2) };
    expect(() => alignCustomInstructions([a, c])).toThrow(
      /c\.json, field "instruction": no annotation for instruction "y" \(annotated in a\.json\)/,
    );
    // The extra instruction is reported against the file that lacks it, whichever comes first.
    expect(() => alignCustomInstructions([c, a])).toThrow(/c\.json.*"y" \(annotated in a\.json\)/);
    const d = { source: 'd.json', instructions: ['x', 'x', 'y'], rows: rowsFor(3) };
    expect(() => alignCustomInstructions([d])).toThrow(
      /d\.json, field "\[1\]\.instruction": row 1: instruction "x" is already annotated in row 0/,
    );
  });
});

describe('computeCustomLeaderboard', () => {
  const sets = [
    annotationSet('weak', instructions, { quality: -1 }),
    annotationSet('mid', [...instructions].reverse(), { quality: 0 }),
    annotationSet('strong', instructions, { quality: 1 }),
  ];

  it('fits the difficulty jointly and ranks models, with the validation against true quality', () => {
    const board = computeCustomLeaderboard(sets, {
      truth: {
        quality: { weak: 0.2, mid: 0.5, strong: 0.8 },
        oracleWinRate: { weak: 27, mid: 50 },
      },
    });
    expect(board.instructions).toEqual(instructions);
    expect(board.difficulty).toHaveLength(40);
    expect(board.difficultyFit.converged).toBe(true);
    expect(board.difficultyFit.models.map(m => m.model)).toEqual(['weak', 'mid', 'strong']);
    const lc = board.entries.map(e => e.lengthControlledWinRate);
    expect(lc[0]).toBeLessThan(lc[1]!);
    expect(lc[1]).toBeLessThan(lc[2]!);
    expect(board.entries.every(e => e.inDifficultyFit && e.counter === 'countCodePoints')).toBe(
      true,
    );
    expect(board.validation).toMatchObject({
      models: 3,
      spearmanWinRate: 1,
      spearmanLengthControlled: 1,
    });
    const expected =
      (Math.abs(board.entries[0]!.lengthControlledWinRate - 27) +
        Math.abs(board.entries[1]!.lengthControlledWinRate - 50)) /
      2;
    expect(board.validation!.meanAbsErrorLengthControlled).toBeCloseTo(expected, 12);
  });

  it('gives the baseline against itself LC 50 and keeps it out of the joint fit', () => {
    const self = parseCustomLcAnnotations(
      JSON.stringify(
        instructions.map(instruction => ({
          instruction,
          output_1: 'same',
          output_2: 'same',
          generator_1: 'base',
          generator_2: 'base',
          preference: 1.5,
        })),
      ),
      { file: 'base.json' },
    );
    const board = computeCustomLeaderboard([...sets, self]);
    const base = board.entries[3]!;
    expect(base).toMatchObject({
      model: 'base',
      lengthControlledWinRate: 50,
      C: null,
      inDifficultyFit: false,
    });
    expect(board.difficultyFit.models).toHaveLength(3);
    expect(board.validation).toBeUndefined();
  });

  it('rejects mixed baselines, repeated models and bad options', () => {
    const other = annotationSet('other', instructions, { quality: 0, baseline: 'gpt' });
    expect(() => computeCustomLeaderboard([sets[0]!, other])).toThrow(
      /other\.json, field "generator_1": baseline \(generator_1\) is "gpt" but weak\.json uses "base"/,
    );
    expect(() => computeCustomLeaderboard([sets[0]!, sets[0]!])).toThrow(
      /model "weak" also comes from weak\.json/,
    );
    expect(() => computeCustomLeaderboard(sets, { l2: -1 })).toThrow(/field "l2"/);
  });
});

function rowsFor(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    preference: 2,
    baselineLength: 10,
    modelLength: i,
  }));
}
