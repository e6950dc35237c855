import type { TokenUsage } from '@longform/core';
import type { z } from 'zod';

export type WriterStage = 'plan' | 'write' | 'continue' | 'condense';

export interface StepRequest {
  stage: WriterStage;
  /** Stable id of the step within the run, e.g. `section-3`. */
  step: string;
  /** 0-based attempt index within the step (length-control rounds, plan retries). */
  attempt: number;
  prompt: string;
  /** Template name and version: part of the resume key, so a changed template never replays. */
  template: string;
  maxOutputTokens: number;
  temperature: number;
  /** Ask for structured output with this schema instead of text. */
  schema?: z.ZodType;
  onTextDelta?: (delta: string) => void;
  abortSignal?: AbortSignal;
}

export interface StepResult {
  text: string;
  object?: unknown;
  usage: TokenUsage;
  finishReason: string;
  /** Replayed from the run journal instead of calling the model. */
  fromJournal: boolean;
}

/**
 * One model call of the writer. The writer never talks to a model directly, so the same loop runs
 * journaled and resumable inside a run (`createRunStepRunner`) or straight against a model.
 */
export type StepRunner = (request: StepRequest) => Promise<StepResult>;
