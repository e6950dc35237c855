import type { FilterConfig } from '../filters/filter-config';
import { formatInt, type HistogramBin, renderLengthHistogram } from './length-histogram';
import type { LengthSummary } from './length-stats';
import { renderYamlFrontMatter } from './yaml-front-matter';

export interface DatasetCardCounts {
  /** Instructions the run started from, when the caller knows it. */
  input?: number;
  /** Samples that reached the exporter. */
  generated: number;
  /** Instructions whose generation failed, by reason. */
  failedByReason: Record<string, number>;
  kept: number;
  droppedByReason: Array<{ reason: string; filter: string; count: number }>;
}

export interface DatasetCardInput {
  name: string;
  title: string;
  description?: string;
  license: string;
  licenseNotes: readonly string[];
  languages: readonly string[];
  languageCounts: Record<string, number>;
  tags: readonly string[];
  /** The data file the Hugging Face viewer should load. */
  dataFile?: string;
  counts: DatasetCardCounts;
  lengths: Record<string, LengthSummary>;
  /** One line per counter saying what it counts (reports always name their counter). */
  counterDescriptions?: Record<string, string>;
  histogram?: { counter: string; bins: readonly HistogramBin[] };
  provenance: {
    methods: Record<string, number>;
    models: Record<string, number>;
    sources: Record<string, number>;
  };
  filters: readonly FilterConfig[];
  runConfig: Readonly<Record<string, string | number | boolean>>;
  files: ReadonlyArray<{ file: string; format: string; rows: number }>;
}

/**
 * Renders `README.md` for a dataset directory: a Hugging Face YAML header, counts, length
 * statistics and histogram, configuration, files and licence notes. Pure and free of timestamps, so
 * re-exporting the same journal gives a byte-identical card.
 */
export function renderDatasetCard(input: DatasetCardInput): string {
  const { counts } = input;
  const dropped = counts.droppedByReason.reduce((sum, row) => sum + row.count, 0);
  const failed = Object.values(counts.failedByReason).reduce((sum, n) => sum + n, 0);
  const header = renderYamlFrontMatter({
    license: input.license,
    ...(input.languages.length > 0 && { language: [...input.languages] }),
    task_categories: ['text-generation'],
    tags: [...input.tags],
    size_categories: [sizeCategory(counts.kept)],
    pretty_name: input.title,
    ...(input.dataFile && {
      configs: [{ config_name: 'default', data_files: [{ split: 'train', path: input.dataFile }] }],
    }),
  });

  const sections: string[] = [`# ${escapeInline(input.title)}`];
  if (input.description) sections.push(input.description.trim());

  sections.push(
    [
      '## Counts',
      '',
      '| stage | samples |',
      '| --- | ---: |',
      ...(counts.input !== undefined
        ? [`| input instructions | ${formatInt(counts.input)} |`]
        : []),
      `| generation failed | ${formatInt(failed)} |`,
      `| generated | ${formatInt(counts.generated)} |`,
      `| dropped by filters | ${formatInt(dropped)} |`,
      `| **kept** | **${formatInt(counts.kept)}** |`,
    ].join('\n'),
  );
  if (counts.droppedByReason.length > 0) {
    sections.push(
      [
        '### Dropped by reason',
        '',
        '| reason | filter | samples |',
        '| --- | --- | ---: |',
        ...counts.droppedByReason.map(
          row => `| ${row.reason} | ${escapeCell(row.filter)} | ${formatInt(row.count)} |`,
        ),
      ].join('\n'),
    );
  }
  if (failed > 0) {
    sections.push(
      [
        '### Generation failures by reason',
        '',
        '| reason | instructions |',
        '| --- | ---: |',
        ...sortedEntries(input.counts.failedByReason).map(
          ([reason, n]) => `| ${escapeCell(reason)} | ${formatInt(n)} |`,
        ),
      ].join('\n'),
    );
  }

  const counters = Object.entries(input.lengths);
  sections.push(
    counters.length === 0
      ? '## Lengths\n\nNo samples were kept.'
      : [
          '## Lengths (kept samples)',
          '',
          'Each counter is the one its paper defines; they are never mixed.',
          '',
          '| counter | min | median | mean | p90 | max |',
          '| --- | ---: | ---: | ---: | ---: | ---: |',
          ...counters.map(
            ([counter, s]) =>
              `| ${escapeCell(counter)} | ${formatInt(s.min)} | ${formatNumber(s.median)} | ${formatNumber(s.mean)} | ${formatNumber(s.p90)} | ${formatInt(s.max)} |`,
          ),
          ...withBlankLine(
            counters.flatMap(([counter]) => {
              const description = input.counterDescriptions?.[counter];
              return description === undefined
                ? []
                : [`- \`${counter}\`: ${escapeInline(description)}`];
            }),
          ),
        ].join('\n'),
  );
  if (input.histogram && counts.kept > 0) {
    sections.push(
      `### Length histogram (${escapeInline(input.histogram.counter)})\n\n${renderLengthHistogram(input.histogram.bins)}`,
    );
  }

  const languageRows = sortedEntries(input.languageCounts);
  if (languageRows.length > 0) {
    sections.push(
      [
        '## Languages',
        '',
        '| language | samples |',
        '| --- | ---: |',
        ...languageRows.map(([language, n]) => `| ${escapeCell(language)} | ${formatInt(n)} |`),
      ].join('\n'),
    );
  }

  const configRows: Array<[string, string]> = [
    ['method', describeCounts(input.provenance.methods)],
    ['model', describeCounts(input.provenance.models)],
    ['source', describeCounts(input.provenance.sources)],
    ...Object.entries(input.runConfig).map(([key, value]): [string, string] => [
      key,
      String(value),
    ]),
  ];
  sections.push(
    [
      '## Configuration',
      '',
      '| setting | value |',
      '| --- | --- |',
      ...configRows.map(([key, value]) => `| ${escapeCell(key)} | ${escapeCell(value)} |`),
      '',
      '### Filters (applied in order; a sample is dropped by the first that rejects it)',
      '',
      ...(input.filters.length === 0
        ? ['None.']
        : input.filters.map((f, i) => `${i + 1}. ${describeFilter(f)}`)),
    ].join('\n'),
  );

  sections.push(
    [
      '## Files',
      '',
      '| file | format | rows |',
      '| --- | --- | ---: |',
      ...input.files.map(f => `| \`${f.file}\` | ${escapeCell(f.format)} | ${formatInt(f.rows)} |`),
      '',
      'Row *i* of every data file and of `metadata.jsonl` is the same sample.',
    ].join('\n'),
  );

  sections.push(
    [
      '## Licence',
      '',
      `Declared licence: \`${input.license}\`.`,
      '',
      ...input.licenseNotes.map(note => `- ${note}`),
    ].join('\n'),
  );

  return `${header}\n${sections.join('\n\n')}\n`;
}

