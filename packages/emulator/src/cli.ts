#!/usr/bin/env node
/**
 * `las-emulator [--port N] [--host HOST] [--data DIR] [--client-id ID] [--client-secret SECRET]
 * [--tls [--cert FILE --key FILE]] [--quiet] [--api-version V]` (flags.ts): serves the LAS emulator from a terminal, prints its endpoints and credentials (as `export` lines a shell can
 * eval), and stops cleanly on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { emulatorBanner } from './banner.js';
import { EMULATOR_FLAGS, emulatorFlagsHelp, emulatorOptionsFromFlags } from './flags.js';
import { startEmulator } from './index.js';
import { EXEC_USAGE, exec } from './testing/exec.js';

const USAGE = `Usage: las-emulator [flags]

A local server that behaves like the Lucidtech AI Services API (predictions are simulated).
${emulatorFlagsHelp()}
  -h, --help     print this help

${EXEC_USAGE}`;

/** Runs the bin with `argv` (without node and script); resolves once it listens. */
async function main(argv: string[]): Promise<void> {
  if (argv[0] === 'exec') return exec(argv.slice(1));
  let values;
  let options;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        ...Object.fromEntries(EMULATOR_FLAGS.map((flag) => [flag.name, { type: flag.value === undefined ? ('boolean' as const) : ('string' as const) }])),
        help: { type: 'boolean', short: 'h' },
      },
    }));
    options = emulatorOptionsFromFlags(values);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const { quiet, ...start } = options;
  const emulator = await startEmulator({ ...start, log: quiet ? undefined : (line) => console.log(line) });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    void emulator.close().then(() => {
      console.log('LAS emulator stopped');
      process.exit(0);
    });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  // Only once the handlers are in: whoever waits for these lines may signal at once, and until then
  // a signal kills the process without closing anything.
  console.log(emulatorBanner(emulator));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`las-emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
