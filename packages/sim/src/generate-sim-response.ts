import {
  detectPlanTotal,
  formatPlanLines,
  isAgentWritePlanPrompt,
  planLineOptions,
  planMainPoint,
  splitPlanTargets,
} from './agentwrite-plan';
import { detectRequestedLength, type RequestedLength } from './detect-requested-length';
import { estimateTokens, truncateToTokens } from './estimate-tokens';
import { countSimUnits, generateProse, type ProseLanguage } from './generate-prose';
import { findPlanArray, generateJsonSchemaValue } from './json-schema-value';
import { profileTargetUnits } from './length-profile';
import { pairwiseJudgeProbability, parsePairwiseJudgePrompt } from './pairwise-judge';
import {
  formatQualityJudgeReply,
  parseQualityJudgePrompt,
  qualityJudgeScores,
} from './quality-judge';
import { formatQualityTag } from './quality-tag';
import { createRng, hashString, hashValues, type Rng } from './random';
import type { ResolvedSimSettings, SimModelSpec } from './sim-settings';
import { simJudgeSchema } from './sim-settings';

export type SimChatMessage = { role: string; content: string };

/** One request, in the simulator's own terms (both faces convert to this). */
export type SimRequest = {
  endpoint: 'chat' | 'completion';
  /** Chat messages (`endpoint: 'chat'`). */
  messages?: SimChatMessage[];
  /** Raw prompt to continue (`endpoint: 'completion'`). */
  prompt?: string;
  maxTokens?: number;
  stop?: string[];
  /** The request's own `seed` parameter. */
  seed?: number;
  responseFormat?: { type: 'text' } | { type: 'json'; schema?: unknown };
  /** Set when log probabilities are requested; `topLogprobs` is the number of alternatives. */
  logprobs?: { topLogprobs: number };
};

export type SimTopLogprob = { token: string; logprob: number; bytes: number[] };
/** OpenAI's `choices[0].logprobs.content[i]` shape. */
export type SimTokenLogprob = SimTopLogprob & { top_logprobs: SimTopLogprob[] };

export type SimTask = 'prose' | 'plan' | 'json' | 'pairwise-judge' | 'quality-judge';

export type SimResponse = {
  /** Deterministic response id (`chatcmpl-sim…` / `cmpl-sim…`). */
  id: string;
  text: string;
  finishReason: 'stop' | 'length';
  promptTokens: number;
  completionTokens: number;
  task: SimTask;
  language: ProseLanguage;
  /** The length request the simulator acted on, if any. */
  requestedLength?: RequestedLength;
  /** Units the profile decided to write (before `max_tokens`/stop cuts), for prose and plans. */
  targetUnits?: number;
  logprobs?: SimTokenLogprob[];
  /** For pairwise judge prompts: P(first output `m` is better). */
  judgeProbability?: number;
};

const CJK = /[\u4e00-\u9fff]/g;
const HEADING_REQUEST =
  /start\s+with\s+the\s+heading(?:\s+line)?\s*[:"“]?\s*["“]?(#{1,6}\s+[^"”\n]+?)\s*["”]/i;
const LATIN_WORD = /[A-Za-z]+/g;

/** Chinese when 字 is the requested unit or the text has at least half as many ideographs as words. */
export function detectProseLanguage(text: string, requested?: RequestedLength): ProseLanguage {
  if (requested?.unit === 'chars') return 'zh';
  const cjk = (text.match(CJK) ?? []).length;
  const words = (text.match(LATIN_WORD) ?? []).length;
  return cjk > 0 && cjk >= 0.5 * words ? 'zh' : 'en';
}

const ASSISTANT_MARKERS = [
  /<\|start_header_id\|>assistant<\|end_header_id\|>/g,
  /<\|im_start\|>assistant/g,
  /<\|assistant\|>/g,
  /\[\/INST\]/g,
  /(?:^|\n)assistant:/gi,
  /(?:^|\n)### Response:/g,
];

/** Text after the last assistant-turn marker of a raw prompt: what was prefilled. */
function prefilledText(prompt: string): string {
  let end = -1;
  for (const marker of ASSISTANT_MARKERS) {
    for (const m of prompt.matchAll(marker)) end = Math.max(end, m.index + m[0].length);
  }
  return end < 0 ? '' : prompt.slice(end);
}

function lastUserMessage(messages: SimChatMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]!.role === 'user') return messages[i]!.content;
  }
  return messages[messages.length - 1]?.content ?? '';
}

