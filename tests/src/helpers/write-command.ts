export type SimProfile = 'compliant' | 'under' | 'over' | 'capped' | 'noisy';

export const SIM_PROFILES: readonly SimProfile[] = [
  'compliant',
  'under',
  'over',
  'capped',
  'noisy',
];

/**
 * Arguments for `longform write` through the OpenAI-compatible provider against a simulator server:
 * the real HTTP code path a user's local server would take.
 */
export function writeArgs(options: {
  url: string;
  profile: SimProfile;
  instruction?: string;
  out: string;
  runDir: string;
  extra?: string[];
}): string[] {
  return [
    '--model',
    `openai-compatible:sim:${options.profile}`,
    '--base-url',
    options.url,
    'write',
    ...(options.instruction !== undefined ? [options.instruction] : []),
    '--out',
    options.out,
    '--run-dir',
    options.runDir,
    ...(options.extra ?? []),
  ];
}
