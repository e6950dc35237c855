import { JudgeParseError } from '../judge/judge-parse-error';
import { QUALITY_DIMENSIONS, type QualityScores } from './quality-dimensions';

export type QualityJudgement = {
  scores: QualityScores;
  analysis?: string;
};

export type QualityParseMode = 'hardened' | 'upstream';

/**
 * Parses a LongBench-Write quality judge's answer.
 *
 * - `hardened` (default): finds the JSON object in a ```json fence (with or without a newline after
 *   the tag), a bare ``` fence, or after leading prose; requires all six keys with integer scores
 *   1–5 (a numeric string such as "4" is accepted, "4.5" or 6 are not).
 * - `upstream`: THUDM/LongWriter eval_quality.py's rules, for comparison runs only: the first
 *   ```` ```json\n…\n``` ```` match if the text contains ```` ```json ````, every newline deleted,
 *   all six keys required, values passed through Python `float()` with no range check.
 *
 * Throws `JudgeParseError` when the text yields no valid judgement.
 */
export function parseQualityJudgement(
  text: string,
  { mode = 'hardened' }: { mode?: QualityParseMode } = {},
): QualityJudgement {
  return mode === 'upstream' ? parseUpstream(text) : parseHardened(text);
}

function parseHardened(text: string): QualityJudgement {
  const candidates = jsonCandidates(text);
  if (candidates.length === 0) {
    throw new JudgeParseError({ reason: 'no JSON object found', text });
  }
  let lastError: JudgeParseError | undefined;
  for (const candidate of candidates) {
    const value = parseLenientJson(candidate);
    if (value === undefined) {
      lastError = new JudgeParseError({ reason: 'invalid JSON', text });
      continue;
    }
    try {
      return validateHardened(value, text);
    } catch (error) {
      if (!JudgeParseError.isInstance(error)) throw error;
      lastError = error;
    }
  }
  throw lastError!;
}

function validateHardened(value: unknown, text: string): QualityJudgement {
  if (value == null || typeof value !== 'object' || Array.isArray(value)) {
    throw new JudgeParseError({ reason: 'the JSON is not an object', text });
  }
  const record = value as Record<string, unknown>;
  const missing = QUALITY_DIMENSIONS.filter(key => !(key in record));
  if (missing.length > 0) {
    throw new JudgeParseError({
      reason: `missing key(s) ${missing.map(k => `"${k}"`).join(', ')}`,
      text,
    });
  }
  const scores = {} as QualityScores;
  for (const key of QUALITY_DIMENSIONS) {
    const raw = record[key];
    const score =
      typeof raw === 'number'
        ? raw
        : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw)
          ? Number(raw)
          : Number.NaN;
    if (!Number.isInteger(score) || score < 1 || score > 5) {
      throw new JudgeParseError({
        reason: `"${key}" must be an integer from 1 to 5, got ${JSON.stringify(raw)}`,
        text,
      });
    }
    scores[key] = score;
  }
  const analysis = record.Analysis;
  return typeof analysis === 'string' ? { scores, analysis } : { scores };
}

/**
 * Candidate JSON texts, most specific first: fenced blocks, then every balanced top-level `{…}`
 * found by scanning (so leading or trailing prose does not matter).
 */
function jsonCandidates(text: string): string[] {
  const candidates: string[] = [];
  for (const match of text.matchAll(/```(?:json|JSON)?[ \t]*\r?\n?([\s\S]*?)```/g)) {
    const body = match[1]!.trim();
    if (body.startsWith('{')) candidates.push(body);
  }
  for (const object of balancedObjects(text)) {
    if (!candidates.includes(object)) candidates.push(object);
  }
  return candidates;
}

function balancedObjects(text: string): string[] {
  const objects: string[] = [];
  let start = -1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"' && depth > 0) inString = true;
    else if (ch === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === '}' && depth > 0) {
      depth--;
      if (depth === 0) objects.push(text.slice(start, i + 1));
    }
  }
  return objects;
}

/** Judges often put raw newlines inside the Analysis string, which strict JSON forbids. */
function parseLenientJson(candidate: string): unknown {
  for (const attempt of [candidate, candidate.replace(/\r?\n/g, ' ')]) {
    try {
      return JSON.parse(attempt);
    } catch {
      // try the next repair
    }
  }
  return undefined;
}

function parseUpstream(text: string): QualityJudgement {
  let body = text;
  if (text.includes('```json')) {
    const match = /```json\n([\s\S]*?)\n```/.exec(text);
    if (!match)
      throw new JudgeParseError({
        reason: 'upstream: ```json fence without the expected newlines',
        text,
      });
    body = match[1]!;
  }
  let value: unknown;
  try {
    value = JSON.parse(body.replaceAll('\n', ''));
  } catch (cause) {
    throw new JudgeParseError({ reason: 'upstream: invalid JSON', text, cause });
  }
  if (value == null || typeof value !== 'object' || Array.isArray(value)) {
    throw new JudgeParseError({ reason: 'upstream: the JSON is not an object', text });
  }
  const record = value as Record<string, unknown>;
  const scores = {} as QualityScores;
  for (const key of QUALITY_DIMENSIONS) {
    if (!(key in record))
      throw new JudgeParseError({ reason: `upstream: missing key "${key}"`, text });
    const score = pythonFloat(record[key]);
    if (score === undefined) {
      throw new JudgeParseError({ reason: `upstream: float() fails on "${key}"`, text });
    }
    scores[key] = score;
  }
  const analysis = record.Analysis;
  return typeof analysis === 'string' ? { scores, analysis } : { scores };
}

/** What Python's `float()` accepts from a JSON value; `undefined` where it raises. */
function pythonFloat(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'string') return undefined;
  const s = value.trim().replaceAll(/(?<=\d)_(?=\d)/g, '');
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(s)) return Number(s);
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(s);
  if (special) {
    if (special[2]!.toLowerCase() === 'nan') return Number.NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  return undefined;
}
