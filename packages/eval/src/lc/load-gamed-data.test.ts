import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GamedDataUnavailableError } from './gamed-data-unavailable-error';
import { DF_GAMED_URL, loadGamedData } from './load-gamed-data';
import { alpacaEvalLcDir } from './test-data';

const officialPath = join(alpacaEvalLcDir, 'df_gamed.csv');

describe('loadGamedData', () => {
  it('reads an explicit path without touching the network', async () => {
    const failing = async () => {
      throw new Error('network must not be used');
    };
    const data = await loadGamedData({ path: officialPath, fetch: failing as typeof fetch });
    expect(data.rows).toHaveLength(1610);
    await expect(loadGamedData({ path: join(tmpdir(), 'nope-df_gamed.csv') })).rejects.toThrow(
      /cannot read/,
    );
  });

  it('offline without a path: a clear error that asks for --gamed PATH', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'lc-cache-'));
    const offline = async () => {
      throw new TypeError('fetch failed: getaddrinfo ENOTFOUND huggingface.co');
    };
    const error = await loadGamedData({ cacheDir, fetch: offline as typeof fetch }).catch(e => e);
    expect(GamedDataUnavailableError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/--gamed PATH/);
    expect(error.message).toMatch(/ENOTFOUND/);
    expect(error.url).toBe(DF_GAMED_URL);
  });

  it('downloads once, verifies the SHA-256, caches, then reads the cache', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'lc-cache-'));
    const bytes = await readFile(officialPath);
    let calls = 0;
    const fake = async (url: string | URL | Request) => {
      calls++;
      expect(String(url)).toBe(DF_GAMED_URL);
      return new Response(bytes);
    };
    const first = await loadGamedData({ cacheDir, fetch: fake as typeof fetch });
    const second = await loadGamedData({ cacheDir, fetch: fake as typeof fetch });
    expect(calls).toBe(1);
    expect(first.rows).toEqual(second.rows);
    expect(second.source).toBe(join(cacheDir, 'alpaca_eval', 'df_gamed.csv'));
  });

  it('uses LONGFORM_CACHE_DIR and rejects a download with the wrong checksum or status', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'lc-cache-'));
    const tampered = async () => new Response('preference,index\n');
    await expect(
      loadGamedData({ env: { LONGFORM_CACHE_DIR: cacheDir }, fetch: tampered as typeof fetch }),
    ).rejects.toThrow(/SHA-256 .* expected 97aeec3f/);
    const notFound = async () => new Response('no', { status: 404, statusText: 'Not Found' });
    await expect(loadGamedData({ cacheDir, fetch: notFound as typeof fetch })).rejects.toThrow(
      /HTTP 404/,
    );
  });

  it('does not trust a corrupted cache file: it downloads again', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'lc-cache-'));
    await mkdir(join(cacheDir, 'alpaca_eval'), { recursive: true });
    await writeFile(join(cacheDir, 'alpaca_eval', 'df_gamed.csv'), 'truncated');
    const bytes = await readFile(officialPath);
    let calls = 0;
    const fake = async () => {
      calls++;
      return new Response(bytes);
    };
    expect((await loadGamedData({ cacheDir, fetch: fake as typeof fetch })).rows).toHaveLength(
      1610,
    );
    expect(calls).toBe(1);
  });
});