function describeFilter(filter: FilterConfig): string {
  switch (filter.type) {
    case 'length':
      return `length (counter \`${filter.counter}\`): ${[
        filter.min !== undefined ? `min ${formatInt(filter.min)}` : '',
        filter.max !== undefined ? `max ${formatInt(filter.max)}` : '',
      ]
        .filter(Boolean)
        .join(', ')}`;
    case 'length-score':
      return `length score ≥ ${filter.min}`;
    case 'exact-dedup':
      return `exact duplicates of normalised ${filter.fields.join(' + ')}`;
    case 'near-dedup':
      return `near duplicates of ${filter.field}: MinHash (${filter.numPerm} permutations, word ${filter.shingleSize}-gram shingles, seed ${filter.seed}) with LSH, Jaccard ≥ ${filter.threshold}`;
    case 'decontamination':
      return `decontamination of ${filter.field} against ${filter.benchmarks
        .map(
          b =>
            `${escapeInline(b.name)} (${b.prompts.length} ${b.prompts.length === 1 ? 'prompt' : 'prompts'})`,
        )
        .join(', ')}: ${filter.n}-gram overlap ≥ ${filter.threshold}`;
  }
}

function withBlankLine(lines: string[]): string[] {
  return lines.length > 0 ? ['', ...lines] : [];
}

function sizeCategory(n: number): string {
  if (n < 1_000) return 'n<1K';
  if (n < 10_000) return '1K<n<10K';
  if (n < 100_000) return '10K<n<100K';
  if (n < 1_000_000) return '100K<n<1M';
  return '1M<n<10M';
}

function sortedEntries(record: Record<string, number>): Array<[string, number]> {
  return Object.entries(record).sort(
    (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
  );
}

function describeCounts(record: Record<string, number>): string {
  const entries = sortedEntries(record);
  if (entries.length === 0) return '–';
  return entries
    .map(([key, n]) => (entries.length === 1 ? key : `${key} (${formatInt(n)})`))
    .join(', ');
}

function formatNumber(value: number): string {
  return Number.isInteger(value)
    ? formatInt(value)
    : value.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

function escapeCell(text: string): string {
  return escapeInline(text).replace(/\|/g, '\\|');
}

function escapeInline(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
