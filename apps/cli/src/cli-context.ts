import { type ResolvedModel, resolveModel } from '@longform/core';
import type { Command } from 'commander';
import type { CliIo } from './cli-io';
import { createProgressReporter, type ProgressReporter } from './progress/progress-reporter';

export interface GlobalOptions {
  model?: string;
  baseUrl?: string;
  json: boolean;
  quiet: boolean;
}

export interface ModelChoice {
  spec: string;
  /** How the spec was chosen; shown to the user so the simulator is never used silently. */
  origin: 'flag' | 'env' | 'default-simulator';
}

/**
 * What every command gets: the global options, the outside world, and the shared ways of printing
 * results (`--json` for machines) and progress (a status line on a TTY, plain lines otherwise).
 */
export class CliContext {
  constructor(readonly io: CliIo) {}

  globals(command: Command): GlobalOptions {
    const options = command.optsWithGlobals<Partial<GlobalOptions>>();
    return {
      model: options.model,
      baseUrl: options.baseUrl,
      json: options.json === true,
      quiet: options.quiet === true,
    };
  }

  /** The model to use: `--model`, else `LONGFORM_MODEL`, else the simulator, announced as such. */
  chooseModel(globals: GlobalOptions): ModelChoice {
    if (globals.model) return { spec: globals.model, origin: 'flag' };
    const fromEnv = this.io.env.LONGFORM_MODEL;
    if (fromEnv) return { spec: fromEnv, origin: 'env' };
    return { spec: 'sim', origin: 'default-simulator' };
  }

  async resolveModel(
    globals: GlobalOptions,
  ): Promise<{ choice: ModelChoice; model: ResolvedModel }> {
    const choice = this.chooseModel(globals);
    const model = await resolveModel(choice.spec, {
      baseURL: globals.baseUrl,
      env: this.io.env,
    });
    if (choice.origin === 'default-simulator') {
      this.warn(
        'model: sim — the built-in SIMULATOR (placeholder text), because no model is configured. ' +
          'Pass --model openai:<id>, --model <id> --base-url <url>, or set LONGFORM_MODEL.',
      );
    } else if (!globals.quiet) {
      this.info(`model: ${choice.spec}${globals.baseUrl ? ` at ${globals.baseUrl}` : ''}`);
    }
    return { choice, model };
  }

  progress(globals: GlobalOptions): ProgressReporter {
    return createProgressReporter({
      stream: this.io.stderr,
      tty: this.io.stderr.isTTY === true,
      quiet: globals.quiet || (globals.json && this.io.stderr.isTTY !== true),
    });
  }

  /** Diagnostics go to stderr so stdout stays clean for documents and `--json`. */
  info(message: string): void {
    this.io.stderr.write(`${message}\n`);
  }

  warn(message: string): void {
    this.io.stderr.write(`warning: ${message}\n`);
  }

  /** Prints a command's result: JSON on `--json`, else the human rendering. */
  result(globals: GlobalOptions, data: unknown, renderText: () => string): void {
    if (globals.json) {
      this.io.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
    } else {
      const text = renderText();
      if (text) this.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    }
  }
}