function applyStops(text: string, stop: string[] | undefined): string {
  let cut = -1;
  for (const s of stop ?? []) {
    if (s.length === 0) continue;
    const at = text.indexOf(s);
    if (at >= 0 && (cut < 0 || at < cut)) cut = at;
  }
  return cut < 0 ? text : text.slice(0, cut);
}

const utf8 = new TextEncoder();
function topLogprob(token: string, p: number): SimTopLogprob {
  // OpenAI reports vanishing probabilities as -9999 rather than -Infinity.
  const logprob = p > 0 ? Math.max(-9999, Math.log(p)) : -9999;
  return { token, logprob, bytes: [...utf8.encode(token)] };
}

function planTotal(
  text: string,
  spec: SimModelSpec,
  rng: Rng,
): { total: number; requested?: RequestedLength } {
  const requested = detectPlanTotal(text);
  if (requested === undefined) return { total: rng.int(24, 60) * 50 };
  // A plan is short, so the cap never bites; a compliant (or capped) planner hits the total exactly.
  if (spec.profile === 'compliant' || spec.profile === 'capped')
    return { total: requested.value, requested };
  return {
    total: profileTargetUnits({
      profile: spec.profile,
      requested: requested.value,
      rng,
      capUnits: Number.POSITIVE_INFINITY,
    }),
    requested,
  };
}

/**
 * The simulator's answer to one request: pure and deterministic in (settings.seed, model id, the
 * request's messages or prompt, the request's `seed`). Faults, latency and capacity are applied by
 * the faces, not here.
 */
