import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { InvalidInputError, writeFileAtomic } from '@longform/core';
import { type GamedData, parseGamedData } from './gamed-data';
import { GamedDataUnavailableError } from './gamed-data-unavailable-error';

/** SHA-256 of `df_gamed.csv` at Hugging Face dataset revision 2edc6fad (alpaca-eval-lc/README.md). */
export const DF_GAMED_SHA256 = '97aeec3f1c7de6dee6fd31fe66f1702623f4614c3efe1c6fc5f4927cd5fd674d';

export const DF_GAMED_URL =
  'https://huggingface.co/datasets/tatsu-lab/alpaca_eval/resolve/main/df_gamed.csv';

export interface LoadGamedDataOptions {
  /** A local `df_gamed.csv`; when set, nothing is downloaded or cached. */
  path?: string;
  /** Cache directory; default `LONGFORM_CACHE_DIR` or `~/.cache/longform`. */
  cacheDir?: string;
  /** Injected for tests; defaults to the global `fetch`. */
  fetch?: typeof globalThis.fetch;
  url?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Loads AlpacaEval's gamed-baseline rows. Upstream downloads them on every call; here they come
 * from `path`, else from the cache, else are downloaded once, verified against the pinned SHA-256
 * and cached atomically. Offline without a path is a clear error asking for `--gamed PATH`.
 */
export async function loadGamedData(options: LoadGamedDataOptions = {}): Promise<GamedData> {
  if (options.path) {
    let text: string;
    try {
      text = await readFile(options.path, 'utf8');
    } catch (cause) {
      throw new InvalidInputError({
        message: `cannot read (${(cause as Error).message})`,
        file: options.path,
        cause,
      });
    }
    return parseGamedData(text, { file: options.path });
  }
  const env = options.env ?? process.env;
  const cacheDir =
    options.cacheDir ?? env.LONGFORM_CACHE_DIR ?? join(homedir(), '.cache', 'longform');
  const cached = join(cacheDir, 'alpaca_eval', 'df_gamed.csv');
  const existing = await readFile(cached).catch(() => undefined);
  if (existing && sha256(existing) === DF_GAMED_SHA256) {
    return parseGamedData(existing.toString('utf8'), { file: cached });
  }

  const url = options.url ?? DF_GAMED_URL;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const hint =
    'pass the file with --gamed PATH (the gamedPath option); it is df_gamed.csv of the Hugging Face dataset tatsu-lab/alpaca_eval';
  let body: Buffer;
  try {
    const response = await fetchImpl(url);
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
    body = Buffer.from(await response.arrayBuffer());
  } catch (cause) {
    throw new GamedDataUnavailableError({
      message: `could not download AlpacaEval's df_gamed.csv from ${url} (${(cause as Error).message}); ${hint}`,
      url,
      cause,
    });
  }
  const digest = sha256(body);
  if (digest !== DF_GAMED_SHA256) {
    throw new GamedDataUnavailableError({
      message: `downloaded df_gamed.csv has SHA-256 ${digest}, expected ${DF_GAMED_SHA256}; ${hint}`,
      url,
    });
  }
  await writeFileAtomic(cached, body);
  return parseGamedData(body.toString('utf8'), { file: cached });
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
