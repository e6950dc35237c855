import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { acquireLock, InvalidInputError, lengthCounters, writeFileAtomic } from '@longform/core';
import { renderDatasetCard } from '../card/dataset-card';
import { buildLengthHistogram } from '../card/length-histogram';
import { createLengthStats, type LengthSummary } from '../card/length-stats';
import { DatasetExporterStateError } from '../errors/dataset-exporter-state-error';
import { DatasetJournalError } from '../errors/dataset-journal-error';
import { createSampleFilter } from '../filters/filter-config';
import {
  createFilterPipeline,
  type FilterPipeline,
  type PipelineResult,
} from '../filters/filter-pipeline';
import { toAlpacaRecord } from '../formats/alpaca-format';
import { EXPORT_FILE_NAMES, type ExportFormat } from '../formats/export-format';
import {
  alpacaDatasetEntry,
  type LlamaFactoryDatasetInfo,
  openAiDatasetEntry,
  shareGptDatasetEntry,
} from '../formats/llama-factory-dataset-info';
import { toMetadataRecord } from '../formats/metadata-format';
import { toOpenAiRecord } from '../formats/openai-format';
import type { RejectedRecord } from '../formats/rejected-format';
import { toShareGptRecord } from '../formats/sharegpt-format';
import { type AtomicFileWriter, openAtomicFileWriter } from '../io/atomic-file-writer';
import type { FilterVerdict } from '../sample/filter-verdict';
import { parseSftSample } from '../sample/parse-sft-sample';
import type { SftSample } from '../sample/sft-sample';
import { detectLanguage } from '../text/detect-language';
import { contentHash } from '../text/hash';
import { redactSecrets } from '../text/redact-secrets';
import {
  type DatasetExporterSettings,
  parseDatasetExporterSettings,
  type ResolvedDatasetExporterSettings,
} from './dataset-exporter-settings';
import {
  cutTornTail,
  type JournalAppender,
  openJournalAppender,
  readJournal,
} from './dataset-journal';
import type { JournalRecord } from './journal-record';

export interface AddResult {
  id: string;
  /** `already-journalled`: the same sample was added before (e.g. by the run being resumed). */
  status: 'kept' | 'dropped' | 'already-journalled';
  kept: boolean;
  reason?: string;
  filter?: string;
  /** This exporter's verdicts (empty for `already-journalled`). */
  verdicts: FilterVerdict[];
}

export interface GenerationFailure {
  /** Instruction id. */
  id: string;
  /** Stable reason code, counted in the card (e.g. `plan-error`, `rate-limited`). */
  reason: string;
  /** Free text for debugging; credentials are masked before it is journalled. */
  message?: string;
}

export interface ExportProgress {
  generated: number;
  kept: number;
  dropped: number;
  failed: number;
}

export interface DatasetExportSummary {
  dir: string;
  journal: string;
  /** Written files by format, plus `card` for README.md. Paths are absolute if `dir` was. */
  files: Partial<Record<ExportFormat | 'card', string>>;
  counts: {
    input?: number;
    generated: number;
    failed: number;
    failedByReason: Record<string, number>;
    kept: number;
    dropped: number;
    droppedByReason: Array<{ reason: string; filter: string; count: number }>;
  };
  lengths: Record<string, LengthSummary>;
  languages: Record<string, number>;
  /** Fingerprint of the filter settings. */
  configHash: string;
  /** False when the journal's stored verdicts were reused (same filters), true when recomputed. */
  recomputed: boolean;
}

export interface DatasetExporter {
  readonly dir: string;
  readonly journalPath: string;
  /** Replays an existing journal (resume). Called lazily by the other methods. */
  open(): Promise<{ resumed: number; failures: number }>;
  /** Whether a sample with this id is already journalled. */
  has(id: string): Promise<boolean>;
  /** Validates, filters and journals one sample. Safe to call concurrently; order of calls is kept. */
  add(sample: SftSample | unknown): Promise<AddResult>;
  /** Journals an instruction whose generation failed, for the card's counts. */
  reportFailure(failure: GenerationFailure): Promise<void>;
  progress(): ExportProgress;
  /** Rebuilds every output from the journal (atomically) and returns the summary. */
  finish(options?: { inputCount?: number }): Promise<DatasetExportSummary>;
  /** Stops without building outputs (e.g. on Ctrl-C): flushes the journal and releases its lock. */
  close(): Promise<void>;
}

