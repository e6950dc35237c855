import {
  countTokens,
  countWordsLongWriter,
  InvalidInputError,
  stripLeadingHeading,
  type TokenUsage,
} from '@longform/core';
import { assembleDocument } from '../assembly/assemble-document';
import { cleanSection } from '../assembly/clean-section';
import { buildContext } from '../context/build-context';
import { PlanError } from '../errors/plan-error';
import { SectionWriteError } from '../errors/section-write-error';
import { decideControlAction } from '../length/control-action';
import { extractTargetLength, type OutputLanguage } from '../length/extract-target-length';
import { createLengthCalibrator } from '../length/length-calibrator';
import { trimToLength } from '../length/trim-to-length';
import { deriveTitle } from '../plan/derive-title';
import { normalizePlan } from '../plan/normalize-plan';
import { parsePlanText } from '../plan/parse-plan-text';
import { type PlanFile, type PlanSection, planSchema } from '../plan/plan-schema';
import {
  type AgentWriterOptions,
  agentWriterOptionsSchema,
  FAITHFUL_PARAMETERS,
  type ResolvedAgentWriterOptions,
  TOKENS_PER_UNIT,
} from './agent-writer-settings';
import { prompts } from './prompts';
import type { StepResult, StepRunner, WriterStage } from './step-runner';
import type { SectionAttempt, SectionReport, WriterEvent } from './writer-events';

export interface AgentWriterSettings extends AgentWriterOptions {
  /** How the writer calls the model: `createModelStepRunner(model)` or `createRunStepRunner(...)`. */
  runner: StepRunner;
  /** Whether the model supports structured output (from `ResolvedModel.capabilities`). */
  supportsStructuredOutput?: boolean;
}

export interface PlanRequest {
  instruction: string;
  /** Overrides the length read from the instruction (`--words N`). */
  targetWords?: number;
  /** Used when the instruction states no length and `targetWords` is not given. */
  defaultWords?: number;
  onEvent?: (event: WriterEvent) => void;
  abortSignal?: AbortSignal;
}

export interface PlanResult {
  plan: PlanFile;
  /** Repairs made to the model's plan (rescaling, splits, merges). */
  adjustments: string[];
  /** Non-plan lines of the model's answer (line format only). */
  ignoredLines: string[];
  attempts: number;
  usage: TokenUsage[];
  /** Plan calls made, and plan calls replayed from the run journal. */
  modelCalls: number;
  journalHits: number;
}

export interface WriteRequest extends PlanRequest {
  /** A plan to write from (e.g. `longform write --plan FILE`); planned by the model otherwise. */
  plan?: PlanFile;
}

export interface WriteResult {
  document: string;
  plan: PlanFile;
  planAdjustments: string[];
  sections: SectionReport[];
  targetWords: number;
  totalWords: number;
  /** The counter every length here is measured with. */
  counter: 'countWordsLongWriter';
  mode: ResolvedAgentWriterOptions['mode'];
  usage: TokenUsage[];
  modelCalls: number;
  journalHits: number;
}

export interface AgentWriter {
  readonly options: ResolvedAgentWriterOptions;
  plan(request: PlanRequest): Promise<PlanResult>;
  write(request: WriteRequest): Promise<WriteResult>;
}

