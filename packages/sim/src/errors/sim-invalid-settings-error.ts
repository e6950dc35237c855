import { SimError } from './sim-error';

const name = 'SimInvalidSettingsError';
const marker = `longform.sim.error.${name}`;
const symbol = Symbol.for(marker);

/** Simulator or server settings that fail validation. The message names the offending field. */
export class SimInvalidSettingsError extends SimError {
  private readonly [symbol] = true;

  readonly field?: string;

  constructor({ message, field, cause }: { message: string; field?: string; cause?: unknown }) {
    super({ name, message: field ? `field "${field}": ${message}` : message, cause });
    this.field = field;
  }

  static override isInstance(error: unknown): error is SimInvalidSettingsError {
    return SimError.hasMarker(error, marker);
  }
}