const DATA_FORMATS = ['openai', 'sharegpt', 'alpaca', 'alpaca-json', 'metadata'] as const;

const FORMAT_LABELS: Record<ExportFormat, string> = {
  openai: 'OpenAI fine-tuning JSONL (`messages`)',
  sharegpt: 'ShareGPT JSONL (`conversations`)',
  alpaca: 'Alpaca JSONL',
  'alpaca-json': 'Alpaca JSON array (LLaMA-Factory)',
  metadata: 'metadata JSONL (lengths, provenance, verdicts)',
  rejected: 'dropped samples with reasons',
  'llama-factory': 'LLaMA-Factory dataset_info.json',
};

/**
 * Streaming SFT dataset exporter shared by AgentWrite and Self-Lengthen.
 *
 * `add` runs the filters (their state is hashes and MinHash signatures only) and appends the sample
 * to an append-only journal; nothing else is held in memory. `finish` rebuilds every output from
 * the journal into temp files and renames them, so a run resumed after a crash — or a second
 * `finish` over the same journal — produces byte-identical files.
 */
export function createDatasetExporter(input: DatasetExporterSettings): DatasetExporter {
  const settings = parseDatasetExporterSettings(input);
  const journalPath = settings.journal ?? join(settings.dir, '.longform', 'dataset-journal.jsonl');
  const configHash = contentHash(JSON.stringify({ v: 1, filters: settings.filters }));
  const pipeline = newPipeline(settings);

  // Per journalled id: content hash (to tell a resumed re-add from a conflicting one) and outcome.
  const known = new Map<
    string,
    { hash: string; kept: boolean; reason?: string; filter?: string }
  >();
  const failedIds = new Set<string>();
  const counters = { generated: 0, kept: 0, dropped: 0 };
  let state: 'new' | 'open' | 'finishing' | 'finished' | 'closed' | 'broken' = 'new';
  let releaseLock: (() => Promise<void>) | undefined;
  let brokenBy: unknown;
  let opening: Promise<{ resumed: number; failures: number }> | undefined;
  let appender: JournalAppender | undefined;
  let staleVerdicts = false;

  const assertUsable = (action: string) => {
    if (state === 'finishing' || state === 'finished' || state === 'closed') {
      throw new DatasetExporterStateError({
        message: `cannot ${action}: the exporter for ${settings.dir} has ${state === 'closed' ? 'been closed' : 'finished'}`,
      });
    }
    if (state === 'broken') {
      throw new DatasetExporterStateError({
        message: `cannot ${action}: an earlier journal write failed (${(brokenBy as Error)?.message})`,
        cause: brokenBy,
      });
    }
  };

  const open = () => {
    opening ??= (async () => {
      await mkdir(dirname(journalPath), { recursive: true });
      // Two writers would interleave journal lines and diverge in filter state.
      releaseLock = await acquireLock(`${journalPath}.lock`);
      try {
        return await replay();
      } catch (error) {
        await releaseLock();
        throw error;
      }
    })();
    return opening;
  };

  const replay = async () => {
    let torn: number | undefined;
    let resumed = 0;
    for await (const entry of readJournal(journalPath, {
      onTorn: end => {
        torn = end;
      },
    })) {
      if (entry.type === 'failure') {
        if (!known.has(entry.record.id)) failedIds.add(entry.record.id);
        continue;
      }
      if (entry.record.config !== configHash) staleVerdicts = true;
      const hash = sampleHash(entry.sample);
      const previous = known.get(entry.sample.id);
      if (previous) {
        if (previous.hash !== hash) {
          throw new DatasetJournalError({
            message: `sample id "${entry.sample.id}" appears twice with different content`,
            file: journalPath,
            line: entry.line,
          });
        }
        continue;
      }
      const result = evaluate(pipeline, entry.sample, journalPath, entry.line);
      remember(entry.sample.id, hash, result);
      resumed++;
    }
    if (torn !== undefined) await cutTornTail(journalPath, torn);
    appender = await openJournalAppender(journalPath);
    if (state === 'new') state = 'open';
    return { resumed, failures: failedIds.size };
  };

  const remember = (id: string, hash: string, result: PipelineResult) => {
    known.set(id, { hash, kept: result.kept, reason: result.reason, filter: result.filter });
    failedIds.delete(id);
    counters.generated++;
    if (result.kept) counters.kept++;
    else counters.dropped++;
  };

  const append = async (record: JournalRecord | string) => {
    try {
      await appender!.append(`${typeof record === 'string' ? record : JSON.stringify(record)}\n`);
    } catch (error) {
      state = 'broken';
      brokenBy = error;
      throw error;
    }
  };

  return {
    dir: settings.dir,
    journalPath,
    open,

    async has(id) {
      await open();
      return known.has(id);
    },

    async add(value) {
      assertUsable('add a sample');
      const sample = parseSftSample(value);
      await open();
      assertUsable('add a sample');
      const json = JSON.stringify(sample);
      const hash = contentHash(json);
      const previous = known.get(sample.id);
      if (previous) {
        if (previous.hash !== hash) {
          throw new InvalidInputError({
            message: `sample id "${sample.id}" is already journalled with different content`,
            field: 'id',
          });
        }
        return {
          id: sample.id,
          status: 'already-journalled',
          kept: previous.kept,
          ...(previous.reason !== undefined && {
            reason: previous.reason,
            filter: previous.filter,
          }),
          verdicts: [],
        };
      }
      // Filters run synchronously here, so their state follows the order of `add` calls, which is
      // also the order of journal lines: replaying the journal reproduces the same verdicts.
      const result = evaluate(pipeline, sample);
      remember(sample.id, hash, result);
      // Same shape as a `JournalRecord`, spliced by hand so the sample is serialised only once.
      await append(
        `{"v":1,"type":"sample","config":${JSON.stringify(configHash)},"sample":${json},"verdicts":${JSON.stringify(result.verdicts)}}`,
      );
      return {
        id: sample.id,
        status: result.kept ? 'kept' : 'dropped',
        kept: result.kept,
        ...(result.reason !== undefined && { reason: result.reason, filter: result.filter }),
        verdicts: result.verdicts,
      };
    },

    async reportFailure(failure) {
      assertUsable('report a failure');
      if (!failure.id || !failure.reason) {
        throw new InvalidInputError({
          message: 'a failure needs an id and a reason',
          field: failure.id ? 'reason' : 'id',
        });
      }
      await open();
      assertUsable('report a failure');
      if (known.has(failure.id)) return;
      failedIds.add(failure.id);
      await append({
        v: 1,
        type: 'failure',
        id: failure.id,
        reason: failure.reason,
        ...(failure.message !== undefined && { message: redactSecrets(failure.message) }),
      });
    },

    progress() {
      return { ...counters, failed: failedIds.size };
    },

    async finish(options = {}) {
      assertUsable('finish');
      await open();
      assertUsable('finish');
      state = 'finishing';
      try {
        await appender!.close();
        // Stored verdicts are only as good as the filters that made them: reuse them when every line
        // was judged by the current filters, otherwise judge the whole journal again in order.
        const summary = await rebuild(
          settings,
          journalPath,
          configHash,
          staleVerdicts,
          options.inputCount,
        );
        state = 'finished';
        return summary;
      } catch (error) {
        state = 'broken';
        brokenBy = error;
        throw error;
      } finally {
        await releaseLock?.();
      }
    },

    async close() {
      if (state === 'finished' || state === 'closed' || state === 'finishing') return;
      if (opening) await opening.catch(() => {});
      state = 'closed';
      await appender?.close();
      await releaseLock?.();
    },
  };
}