const LANGUAGE_NAMES: Record<OutputLanguage, string> = { en: 'English', zh: 'Chinese' };
// A response that is only a refusal or an error stub must never become document text.
const FAILURE_TEXT =
  /^\s*(?:Max tries\.? Failed\.?|Trigger OpenAI's content management policy\.?)\s*$/i;

// Controlled documents get a heading per section; the continuation parts of a split section
// (main point "… (part k of n)") stay under their first part's heading.
function withTitles(sections: PlanSection[]): PlanSection[] {
  return sections.map(s =>
    s.title || /\(part (?!1 of)\d+ of \d+\)$/.test(s.mainPoint)
      ? s
      : { ...s, title: deriveTitle(s.mainPoint.replace(/\s*\(part \d+ of \d+\)$/, '')) },
  );
}

function planLines(
  sections: readonly PlanSection[],
  unit: PlanFile['unit'],
  withTitles: boolean,
): string {
  return sections
    .map((s, i) => {
      const title = withTitles && s.title ? ` - Title: ${s.title}` : '';
      const count = unit === '字' ? `${s.targetWords}字` : `${s.targetWords} words`;
      return `Paragraph ${i + 1}${title} - Main Point: ${s.mainPoint} - Word Count: ${count}`;
    })
    .join('\n');
}

/**
 * Creates an AgentWrite writer: plan → write section by section, in order, each call seeing the
 * instruction, the whole plan, the text so far (under a context policy) and the current section.
 *
 * `controlled` (default) adds a per-section length controller: each section is measured with the
 * LongWriter counter; a short one is continued, a long one is cut at a paragraph (or sentence)
 * boundary or condensed, within `maxControlAttempts`; surplus and deficit carry into the remaining
 * targets; every attempt is reported. `faithful` reproduces LongWriter's parameters and prompts for
 * comparison runs (no controller, full context, temperature 1, 4096 output tokens).
 */
export function createAgentWriter(settings: AgentWriterSettings): AgentWriter {
  const { runner, supportsStructuredOutput = false, ...rest } = settings;
  const parsed = agentWriterOptionsSchema.safeParse(rest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidInputError({ field: issue.path.join('.'), message: issue.message });
  }
  const options = parsed.data;
  const faithful = options.mode === 'faithful';
  const temperature = options.temperature ?? (faithful ? FAITHFUL_PARAMETERS.temperature : 0.7);
  const contextPolicy = faithful ? FAITHFUL_PARAMETERS.contextPolicy : options.contextPolicy;
  const counter = countWordsLongWriter;

  const maxTokensFor = (units: number, language: OutputLanguage) =>
    options.maxOutputTokens ??
    (faithful
      ? FAITHFUL_PARAMETERS.maxOutputTokens
      : Math.ceil(Math.max(units, 50) * 2 * TOKENS_PER_UNIT[language]) + 256);

  const useStructured =
    !faithful &&
    (options.structuredPlan === 'always' ||
      (options.structuredPlan === 'auto' && supportsStructuredOutput));

  async function plan(request: PlanRequest): Promise<PlanResult> {
    const target = extractTargetLength(request.instruction, {
      defaultWords: request.targetWords ?? request.defaultWords,
    });
    const targetWords = request.targetWords ?? target.words;
    const unit = target.unit;
    const usage: TokenUsage[] = [];
    let modelCalls = 0;
    let journalHits = 0;
    let lastError: unknown;
    for (let attempt = 0; attempt < options.maxPlanAttempts; attempt++) {
      // Structured output first; a failed structured call falls back to the line format.
      const structured = useStructured && attempt === 0;
      const template = faithful ? prompts.faithfulPlan : prompts.controlledPlan;
      const prompt = template.render({
        instruction: request.instruction,
        minWords: options.sectionBounds.min,
        maxWords: options.sectionBounds.max,
        targetWords,
        unit,
        languageName: LANGUAGE_NAMES[target.language],
        lineFormat: !structured,
      });
      let result: StepResult;
      try {
        result = await runner({
          stage: 'plan',
          step: 'plan',
          attempt,
          prompt,
          template: template.id,
          maxOutputTokens: faithful ? FAITHFUL_PARAMETERS.maxOutputTokens : 4096,
          temperature,
          ...(structured ? { schema: planSchema } : {}),
          abortSignal: request.abortSignal,
        });
      } catch (error) {
        if (!structured) {
          throw new PlanError({
            message: `the plan call failed: ${(error as Error).message}`,
            reason: 'call-failed',
            attempts: attempt + 1,
            cause: error,
          });
        }
        lastError = error;
        continue;
      }
      usage.push(result.usage);
      if (result.fromJournal) journalHits++;
      else modelCalls++;
      let sections: PlanSection[];
      let ignoredLines: string[] = [];
      if (structured) {
        const object = planSchema.safeParse(result.object);
        if (!object.success) {
          lastError = object.error;
          continue;
        }
        sections = object.data.sections;
      } else {
        const parsedText = parsePlanText(result.text);
        sections = parsedText.sections;
        ignoredLines = parsedText.ignored.map(l => l.text);
      }
      if (sections.length === 0) {
        lastError = new PlanError({
          message: 'the model returned no plan lines',
          reason: 'no-sections',
          attempts: attempt + 1,
        });
        continue;
      }
      try {
        const normalized = faithful
          ? checkFaithfulPlan(sections)
          : normalizePlan(
              { sections },
              {
                targetWords,
                bounds: options.sectionBounds,
                tolerance: options.planTolerance,
                maxSections: options.maxSections,
              },
            );
        const planFile: PlanFile = {
          version: 1,
          instruction: request.instruction,
          targetWords,
          unit,
          sections: faithful ? normalized.plan.sections : withTitles(normalized.plan.sections),
        };
        request.onEvent?.({
          type: 'plan-ready',
          plan: planFile,
          adjustments: normalized.adjustments,
          ignoredLines,
          fromJournal: result.fromJournal,
        });
        return {
          plan: planFile,
          adjustments: normalized.adjustments,
          ignoredLines,
          attempts: attempt + 1,
          usage,
          modelCalls,
          journalHits,
        };
      } catch (error) {
        lastError = error;
      }
    }
    if (PlanError.isInstance(lastError)) {
      throw new PlanError({
        message: `no usable plan after ${options.maxPlanAttempts} attempts: ${lastError.message}`,
        reason: lastError.reason,
        attempts: options.maxPlanAttempts,
        cause: lastError,
      });
    }
    throw new PlanError({
      message: `no usable plan after ${options.maxPlanAttempts} attempts`,
      reason: 'invalid',
      attempts: options.maxPlanAttempts,
      cause: lastError,
    });
  }

  function checkFaithfulPlan(sections: PlanSection[]) {
    if (sections.length > options.maxSections) {
      throw new PlanError({
        message: `${sections.length} plan lines exceed ${options.maxSections} (upstream skips such items)`,
        reason: 'too-many-sections',
        attempts: 1,
      });
    }
    return { plan: { sections }, adjustments: [] as string[] };
  }

  async function write(request: WriteRequest): Promise<WriteResult> {
    const usage: TokenUsage[] = [];
    let modelCalls = 0;
    let journalHits = 0;
    const emit = (event: WriterEvent) => request.onEvent?.(event);

    let planFile: PlanFile;
    let planAdjustments: string[] = [];
    if (request.plan) {
      // The instruction given with the call wins over the one stored in the plan file.
      planFile = { ...request.plan, instruction: request.instruction };
      if (!faithful) {
        const normalized = normalizePlan(planFile, {
          targetWords: request.targetWords ?? planFile.targetWords,
          bounds: options.sectionBounds,
          tolerance: options.planTolerance,
          maxSections: options.maxSections,
        });
        planFile = {
          ...planFile,
          targetWords: request.targetWords ?? planFile.targetWords,
          sections: withTitles(normalized.plan.sections),
        };
        planAdjustments = normalized.adjustments;
      }
      emit({
        type: 'plan-ready',
        plan: planFile,
        adjustments: planAdjustments,
        ignoredLines: [],
        fromJournal: false,
      });
    } else {
      const planned = await plan(request);
      planFile = planned.plan;
      planAdjustments = planned.adjustments;
      usage.push(...planned.usage);
      modelCalls += planned.modelCalls;
      journalHits += planned.journalHits;
    }

    const language: OutputLanguage = planFile.unit === '字' ? 'zh' : 'en';
    const { instruction, sections, unit } = planFile;
    const calibrator = createLengthCalibrator();
    // Finished sections are re-measured for every later prompt; count each text once.
    const tokenCache = new Map<string, number>();
    const tokensOf = (text: string) => {
      let n = tokenCache.get(text);
      if (n === undefined) {
        n = countTokens(text);
        tokenCache.set(text, n);
      }
      return n;
    };
    const written: { title?: string; text: string }[] = [];
    const reports: SectionReport[] = [];
    let wordsSoFar = 0;
    const planText = planLines(sections, unit, !faithful);

    const call = async (
      stage: WriterStage,
      index: number,
      attempt: number,
      prompt: string,
      templateId: string,
      maxOutputTokens: number,
      kind: SectionAttempt['kind'],
    ) => {
      let result: StepResult;
      try {
        result = await runner({
          stage,
          step: `section-${index + 1}`,
          attempt,
          prompt,
          template: templateId,
          maxOutputTokens,
          temperature,
          onTextDelta: delta => emit({ type: 'text-delta', index, attempt, kind, delta }),
          abortSignal: request.abortSignal,
        });
      } catch (error) {
        throw new SectionWriteError({
          message: `the ${stage} call failed: ${(error as Error).message}`,
          sectionIndex: index,
          attempt,
          cause: error,
        });
      }
      usage.push(result.usage);
      if (result.fromJournal) journalHits++;
      else modelCalls++;
      if (result.text.trim() === '' || FAILURE_TEXT.test(result.text)) {
        throw new SectionWriteError({
          message: `the model returned ${result.text.trim() === '' ? 'no text' : `a failure stub ("${result.text.trim()}")`}`,
          sectionIndex: index,
          attempt,
        });
      }
      return result;
    };

    for (let index = 0; index < sections.length; index++) {
      const section = sections[index]!;
      const isLast = index === sections.length - 1;
      // Carry the running surplus or deficit into the remaining sections, proportionally.
      const remainingPlanned = sections.slice(index).reduce((n, s) => n + s.targetWords, 0);
      const remainingTarget = planFile.targetWords - wordsSoFar;
      const adjusted = faithful
        ? section.targetWords
        : Math.max(
            Math.round(section.targetWords * 0.5),
            Math.min(
              Math.round(section.targetWords * 1.5),
              Math.round((section.targetWords * remainingTarget) / remainingPlanned),
            ),
          );
      emit({
        type: 'section-start',
        index,
        count: sections.length,
        title: section.title,
        targetWords: adjusted,
      });

      const requested = !faithful && options.calibrate ? calibrator.requestFor(adjusted) : adjusted;
      const maxOutputTokens = maxTokensFor(requested, language);
      let prompt: string;
      let templateId: string;
      let contextInfo: SectionReport['context'];
      if (faithful) {
        const text = written.map(w => w.text).join('\n\n');
        prompt = prompts.faithfulWrite.render({
          instruction,
          plan: planText,
          text: text.trim(),
          step: planLines([section], unit, false).replace(/^Paragraph 1/, `Paragraph ${index + 1}`),
        });
        templateId = prompts.faithfulWrite.id;
        contextInfo = { verbatim: written.length, digested: 0, elided: 0, tokens: 0 };
      } else {
        const vars = {
          instruction,
          plan: planText,
          index: index + 1,
          count: sections.length,
          ...(section.title ? { title: section.title } : {}),
          mainPoint: section.mainPoint,
          isLast,
          languageName: LANGUAGE_NAMES[language],
          targetWords: requested,
          unit,
        };
        const skeleton = prompts.controlledWrite.render({ ...vars, text: '' });
        const budget = Math.floor(
          (options.contextWindowTokens - maxOutputTokens - countTokens(skeleton)) * 0.95,
        );
        const context = buildContext({
          policy: contextPolicy,
          sections: written,
          budgetTokens: Math.max(0, budget),
          countTokens: tokensOf,
          recentSections: options.recentSections,
        });
        prompt = prompts.controlledWrite.render({ ...vars, text: context.text });
        templateId = prompts.controlledWrite.id;
        contextInfo = {
          verbatim: context.verbatim.length,
          digested: context.digested.length,
          elided: context.elided.length,
          tokens: context.tokens,
        };
      }

      const attempts: SectionAttempt[] = [];
      const record = (attempt: SectionAttempt) => {
        attempts.push(attempt);
        emit({ type: 'section-attempt', index, attempt });
      };
      const first = await call('write', index, 0, prompt, templateId, maxOutputTokens, 'write');
      const previous = written.at(-1)?.text;
      let text = faithful
        ? cleanSection(first.text, { isLast: true }).text
        : cleanSection(first.text, { title: section.title, isLast, previous }).text;
      let count = counter(text);
      calibrator.observe(requested, counter(first.text));
      record({
        kind: 'write',
        attempt: 0,
        requested,
        before: 0,
        after: count,
        fromJournal: first.fromJournal,
        usage: first.usage,
      });

      if (!faithful) {
        for (let round = 1; round <= options.maxControlAttempts; round++) {
          const action = decideControlAction(count, adjusted, options.lengthTolerance);
          if (action.kind === 'accept') break;
          const before = count;
          if (action.kind === 'continue') {
            const more = options.calibrate ? calibrator.requestFor(action.missing) : action.missing;
            const continuePrompt = prompts.controlledContinue.render({
              instruction,
              index: index + 1,
              count: sections.length,
              title: section.title ?? `Part ${index + 1}`,
              mainPoint: section.mainPoint,
              section: text,
              isLast,
              languageName: LANGUAGE_NAMES[language],
              moreWords: more,
              unit,
            });
            const result = await call(
              'continue',
              index,
              round,
              continuePrompt,
              prompts.controlledContinue.id,
              maxTokensFor(more, language),
              'continue',
            );
            calibrator.observe(more, counter(result.text));
            // The section already has its heading; a continuation restating one loses it.
            const addition = stripLeadingHeading(
              cleanSection(result.text, { isLast, previous: text }).text,
            );
            text = addition ? `${text}\n\n${addition}` : text;
            count = counter(text);
            record({
              kind: 'continue',
              attempt: round,
              requested: more,
              before,
              after: count,
              fromJournal: result.fromJournal,
              usage: result.usage,
            });
            continue;
          }
          const trimmed = trimToLength(text, adjusted, counter);
          const trimAccepted =
            trimmed !== undefined &&
            decideControlAction(trimmed.count, adjusted, options.lengthTolerance).kind !==
              'shorten';
          if (trimmed && trimAccepted) {
            text = trimmed.text;
            count = trimmed.count;
            record({
              kind: 'trim',
              attempt: round,
              requested: adjusted,
              before,
              after: count,
              fromJournal: false,
              usage: {},
              note: `cut at a ${trimmed.boundary} boundary`,
            });
            continue;
          }
          const want = options.calibrate ? calibrator.requestFor(adjusted) : adjusted;
          const condensePrompt = prompts.controlledCondense.render({
            section: text,
            languageName: LANGUAGE_NAMES[language],
            targetWords: want,
            unit,
          });
          const result = await call(
            'condense',
            index,
            round,
            condensePrompt,
            prompts.controlledCondense.id,
            maxTokensFor(want, language),
            'condense',
          );
          calibrator.observe(want, counter(result.text));
          text = cleanSection(result.text, { title: section.title, isLast, previous }).text;
          count = counter(text);
          record({
            kind: 'condense',
            attempt: round,
            requested: want,
            before,
            after: count,
            fromJournal: result.fromJournal,
            usage: result.usage,
            note: trimmed
              ? 'a boundary cut stayed outside the tolerance'
              : 'no boundary cut helped',
          });
        }
      }

      written.push({ ...(section.title ? { title: section.title } : {}), text });
      wordsSoFar += count;
      const report: SectionReport = {
        index,
        ...(section.title ? { title: section.title } : {}),
        mainPoint: section.mainPoint,
        plannedWords: section.targetWords,
        adjustedWords: adjusted,
        actualWords: count,
        attempts,
        context: contextInfo,
      };
      reports.push(report);
      emit({ type: 'section-done', index, count: sections.length, report, text, wordsSoFar });
    }

    const document = assembleDocument(written.map(w => w.text));
    const totalWords = counter(document);
    emit({ type: 'document-done', document, totalWords, targetWords: planFile.targetWords });
    return {
      document,
      plan: planFile,
      planAdjustments,
      sections: reports,
      targetWords: planFile.targetWords,
      totalWords,
      counter: 'countWordsLongWriter',
      mode: options.mode,
      usage,
      modelCalls,
      journalHits,
    };
  }

  return { options, plan, write };
}
