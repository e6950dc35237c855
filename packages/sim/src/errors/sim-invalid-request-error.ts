import { SimError } from './sim-error';

const name = 'SimInvalidRequestError';
const marker = `longform.sim.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * A request the simulator cannot serve (bad body, unsupported prompt part). The server maps it to
 * an OpenAI-style 400 error whose `param` is `field`.
 */
export class SimInvalidRequestError extends SimError {
  private readonly [symbol] = true;

  readonly field?: string;

  constructor({ message, field, cause }: { message: string; field?: string; cause?: unknown }) {
    super({ name, message: field ? `field "${field}": ${message}` : message, cause });
    this.field = field;
  }

  static override isInstance(error: unknown): error is SimInvalidRequestError {
    return SimError.hasMarker(error, marker);
  }
}
