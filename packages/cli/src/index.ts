#!/usr/bin/env node
/**
 * The `las` bin. Ctrl+C or SIGTERM aborts the run's signal: a long job says it is stopping, stops
 * taking work, reports what it finished and exits 130; a command that is not listening ends at
 * once with 130, as does a second Ctrl+C.
 */
import { getEventListeners } from 'node:events';
import { InterruptedError } from './errors.js';
import { run } from './run.js';

const controller = new AbortController();
let interrupts = 0;
const interrupt = (name: string) => {
  interrupts++;
  // The SDK's requests follow the signal through AbortSignal.any, which adds no listener: a job
  // that handles the interrupt listens itself (cli/jobs/interrupt.ts) and says what it does.
  if (interrupts > 1 || getEventListeners(controller.signal, 'abort').length === 0) process.exit(130);
  controller.abort(new InterruptedError(name));
};
process.on('SIGINT', () => interrupt('SIGINT'));
process.on('SIGTERM', () => interrupt('SIGTERM'));
// `las ... | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const code = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  signal: controller.signal,
});
// Written output is flushed before exiting: idle keep-alive connections must not hold the process open.
await new Promise((resolve) => process.stdout.write('', resolve));
await new Promise((resolve) => process.stderr.write('', resolve));
process.exit(code);
