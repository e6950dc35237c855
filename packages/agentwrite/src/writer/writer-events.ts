import type { TokenUsage } from '@longform/core';
import type { PlanFile } from '../plan/plan-schema';

export type AttemptKind = 'write' | 'continue' | 'trim' | 'condense';

export interface SectionAttempt {
  kind: AttemptKind;
  /** 0-based attempt index within the section. */
  attempt: number;
  /** Units asked of the model (after calibration); the cut target for `trim`. */
  requested: number;
  /** Section length before and after this attempt, in the counter's units. */
  before: number;
  after: number;
  fromJournal: boolean;
  usage: TokenUsage;
  /** Why a trim cut where it did, or why a condense was needed. */
  note?: string;
}

export interface SectionReport {
  index: number;
  title?: string;
  mainPoint: string;
  /** The plan's target. */
  plannedWords: number;
  /** The target after carrying earlier surplus or deficit forward. */
  adjustedWords: number;
  actualWords: number;
  attempts: SectionAttempt[];
  /** Context policy decisions for this section's write prompt (0-based section indexes). */
  context: { verbatim: number; digested: number; elided: number; tokens: number };
}

export type WriterEvent =
  | {
      type: 'plan-ready';
      plan: PlanFile;
      adjustments: string[];
      /** Lines of the model's plan that were not plan lines and were left out (never steps). */
      ignoredLines: string[];
      fromJournal: boolean;
    }
  | { type: 'section-start'; index: number; count: number; title?: string; targetWords: number }
  | { type: 'text-delta'; index: number; attempt: number; kind: AttemptKind; delta: string }
  | { type: 'section-attempt'; index: number; attempt: SectionAttempt }
  | {
      type: 'section-done';
      index: number;
      count: number;
      report: SectionReport;
      text: string;
      wordsSoFar: number;
    }
  | { type: 'document-done'; document: string; totalWords: number; targetWords: number };
