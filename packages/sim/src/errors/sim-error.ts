const marker = 'longform.sim.error';
const symbol = Symbol.for(marker);

/**
 * Base class of every error the simulator throws. `isInstance` checks a global symbol rather than
 * the prototype chain, so it still works when two copies of the package end up in one process.
 */
export class SimError extends Error {
  private readonly [symbol] = true;

  override readonly cause?: unknown;

  constructor({ name, message, cause }: { name: string; message: string; cause?: unknown }) {
    super(message);
    this.name = name;
    this.cause = cause;
  }

  static isInstance(error: unknown): error is SimError {
    return SimError.hasMarker(error, marker);
  }

  protected static hasMarker(error: unknown, markerName: string): boolean {
    const markerSymbol = Symbol.for(markerName);
    return (
      error != null &&
      typeof error === 'object' &&
      markerSymbol in error &&
      (error as Record<symbol, unknown>)[markerSymbol] === true
    );
  }
}
