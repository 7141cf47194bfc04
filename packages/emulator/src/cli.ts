#!/usr/bin/env node
/**
 * `las-emulator [--port N] [--data DIR] [--tls [--cert FILE --key FILE]]`: serves the LAS
 * emulator from a terminal, prints its endpoints and credentials (as `export` lines a shell can
 * eval), and stops cleanly on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { emulatorBanner } from './banner.js';
import { startEmulator } from './index.js';

const USAGE = `Usage: las-emulator [--port N] [--host H] [--data DIR] [--client-id ID] [--client-secret SECRET]
                    [--tls [--cert FILE --key FILE]] [--quiet]

A local server that behaves like the Lucidtech AI Services API (predictions are simulated).
  --port N           port to listen on (default 0: a free port)
  --host H           interface to listen on (default 127.0.0.1)
  --data DIR         keep the state in DIR: every answered change survives a restart, or a crash
                     (default: in memory); one emulator at a time per DIR
  --client-id ID     client id of the emulator's app client (default: random, or the one kept in DIR)
  --client-secret S  its client secret (default: random, or the one kept in DIR)
  --tls              serve HTTPS, as the service's own clients expect, with a certificate for
                     127.0.0.1/localhost from a local authority made at the first start (kept
                     in DIR); prints the lines that make Node and Python trust it
  --cert FILE        with --tls: serve this PEM certificate (chain) instead; clients trust FILE
  --key FILE         with --tls: the PEM private key of --cert
  --quiet            do not print a line per request`;

/** Runs the bin with `argv` (without node and script); resolves once it listens. */
async function main(argv: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        tls: { type: 'boolean' },
        cert: { type: 'string' },
        key: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a port number, got ${JSON.stringify(values.port)}\n\n${USAGE}`);
    process.exit(2);
  }
  if (!values.tls && (values.cert !== undefined || values.key !== undefined)) {
    console.error(`--cert and --key are served only with --tls\n\n${USAGE}`);
    process.exit(2);
  }
  const emulator = await startEmulator({
    port,
    host: values.host,
    dataDir: values.data,
    clientId: values['client-id'],
    clientSecret: values['client-secret'],
    tls: values.tls,
    certFile: values.cert,
    keyFile: values.key,
    log: values.quiet ? undefined : (line) => console.log(line),
  });
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
