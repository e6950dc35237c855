import { SimError } from './sim-error';

const name = 'SimUnknownModelError';
const marker = `longform.sim.error.${name}`;
const symbol = Symbol.for(marker);

/** A model id that is neither `sim` nor `sim:<profile>` (optionally with an `@q=<0..1>` suffix). */
export class SimUnknownModelError extends SimError {
  private readonly [symbol] = true;

  readonly modelId: string;

  constructor({ modelId, message }: { modelId: string; message?: string }) {
    super({
      name,
      message:
        message ??
        `The model '${modelId}' does not exist. Use 'sim' or 'sim:<profile>' (compliant, under, over, capped, noisy), optionally with '@q=<0..1>'.`,
    });
    this.modelId = modelId;
  }

  static override isInstance(error: unknown): error is SimUnknownModelError {
    return SimError.hasMarker(error, marker);
  }
}
