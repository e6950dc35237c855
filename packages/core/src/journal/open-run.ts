import { mkdir, readFile, rename, stat } from 'node:fs/promises';
import { isAbsolute, join, normalize, resolve, sep } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { InvalidInputError, RunConfigMismatchError } from '../errors';
import type { UsageTotals } from '../usage/usage-totals';
import { canonicalJson } from './canonical-json';
import { Journal, type JournalOpenOptions } from './journal';
import { parseWithSchema } from './read-json-lines';
import { acquireRunLock } from './run-lock';
import {
  RUN_SCHEMA_VERSION,
  type RunManifest,
  type RunStatus,
  runManifestSchema,
} from './run-manifest';
import { stepKey } from './step-key';
import { stripSecrets } from './strip-secrets';
import { writeFileAtomic } from './write-file-atomic';

export const RUN_MANIFEST_FILE = 'run.json';
export const RUN_JOURNAL_FILE = 'journal.jsonl';
const RESERVED = new Set([RUN_MANIFEST_FILE, RUN_JOURNAL_FILE, 'run.lock']);

export interface OpenRunOptions {
  dir: string;
  /** The command that made the run, e.g. `agentwrite`. Resuming with another command is refused. */
  command: string;
  /** Everything that configures the run. Secrets are stripped before it is stored or hashed. */
  config: Record<string, unknown>;
  /**
   * `auto` (default): resume when `run.json` exists with the same command and config, else create.
   * `require`: resume only; a missing run is an error. `force-new`: start over; an existing run
   * folder is kept, renamed to `<dir>.replaced-<timestamp>`.
   */
  resume?: 'auto' | 'require' | 'force-new';
  journal?: JournalOpenOptions;
}

export interface Run {
  readonly dir: string;
  readonly manifest: RunManifest;
  readonly journal: Journal;
  /** Whether an existing run was reopened. */
  readonly resumed: boolean;
  /** Where a replaced run was moved to (`resume: 'force-new'`). */
  readonly replacedDir: string | undefined;
  /** Token and cost totals of the whole run, earlier sessions included. */
  readonly usage: UsageTotals;
  /** Writes `<dir>/<name>` atomically and returns its path. `name` may contain sub-folders. */
  writeOutput(name: string, text: string): Promise<string>;
  /** Reads an output back, or `undefined` when it was never written. */
  readOutput(name: string): Promise<string | undefined>;
  setStatus(status: RunStatus, options?: { error?: unknown }): Promise<void>;
  /** Flushes the journal and releases the run folder. */
  close(): Promise<void>;
}