export function generateSimResponse(
  settings: ResolvedSimSettings,
  spec: SimModelSpec,
  request: SimRequest,
): SimResponse {
  const messages = request.messages ?? [];
  const promptText =
    request.endpoint === 'chat'
      ? messages.map(m => m.content).join('\n\n')
      : (request.prompt ?? '');
  const focus = request.endpoint === 'chat' ? lastUserMessage(messages) : promptText;
  const requestHash = hashString(
    request.endpoint === 'chat'
      ? JSON.stringify(messages.map(m => [m.role, m.content]))
      : promptText,
  );
  const rng = createRng(hashValues(settings.seed, spec.modelId, requestHash, request.seed));
  const judge = simJudgeSchema.parse(settings.judge ?? {});
  const json = request.responseFormat?.type === 'json' ? request.responseFormat : undefined;

  let task: SimTask;
  let text: string;
  let language: ProseLanguage = detectProseLanguage(focus);
  let requestedLength: RequestedLength | undefined;
  let targetUnits: number | undefined;
  let judgeProbability: number | undefined;
  let logprobs: SimTokenLogprob[] | undefined;

  const pairwise = parsePairwiseJudgePrompt(promptText);
  const qualityJudge = pairwise ? undefined : parseQualityJudgePrompt(promptText);
  if (pairwise) {
    task = 'pairwise-judge';
    language = 'en';
    judgeProbability = pairwiseJudgeProbability({ ...pairwise, judge, z: rng.normal() });
    text = judgeProbability >= 0.5 ? 'm' : 'M';
    if (request.logprobs) {
      const alternatives = [
        topLogprob('m', judgeProbability),
        topLogprob('M', 1 - judgeProbability),
      ].sort((a, b) => b.logprob - a.logprob);
      logprobs = [
        {
          ...topLogprob(text, text === 'm' ? judgeProbability : 1 - judgeProbability),
          top_logprobs: alternatives,
        },
      ];
    }
  } else if (qualityJudge) {
    task = 'quality-judge';
    language = 'en';
    const scores = qualityJudgeScores({ response: qualityJudge.response, noise: judge.noise, rng });
    text = formatQualityJudgeReply(scores, { fenced: json === undefined });
  } else if (json) {
    const location = json.schema === undefined ? undefined : findPlanArray(json.schema);
    // A schema decides the shape; without one, a plan prompt gets the project's plan object.
    task = (json.schema === undefined ? isAgentWritePlanPrompt(focus) : location !== undefined)
      ? 'plan'
      : 'json';
    if (task === 'plan') {
      const plan = planTotal(focus, spec, rng);
      requestedLength = plan.requested;
      targetUnits = plan.total;
      const targets = splitPlanTargets(plan.total, rng);
      const mainPoint = () => planMainPoint(rng, language);
      const value =
        location !== undefined
          ? generateJsonSchemaValue(json.schema, {
              rng,
              language,
              plan: { location, targets, mainPoint },
            })
          : {
              sections: targets.map((targetWords, i) => ({
                title: `Section ${sectionName(i)}`,
                mainPoint: mainPoint(),
                targetWords,
              })),
            };
      text = JSON.stringify(value);
    } else if (json.schema !== undefined) {
      text = JSON.stringify(generateJsonSchemaValue(json.schema, { rng, language }));
    } else {
      requestedLength = detectRequestedLength(focus);
      language = detectProseLanguage(focus, requestedLength);
      targetUnits = profileTargetUnits({
        profile: spec.profile,
        requested: requestedLength?.value,
        rng,
        capUnits: settings.capUnits,
      });
      text = JSON.stringify({ response: generateProse({ rng, units: targetUnits, language }) });
    }
  } else if (isAgentWritePlanPrompt(focus)) {
    task = 'plan';
    const plan = planTotal(focus, spec, rng);
    requestedLength = plan.requested;
    targetUnits = plan.total;
    text = formatPlanLines(
      splitPlanTargets(plan.total, rng),
      rng,
      language,
      planLineOptions(focus),
    );
  } else {
    task = 'prose';
    requestedLength = detectRequestedLength(focus);
    language = detectProseLanguage(focus, requestedLength);
    targetUnits = profileTargetUnits({
      profile: spec.profile,
      requested: requestedLength?.value,
      rng,
      capUnits: settings.capUnits,
    });
    let units = targetUnits;
    if (request.endpoint === 'completion') {
      // A prefilled answer already holds part of the length; the continuation writes the rest.
      const prefill = prefilledText(promptText).replaceAll(/\[MLT:[^\]]*\]/g, '');
      units = Math.max(0, targetUnits - countSimUnits(prefill));
    }
    // Section-writer prompts may ask for a fixed first line ("Start with the heading line "## X"");
    // its words are part of the length, as they would be for a real model.
    const heading = HEADING_REQUEST.exec(focus)?.[1];
    const headingUnits = heading ? countSimUnits(heading) : 0;
    const body = generateProse({ rng, units: Math.max(0, units - headingUnits), language });
    const content = heading ? (body ? `${heading}\n\n${body}` : heading) : body;
    text =
      spec.quality !== undefined && content.length > 0
        ? `${formatQualityTag(spec.quality)}\n\n${content}`
        : content;
  }

  text = applyStops(text, request.stop);
  let finishReason: SimResponse['finishReason'] = 'stop';
  // A pairwise verdict is one token by definition (AlpacaEval asks with max_tokens 1), whatever the
  // word estimate says.
  const singleToken = task === 'pairwise-judge';
  if (request.maxTokens !== undefined && !(singleToken && request.maxTokens >= 1)) {
    const cut = truncateToTokens(text, request.maxTokens);
    if (cut.cut) {
      text = cut.text;
      finishReason = 'length';
      logprobs = undefined;
    }
  }

  const idHash = hashValues(requestHash, spec.modelId, settings.seed, request.seed)
    .toString(16)
    .padStart(8, '0');
  return {
    id: `${request.endpoint === 'chat' ? 'chatcmpl' : 'cmpl'}-sim${idHash}`,
    text,
    finishReason,
    promptTokens: estimateTokens(promptText),
    completionTokens: singleToken ? Math.min(1, text.length) : estimateTokens(text),
    task,
    language,
    ...(requestedLength ? { requestedLength } : {}),
    ...(targetUnits !== undefined ? { targetUnits } : {}),
    ...(logprobs ? { logprobs } : {}),
    ...(judgeProbability !== undefined ? { judgeProbability } : {}),
  };
}

const NAMES = ['One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten'];
/** Section titles without digits, so titles never disturb word counters. */
function sectionName(i: number): string {
  return i < NAMES.length
    ? NAMES[i]!
    : `${NAMES[Math.floor(i / NAMES.length) - 1] ?? 'Many'} ${NAMES[i % NAMES.length]}`;
}
