#!/usr/bin/env node
import { processIo } from './cli-io';
import { runCli } from './run-cli';

const controller = new AbortController();
let interrupts = 0;
const onSignal = () => {
  interrupts += 1;
  // The first signal lets the current step finish and the journal close; a second one is impatience.
  if (interrupts > 1) process.exit(130);
  controller.abort(new Error('interrupted'));
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

const code = await runCli(process.argv.slice(2), processIo(controller.signal));
process.exitCode = code;
