import { LongformError } from './longform-error';

const name = 'LongformInvalidModelSpecError';
const marker = `longform.error.${name}`;
const symbol = Symbol.for(marker);

export const ACCEPTED_MODEL_SPECS = [
  'sim',
  'sim:<profile> (compliant, under, over, capped, noisy)',
  'openai:<model-id>',
  'openai-compatible:<model-id> (alias compat:<model-id>; needs a base URL)',
  '<model-id> when a base URL is set (--base-url, LONGFORM_BASE_URL or OPENAI_BASE_URL)',
] as const;

/** A model spec that longform cannot resolve. The message lists the accepted forms. */
export class InvalidModelSpecError extends LongformError {
  private readonly [symbol] = true;

  readonly spec: string;
  readonly reason: string;

  constructor({ spec, reason }: { spec: string; reason: string }) {
    super({
      name,
      message: `invalid model "${spec}": ${reason}. Accepted forms: ${ACCEPTED_MODEL_SPECS.join('; ')}.`,
    });
    this.spec = spec;
    this.reason = reason;
  }

  static override isInstance(error: unknown): error is InvalidModelSpecError {
    return LongformError.hasMarker(error, marker);
  }
}
