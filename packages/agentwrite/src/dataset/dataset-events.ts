import type { TokenUsage } from '@longform/core';
import type { AddResult, DatasetExportSummary } from '@longform/datasets';
import type { WriterEvent } from '../writer/writer-events';
import type { RowTarget } from './resolve-row-target';

/** Why an instruction produced no sample; counted by reason in the dataset card. */
export type DatasetFailureReason =
  | 'no-target-length'
  | 'plan-error'
  | 'section-write-error'
  | 'incomplete-response'
  | 'generation-error';

export type AgentWriteDatasetEvent =
  | {
      type: 'dataset-start';
      /** Rows in the instruction file. */
      instructions: number;
      /** Rows already in the dataset journal (a resumed run); they are skipped. */
      skipped: number;
      /** Rows to write in this session. */
      todo: number;
      runDir: string;
      resumedRun: boolean;
    }
  | {
      type: 'document-start';
      id: string;
      line: number;
      target: RowTarget;
    }
  | { type: 'writer'; id: string; event: WriterEvent }
  | {
      type: 'document-done';
      id: string;
      line: number;
      /** The exporter's verdict. */
      added: AddResult;
      /** Length in the LongWriter counter's units, and the unit the target was set in. */
      words: number;
      unit: 'words' | '字';
      target: number;
      lengthScore: number;
      usage: TokenUsage;
      modelCalls: number;
      journalHits: number;
    }
  | {
      type: 'document-failed';
      id: string;
      line: number;
      reason: DatasetFailureReason;
      message: string;
    }
  | { type: 'dataset-done'; summary: DatasetExportSummary };
