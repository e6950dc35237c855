import { InvalidInputError, LongformError } from '@longform/core';
import { describe, expect, it } from 'vitest';
import { DatasetExporterStateError } from './dataset-exporter-state-error';
import { DatasetJournalError } from './dataset-journal-error';

describe('dataset errors', () => {
  it('have stable names, typed fields and marker-based isInstance', () => {
    const journal = new DatasetJournalError({ message: 'not JSON', file: 'j.jsonl', line: 4 });
    expect(journal.name).toBe('LongformDatasetJournalError');
    expect(journal.message).toBe('j.jsonl, line 4: not JSON');
    expect(journal.line).toBe(4);
    expect(DatasetJournalError.isInstance(journal)).toBe(true);
    expect(LongformError.isInstance(journal)).toBe(true);
    expect(DatasetJournalError.isInstance(new InvalidInputError({ message: 'x' }))).toBe(false);

    const state = new DatasetExporterStateError({ message: 'finished' });
    expect(state.name).toBe('LongformDatasetExporterStateError');
    expect(DatasetExporterStateError.isInstance(state)).toBe(true);
    expect(DatasetExporterStateError.isInstance(journal)).toBe(false);
  });
});
