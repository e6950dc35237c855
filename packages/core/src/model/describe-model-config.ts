import { listSimModelIds } from '@longform/sim';
import { ACCEPTED_MODEL_SPECS } from '../errors';
import { redactURL } from './resolve-model';

export type SetOrNot = 'set' | 'not set';

export interface ModelConfigDescription {
  baseURL?: { value: string; source: 'LONGFORM_BASE_URL' | 'OPENAI_BASE_URL' };
  keys: { OPENAI_API_KEY: SetOrNot; LONGFORM_API_KEY: SetOrNot };
  providers: Array<{ prefix: string; ready: boolean; note: string }>;
  simModels: string[];
  acceptedForms: readonly string[];
}

/**
 * What model configuration the environment holds, for `longform models`. Keys are only reported
 * as "set" / "not set", and credentials embedded in a base URL are removed.
 */
export function describeModelConfig(
  env: Record<string, string | undefined> = process.env,
): ModelConfigDescription {
  const setOrNot = (name: string): SetOrNot => (env[name]?.trim() ? 'set' : 'not set');
  const baseSource = env.LONGFORM_BASE_URL?.trim()
    ? ('LONGFORM_BASE_URL' as const)
    : env.OPENAI_BASE_URL?.trim()
      ? ('OPENAI_BASE_URL' as const)
      : undefined;
  const baseURL = baseSource
    ? { value: redactURL(env[baseSource]!.trim()), source: baseSource }
    : undefined;
  const keys = {
    OPENAI_API_KEY: setOrNot('OPENAI_API_KEY'),
    LONGFORM_API_KEY: setOrNot('LONGFORM_API_KEY'),
  };
  return {
    ...(baseURL ? { baseURL } : {}),
    keys,
    providers: [
      { prefix: 'sim', ready: true, note: 'in-process simulator, no network' },
      {
        prefix: 'openai',
        ready: keys.OPENAI_API_KEY === 'set',
        note:
          keys.OPENAI_API_KEY === 'set'
            ? `chat completions at ${baseURL?.value ?? 'https://api.openai.com/v1'}`
            : 'needs OPENAI_API_KEY',
      },
      {
        prefix: 'openai-compatible',
        ready: baseURL !== undefined,
        note: baseURL
          ? `${baseURL.value} (key ${keys.LONGFORM_API_KEY === 'set' ? 'LONGFORM_API_KEY' : keys.OPENAI_API_KEY === 'set' ? 'OPENAI_API_KEY' : 'none'})`
          : 'needs --base-url or LONGFORM_BASE_URL',
      },
    ],
    simModels: listSimModelIds(),
    acceptedForms: ACCEPTED_MODEL_SPECS,
  };
}

/** Plain-text rendering of `describeModelConfig` for a terminal. */
export function formatModelConfig(description: ModelConfigDescription): string {
  const lines = [
    `base URL: ${description.baseURL ? `${description.baseURL.value} (from ${description.baseURL.source})` : 'not set'}`,
    `OPENAI_API_KEY: ${description.keys.OPENAI_API_KEY}`,
    `LONGFORM_API_KEY: ${description.keys.LONGFORM_API_KEY}`,
    '',
    'providers:',
    ...description.providers.map(
      provider => `  ${provider.ready ? '✓' : '✗'} ${provider.prefix}: ${provider.note}`,
    ),
    '',
    `simulator models: ${description.simModels.join(', ')}`,
    '',
    'model forms:',
    ...description.acceptedForms.map(form => `  ${form}`),
  ];
  return lines.join('\n');
}
