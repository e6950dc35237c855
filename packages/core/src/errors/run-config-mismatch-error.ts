import { LongformError } from './longform-error';

const name = 'LongformRunConfigMismatchError';
const marker = `longform.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * A run folder already holds a run made with a different configuration. Resuming it would mix
 * results of two configurations in one journal, so the caller must choose: fix the config, pick
 * another folder, or start over with `resume: 'force-new'`.
 */
export class RunConfigMismatchError extends LongformError {
  private readonly [symbol] = true;

  readonly dir: string;
  readonly fields: string[];

  constructor({ dir, fields, cause }: { dir: string; fields: string[]; cause?: unknown }) {
    const shown =
      fields.length > 10 ? [...fields.slice(0, 10), `… ${fields.length - 10} more`] : fields;
    super({
      name,
      message:
        `${dir}: the run was started with a different configuration (differs in: ${shown.join(', ')}). ` +
        `Use the same configuration to resume, another run folder, or resume: 'force-new' to start over.`,
      cause,
    });
    this.dir = dir;
    this.fields = fields;
  }

  static override isInstance(error: unknown): error is RunConfigMismatchError {
    return LongformError.hasMarker(error, marker);
  }
}
