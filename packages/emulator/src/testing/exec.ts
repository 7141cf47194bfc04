/**
 * `las-emulator exec [--seed FILE.json] [--api-version V] [--port N] -- COMMAND...`: runs COMMAND
 * against a fresh test emulator, with the `LAS_*` variables set, and exits with its exit code.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { constants } from 'node:os';
import { describeError } from 'las-sdk/errors';
import type { SeedSpec } from './seed.js';
import { testEmulator } from './test-emulator.js';
import { DEFAULT_API_VERSION } from './api-version.js';
import { SERVED_API_VERSIONS } from '../flags.js';

/** The usage of `las-emulator exec`. */
export const EXEC_USAGE = `Usage: las-emulator exec [--seed FILE.json] [--api-version V] [--port N] -- COMMAND [ARG...]

Starts an emulator in memory, runs COMMAND with LAS_CLIENT_ID, LAS_CLIENT_SECRET, LAS_AUTH_ENDPOINT
and LAS_API_ENDPOINT (and LAS_API_VERSION with --api-version) set to it, stops it once COMMAND
ends, and exits with COMMAND's exit code. Signals are passed on to COMMAND.
  --seed FILE.json   what to create first, as testEmulator({ seed }) takes it; a document's content
                     is a file path (relative to FILE.json) or { "base64": "..." }
  --api-version V    the API version to serve: ${SERVED_API_VERSIONS.join(' | ')} (default ${DEFAULT_API_VERSION})
  --port N           port to listen on (default: a free one)`;

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Runs `las-emulator exec` with `argv` (after `exec`); never returns: the process exits with COMMAND's code. */
export async function exec(argv: string[]): Promise<never> {
  const split = argv.indexOf('--');
  const command = split < 0 ? [] : argv.slice(split + 1);
  let values;
  try {
    ({ values } = parseArgs({
      args: split < 0 ? argv : argv.slice(0, split),
      options: { seed: { type: 'string' }, 'api-version': { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    return usageError(describeError(error));
  }
  if (values.help) {
    console.log(EXEC_USAGE);
    process.exit(0);
  }
  if (command.length === 0) return usageError('give the command after --');
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usageError(`--port must be a port number, got ${JSON.stringify(values.port)}`);
  let emu;
  try {
    const seed = values.seed === undefined ? undefined : readSeed(values.seed);
    emu = await testEmulator({ apiVersion: values['api-version'], seed, port });
  } catch (error) {
    console.error(`las-emulator exec: ${describeError(error)}`);
    process.exit(1);
  }
  const env = {
    ...process.env,
    LAS_CLIENT_ID: emu.credentials.clientId,
    LAS_CLIENT_SECRET: emu.credentials.clientSecret,
    LAS_AUTH_ENDPOINT: emu.url,
    LAS_API_ENDPOINT: emu.apiEndpoint,
    ...(values['api-version'] !== undefined && { LAS_API_VERSION: emu.apiVersion }),
  };
  const child = spawn(command[0], command.slice(1), { stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of FORWARDED) process.on(signal, forward);
  const code = await new Promise<number>((resolve) => {
    child.once('error', (error) => {
      console.error(`las-emulator exec: could not run ${command[0]}: ${error.message}`);
      resolve(127);
    });
    // A command ended by a signal exits as a shell reports it: 128 + the signal's number.
    child.once('exit', (exitCode, signal) => resolve(exitCode ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0)));
  });
  for (const signal of FORWARDED) process.off(signal, forward);
  await emu.close();
  process.exit(code);
}

// Document content given as a path reads relative to the seed file.
function readSeed(file: string): SeedSpec {
  const spec = JSON.parse(readFileSync(file, 'utf8')) as SeedSpec;
  for (const dataset of Array.isArray(spec?.datasets) ? spec.datasets : []) {
    for (const document of Array.isArray(dataset?.documents) ? dataset.documents : []) {
      if (typeof document?.content === 'string') document.content = path.resolve(path.dirname(file), document.content);
    }
  }
  return spec;
}

function usageError(message: string): never {
  console.error(`las-emulator exec: ${message}\n\n${EXEC_USAGE}`);
  process.exit(2);
}