function newPipeline(settings: ResolvedDatasetExporterSettings): FilterPipeline {
  return createFilterPipeline(settings.filters.map(createSampleFilter));
}

function sampleHash(sample: SftSample): string {
  return contentHash(JSON.stringify(sample));
}

function evaluate(
  pipeline: FilterPipeline,
  sample: SftSample,
  file?: string,
  line?: number,
): PipelineResult {
  try {
    return pipeline.evaluate(sample);
  } catch (error) {
    if (file !== undefined && InvalidInputError.isInstance(error)) {
      throw new InvalidInputError({ message: error.message, file, line, cause: error });
    }
    throw error;
  }
}

async function rebuild(
  settings: ResolvedDatasetExporterSettings,
  journalPath: string,
  configHash: string,
  recompute: boolean,
  inputCount: number | undefined,
): Promise<DatasetExportSummary> {
  const pipeline = recompute ? newPipeline(settings) : undefined;

  const formats = new Set(settings.formats);
  const path = (format: ExportFormat) => join(settings.dir, EXPORT_FILE_NAMES[format]);
  const writers = new Map<ExportFormat, AtomicFileWriter>();
  const rows = new Map<ExportFormat, number>();
  const stats = createLengthStats();
  const failures = new Map<string, string>();
  const seen = new Set<string>();
  const dropped = new Map<string, { reason: string; filter: string; count: number }>();
  const languages: Record<string, number> = {};
  const provenance = {
    methods: {} as Record<string, number>,
    models: {} as Record<string, number>,
    sources: {} as Record<string, number>,
  };
  let generated = 0;
  let kept = 0;

  try {
    for (const format of [...DATA_FORMATS, 'rejected' as const]) {
      if (formats.has(format)) {
        writers.set(format, await openAtomicFileWriter(path(format)));
        rows.set(format, 0);
      }
    }
    const write = async (format: ExportFormat, text: string) => {
      const writer = writers.get(format);
      if (!writer) return;
      const count = rows.get(format)!;
      rows.set(format, count + 1);
      if (format === 'alpaca-json') await writer.write(`${count === 0 ? '[\n' : ',\n'}${text}`);
      else await writer.write(`${text}\n`);
    };

    for await (const entry of readJournal(journalPath)) {
      if (entry.type === 'failure') {
        failures.set(entry.record.id, entry.record.reason);
        continue;
      }
      const { sample } = entry;
      if (seen.has(sample.id)) continue;
      seen.add(sample.id);
      generated++;
      const verdicts = pipeline
        ? evaluate(pipeline, sample, journalPath, entry.line).verdicts
        : entry.record.verdicts;
      const drop = verdicts.find(verdict => !verdict.kept);
      if (drop) {
        const reason = drop.reason ?? 'dropped';
        const key = `${reason}\u0000${drop.filter}`;
        const row = dropped.get(key) ?? { reason, filter: drop.filter, count: 0 };
        row.count++;
        dropped.set(key, row);
        const rejected: RejectedRecord = { id: sample.id, reason, filter: drop.filter, verdicts };
        await write('rejected', JSON.stringify(rejected));
        continue;
      }
      kept++;
      stats.add(sample.metadata.lengths);
      increment(languages, detectLanguage(sample.output));
      increment(provenance.methods, sample.metadata.method);
      increment(provenance.models, sample.metadata.model);
      increment(provenance.sources, sample.metadata.source);
      await write('openai', JSON.stringify(toOpenAiRecord(sample)));
      await write('sharegpt', JSON.stringify(toShareGptRecord(sample)));
      const alpaca =
        formats.has('alpaca') || formats.has('alpaca-json')
          ? JSON.stringify(toAlpacaRecord(sample))
          : '';
      await write('alpaca', alpaca);
      await write('alpaca-json', alpaca);
      await write('metadata', JSON.stringify(toMetadataRecord(sample, verdicts)));
    }
    const alpacaJson = writers.get('alpaca-json');
    if (alpacaJson) await alpacaJson.write(rows.get('alpaca-json') === 0 ? '[]\n' : '\n]\n');
    for (const writer of writers.values()) await writer.commit();
  } catch (error) {
    for (const writer of writers.values()) await writer.abort();
    throw error;
  }

  for (const id of seen) failures.delete(id);
  const failedByReason: Record<string, number> = {};
  for (const reason of failures.values()) increment(failedByReason, reason);
  const droppedByReason = [...dropped.values()].sort(
    (a, b) => b.count - a.count || compare(a.reason, b.reason) || compare(a.filter, b.filter),
  );
  const lengths = stats.summary();

  const files: DatasetExportSummary['files'] = {};
  for (const format of writers.keys()) files[format] = path(format);

  if (formats.has('llama-factory')) {
    const info: LlamaFactoryDatasetInfo = {};
    if (formats.has('alpaca-json'))
      info[`${settings.name}_alpaca`] = alpacaDatasetEntry(EXPORT_FILE_NAMES['alpaca-json']);
    else if (formats.has('alpaca'))
      info[`${settings.name}_alpaca`] = alpacaDatasetEntry(EXPORT_FILE_NAMES.alpaca);
    if (formats.has('sharegpt'))
      info[`${settings.name}_sharegpt`] = shareGptDatasetEntry(EXPORT_FILE_NAMES.sharegpt);
    if (formats.has('openai'))
      info[`${settings.name}_openai`] = openAiDatasetEntry(EXPORT_FILE_NAMES.openai);
    await writeFileAtomic(path('llama-factory'), `${JSON.stringify(info, null, 2)}\n`);
    files['llama-factory'] = path('llama-factory');
  }

  const counts: DatasetExportSummary['counts'] = {
    ...(inputCount !== undefined && { input: inputCount }),
    generated,
    failed: failures.size,
    failedByReason,
    kept,
    dropped: generated - kept,
    droppedByReason,
  };

  if (settings.card !== false) {
    const card = settings.card;
    const histogramCounter =
      settings.histogram.counter ??
      settings.filters.find(filter => filter.type === 'length')?.counter ??
      Object.keys(lengths)[0];
    const detected = Object.keys(languages)
      .filter(language => language !== 'other')
      .sort();
    const cardFiles = [...writers.keys()].map(format => ({
      file: EXPORT_FILE_NAMES[format],
      format: FORMAT_LABELS[format],
      rows: rows.get(format) ?? 0,
    }));
    const text = renderDatasetCard({
      name: settings.name,
      title: card.title ?? settings.name,
      description: card.description,
      license: card.license,
      licenseNotes: [...defaultLicenseNotes(settings), ...card.licenseNotes],
      languages: card.languages ?? detected,
      languageCounts: languages,
      tags: [
        ...new Set([
          'longform',
          'long-form-generation',
          'sft',
          ...Object.keys(provenance.methods).sort(),
          ...card.tags,
        ]),
      ],
      dataFile: (['openai', 'sharegpt', 'alpaca', 'alpaca-json'] as const)
        .filter(format => formats.has(format))
        .map(format => EXPORT_FILE_NAMES[format])[0],
      counts: { input: inputCount, generated, failedByReason, kept, droppedByReason },
      lengths,
      counterDescriptions: Object.fromEntries(
        Object.keys(lengths).flatMap(name =>
          name in lengthCounters
            ? [[name, lengthCounters[name as keyof typeof lengthCounters].description]]
            : [],
        ),
      ),
      ...(histogramCounter !== undefined && {
        histogram: {
          counter: histogramCounter,
          bins: buildLengthHistogram(stats.values(histogramCounter), settings.histogram.edges),
        },
      }),
      provenance,
      filters: settings.filters,
      runConfig: Object.fromEntries(
        Object.entries(settings.runConfig).map(([key, value]) => [
          key,
          typeof value === 'string' ? redactSecrets(value) : value,
        ]),
      ),
      files: cardFiles,
    });
    files.card = join(settings.dir, 'README.md');
    await writeFileAtomic(files.card, text);
  }

  return {
    dir: settings.dir,
    journal: journalPath,
    files,
    counts,
    lengths,
    languages,
    configHash,
    recomputed: recompute,
  };
}

function defaultLicenseNotes(settings: ResolvedDatasetExporterSettings): string[] {
  const notes = [
    'Outputs were generated by the model(s) listed under Configuration: check each provider’s terms before redistributing them or training on them.',
    'Instructions come from the source(s) listed under Configuration; their own licences apply.',
  ];
  const benchmarks = settings.filters.flatMap(filter =>
    filter.type === 'decontamination' ? filter.benchmarks.map(benchmark => benchmark.name) : [],
  );
  if (benchmarks.length > 0) {
    notes.push(
      `Decontaminated against ${[...new Set(benchmarks)].join(', ')}; no benchmark prompt is included.`,
    );
  }
  return notes;
}

function increment(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