/** Creates a run folder or resumes the one in `dir`. */
export async function openRun({
  dir: dirArg,
  command,
  config,
  resume = 'auto',
  journal: journalOptions,
}: OpenRunOptions): Promise<Run> {
  const dir = resolve(dirArg);
  const storedConfig = stripSecrets(config);
  const configHash = stepKey(storedConfig);
  const manifestPath = join(dir, RUN_MANIFEST_FILE);

  if (resume === 'require' && !(await exists(manifestPath))) {
    throw new InvalidInputError({ message: 'no run to resume here', file: manifestPath });
  }
  await mkdir(dir, { recursive: true });
  let release = await acquireRunLock(dir);
  try {
    let existing = await readManifest(manifestPath);
    if (existing === undefined && (await exists(join(dir, RUN_JOURNAL_FILE)))) {
      throw new InvalidInputError({
        message: `${RUN_JOURNAL_FILE} exists but ${RUN_MANIFEST_FILE} is missing: not a run folder longform can resume`,
        file: manifestPath,
      });
    }
    let replacedDir: string | undefined;
    if (existing && resume === 'force-new') {
      await release();
      replacedDir = `${dir}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await rename(dir, replacedDir);
      await mkdir(dir, { recursive: true });
      release = await acquireRunLock(dir);
      existing = undefined;
    } else if (existing) {
      const fields = differingFields(
        { command: existing.command, config: existing.config },
        { command, config: storedConfig },
      );
      if (fields.length > 0 || existing.configHash !== configHash) {
        throw new RunConfigMismatchError({ dir, fields: fields.length > 0 ? fields : ['config'] });
      }
    }

    const now = new Date().toISOString();
    let manifest: RunManifest;
    if (existing) {
      manifest = {
        ...existing,
        status: 'running',
        updatedAt: now,
        resumeCount: existing.resumeCount + 1,
      };
      delete manifest.error;
    } else {
      manifest = {
        schemaVersion: RUN_SCHEMA_VERSION,
        command,
        config: storedConfig,
        configHash,
        longformVersion: packageJson.version,
        status: 'running',
        createdAt: now,
        updatedAt: now,
        resumeCount: 0,
      };
    }
    await writeFileAtomic(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    const journal = await Journal.open(join(dir, RUN_JOURNAL_FILE), journalOptions);
    return new OpenedRun(dir, manifest, journal, existing !== undefined, replacedDir, release);
  } catch (error) {
    await release();
    throw error;
  }
}

class OpenedRun implements Run {
  readonly dir: string;
  readonly journal: Journal;
  readonly resumed: boolean;
  readonly replacedDir: string | undefined;
  private current: RunManifest;
  private readonly release: () => Promise<void>;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    dir: string,
    manifest: RunManifest,
    journal: Journal,
    resumed: boolean,
    replacedDir: string | undefined,
    release: () => Promise<void>,
  ) {
    this.dir = dir;
    this.current = manifest;
    this.journal = journal;
    this.resumed = resumed;
    this.replacedDir = replacedDir;
    this.release = release;
  }

  get manifest(): RunManifest {
    return this.current;
  }

  get usage(): UsageTotals {
    return this.journal.usage;
  }

  async writeOutput(name: string, text: string): Promise<string> {
    const path = this.outputPath(name);
    await writeFileAtomic(path, text);
    return path;
  }

  async readOutput(name: string): Promise<string | undefined> {
    try {
      return await readFile(this.outputPath(name), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  setStatus(status: RunStatus, { error }: { error?: unknown } = {}): Promise<void> {
    const next: RunManifest = { ...this.current, status, updatedAt: new Date().toISOString() };
    delete next.error;
    if (error !== undefined) next.error = error instanceof Error ? error.message : String(error);
    this.current = next;
    const write = this.writes.then(() =>
      writeFileAtomic(join(this.dir, RUN_MANIFEST_FILE), `${JSON.stringify(next, null, 2)}\n`),
    );
    this.writes = write.catch(() => undefined);
    return write;
  }

  async close(): Promise<void> {
    try {
      await this.writes;
      await this.journal.close();
    } finally {
      await this.release();
    }
  }

  private outputPath(name: string): string {
    const normalised = normalize(name);
    if (
      name === '' ||
      isAbsolute(name) ||
      normalised === '..' ||
      normalised.startsWith(`..${sep}`) ||
      RESERVED.has(normalised)
    ) {
      throw new InvalidInputError({
        message: `"${name}" is not a valid output name (relative, inside the run folder, not ${[...RESERVED].join('/')})`,
        field: 'name',
      });
    }
    return join(this.dir, normalised);
  }
}

async function readManifest(path: string): Promise<RunManifest | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError({
      message: `invalid JSON (${(error as Error).message})`,
      file: path,
      cause: error,
    });
  }
  return parseWithSchema(runManifestSchema, json, path);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Dotted paths whose values differ (arrays compare as a whole). */
export function differingFields(a: unknown, b: unknown, prefix = ''): string[] {
  const isObject = (value: unknown): value is Record<string, unknown> =>
    value !== null && typeof value === 'object' && !Array.isArray(value);
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap(key => differingFields(a[key], b[key], prefix ? `${prefix}.${key}` : key));
  }
  const same = a === undefined || b === undefined ? a === b : canonicalJson(a) === canonicalJson(b);
  return same ? [] : [prefix || '(root)'];
}
