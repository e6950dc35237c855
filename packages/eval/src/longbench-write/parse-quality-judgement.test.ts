import { describe, expect, it } from 'vitest';
import { JudgeParseError } from '../judge/judge-parse-error';
import { parseQualityJudgement } from './parse-quality-judgement';

const SCORES = {
  Relevance: 5,
  Accuracy: 4,
  Coherence: 4,
  Clarity: 3,
  'Breadth and Depth': 2,
  'Reading Experience': 1,
};
const body = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ Analysis: 'Solid but thin.', ...SCORES, ...extra });

function parseError(text: string, mode?: 'hardened' | 'upstream'): JudgeParseError {
  try {
    parseQualityJudgement(text, { mode });
  } catch (error) {
    expect(JudgeParseError.isInstance(error)).toBe(true);
    return error as JudgeParseError;
  }
  throw new Error('expected a JudgeParseError');
}

describe('parseQualityJudgement (hardened)', () => {
  it.each([
    ['a bare object', body()],
    ['a ```json fence with newlines', `\`\`\`json\n${body()}\n\`\`\``],
    ['a ```json fence without newlines', `\`\`\`json${body()}\`\`\``],
    ['a bare ``` fence', `\`\`\`\n${body()}\n\`\`\``],
    ['leading prose', `Here is my evaluation of the response.\n\n${body()}`],
    ['prose on both sides', `Evaluation: ${body()} Hope this helps {sic}.`],
    ['pretty-printed JSON', JSON.stringify({ ...SCORES, Analysis: 'x' }, null, 2)],
    [
      'a raw newline inside the Analysis string',
      body().replace('Solid but thin.', 'Solid\nbut thin.'),
    ],
    ['braces inside the Analysis string', body({ Analysis: 'uses {curly} braces } oddly' })],
  ])('accepts %s', (_label, text) => {
    expect(parseQualityJudgement(text).scores).toEqual(SCORES);
  });

  it('returns the analysis when present', () => {
    expect(parseQualityJudgement(body()).analysis).toBe('Solid but thin.');
  });

  it('accepts integer strings such as "4"', () => {
    expect(parseQualityJudgement(body({ Accuracy: '4' })).scores.Accuracy).toBe(4);
  });

  it('skips an earlier object that is not the judgement', () => {
    const text = `Format: {"example": true}\n${body()}`;
    expect(parseQualityJudgement(text).scores).toEqual(SCORES);
  });

  it.each([
    ['a score of 6', body({ Clarity: 6 }), /"Clarity" must be an integer from 1 to 5, got 6/],
    ['a score of 0', body({ Clarity: 0 }), /got 0/],
    ['a fractional score', body({ Clarity: 3.5 }), /got 3.5/],
    ['a non-numeric string', body({ Clarity: 'good' }), /got "good"/],
    [
      'a missing key',
      JSON.stringify({ ...SCORES, 'Reading Experience': undefined }),
      /missing key.*Reading Experience/,
    ],
    ['no JSON at all', 'I cannot evaluate this.', /no JSON object found/],
    ['broken JSON', '{"Relevance": 5, "Accuracy": }', /invalid JSON/],
  ])('rejects %s', (_label, text, reason) => {
    const error = parseError(text);
    expect(error.reason).toMatch(reason);
    expect(error.text).toBe(text);
    expect(error.name).toBe('LongformJudgeParseError');
  });
});

describe('parseQualityJudgement (upstream mode, agentwrite.md §2.6 steps 1–4)', () => {
  it('parses a ```json\\n…\\n``` fence and deletes newlines', () => {
    const pretty = JSON.stringify({ Analysis: 'a', ...SCORES }, null, 2);
    expect(
      parseQualityJudgement(`\`\`\`json\n${pretty}\n\`\`\``, { mode: 'upstream' }).scores,
    ).toEqual(SCORES);
  });

  it('passes values through float(): strings accepted, range not checked', () => {
    const text = body({ Clarity: '4', Relevance: 7, Accuracy: 2.5 });
    const { scores } = parseQualityJudgement(text, { mode: 'upstream' });
    expect(scores.Clarity).toBe(4);
    expect(scores.Relevance).toBe(7);
    expect(scores.Accuracy).toBe(2.5);
  });

  it('fails on a fence without the newline that the hardened mode accepts', () => {
    const text = `\`\`\`json${body()}\`\`\``;
    expect(parseQualityJudgement(text).scores).toEqual(SCORES);
    expect(parseError(text, 'upstream').reason).toMatch(/newlines/);
  });

  it('fails on leading prose without a fence', () => {
    const text = `Here you go: ${body()}`;
    expect(parseQualityJudgement(text).scores).toEqual(SCORES);
    expect(parseError(text, 'upstream').reason).toMatch(/invalid JSON/);
  });

  it('fails on a missing key and on values float() rejects', () => {
    expect(
      parseError(JSON.stringify({ ...SCORES, Clarity: undefined }), 'upstream').reason,
    ).toMatch(/Clarity/);
    expect(parseError(body({ Clarity: 'good' }), 'upstream').reason).toMatch(/float/);
    expect(parseError(body({ Clarity: null }), 'upstream').reason).toMatch(/float/);
  });
});
