import { LongformError } from './longform-error';

const name = 'LongformMissingApiKeyError';
const marker = `longform.error.${name}`;
const symbol = Symbol.for(marker);

/** A provider needs an API key and none was given. The message names the variable to set. */
export class MissingApiKeyError extends LongformError {
  private readonly [symbol] = true;

  readonly variable: string;
  readonly provider: string;

  constructor({ variable, provider }: { variable: string; provider: string }) {
    super({
      name,
      message: `${provider} needs an API key: set the ${variable} environment variable (or pass apiKey).`,
    });
    this.variable = variable;
    this.provider = provider;
  }

  static override isInstance(error: unknown): error is MissingApiKeyError {
    return LongformError.hasMarker(error, marker);
  }
}
