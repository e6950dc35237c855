import { describe, expect, it } from 'vitest';
import { makeSample } from '../testing/make-sample';
import { alpacaRecordSchema, toAlpacaRecord } from './alpaca-format';
import { DEFAULT_EXPORT_FORMATS, EXPORT_FILE_NAMES } from './export-format';
import {
  alpacaDatasetEntry,
  llamaFactoryDatasetInfoSchema,
  openAiDatasetEntry,
  shareGptDatasetEntry,
} from './llama-factory-dataset-info';
import { metadataRecordSchema, toMetadataRecord } from './metadata-format';
import { openAiRecordSchema, toOpenAiRecord } from './openai-format';
import { shareGptRecordSchema, toShareGptRecord } from './sharegpt-format';

const withSystem = makeSample('a', {
  system: 'Be concise.',
  instruction: 'Write “2000字”.',
  output: '好的。\n\n第一段',
});
const plain = makeSample('b');

/** Serialise and parse back, as a trainer reading the file would. */
const roundTrip = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('record converters', () => {
  it('OpenAI messages put the system turn first and survive a round trip', () => {
    const record = openAiRecordSchema.parse(roundTrip(toOpenAiRecord(withSystem)));
    expect(record.messages).toEqual([
      { role: 'system', content: 'Be concise.' },
      { role: 'user', content: 'Write “2000字”.' },
      { role: 'assistant', content: '好的。\n\n第一段' },
    ]);
    expect(toOpenAiRecord(plain).messages.map(m => m.role)).toEqual(['user', 'assistant']);
    expect(
      openAiRecordSchema.safeParse({ messages: [{ role: 'tool', content: 'x' }] }).success,
    ).toBe(false);
  });

  it('ShareGPT uses human/gpt/system', () => {
    const record = shareGptRecordSchema.parse(roundTrip(toShareGptRecord(withSystem)));
    expect(record.conversations.map(c => c.from)).toEqual(['system', 'human', 'gpt']);
    expect(record.conversations[2]!.value).toBe(withSystem.output);
    expect(toShareGptRecord(plain).conversations.map(c => c.from)).toEqual(['human', 'gpt']);
  });

  it('Alpaca has an empty input and an optional system', () => {
    expect(alpacaRecordSchema.strict().parse(roundTrip(toAlpacaRecord(withSystem)))).toEqual({
      instruction: withSystem.instruction,
      input: '',
      output: withSystem.output,
      system: 'Be concise.',
    });
    expect(Object.keys(toAlpacaRecord(plain))).toEqual(['instruction', 'input', 'output']);
  });

  it('metadata appends the exporter verdicts to the producer ones', () => {
    const sample = makeSample('c', {
      metadata: { filterVerdicts: [{ filter: 'check-response', kept: true }] },
    });
    const record = metadataRecordSchema.parse(
      roundTrip(toMetadataRecord(sample, [{ filter: 'length-score', kept: true }])),
    );
    expect(record.metadata.filterVerdicts!.map(v => v.filter)).toEqual([
      'check-response',
      'length-score',
    ]);
    expect(toMetadataRecord(plain, []).metadata.filterVerdicts).toBeUndefined();
  });
});

describe('LLaMA-Factory dataset_info entries', () => {
  it('validate and map the columns LLaMA-Factory expects', () => {
    const info = llamaFactoryDatasetInfoSchema.parse(
      roundTrip({
        x_alpaca: alpacaDatasetEntry('alpaca.json'),
        x_sharegpt: shareGptDatasetEntry('sharegpt.jsonl'),
        x_openai: openAiDatasetEntry('openai.jsonl'),
      }),
    );
    expect(info.x_alpaca!.columns).toEqual({
      prompt: 'instruction',
      query: 'input',
      response: 'output',
      system: 'system',
    });
    expect(info.x_sharegpt).toMatchObject({
      formatting: 'sharegpt',
      columns: { messages: 'conversations' },
    });
    expect(info.x_openai!.tags).toEqual({
      role_tag: 'role',
      content_tag: 'content',
      user_tag: 'user',
      assistant_tag: 'assistant',
      system_tag: 'system',
    });
  });

  it('every format has a distinct file name', () => {
    const names = DEFAULT_EXPORT_FORMATS.map(format => EXPORT_FILE_NAMES[format]);
    expect(new Set(names).size).toBe(names.length);
  });
});
