/**
 * Something a user should know about an LC result that does not make it wrong. Machine-readable,
 * so reports and the CLI can surface it instead of it being lost in a log.
 */
export interface LcWarning {
  code: 'misaligned-difficulty' | 'lc-far-from-win-rate';
  message: string;
}
