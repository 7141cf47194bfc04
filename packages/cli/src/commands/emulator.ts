/** `las emulator start`: the local LAS emulator, as `las-emulator` serves it. */
import type { Command } from 'commander';
import { integer } from '../args.js';
import { group, leaf, run, type App } from '../define.js';
import { UsageError } from '../errors.js';

/** Adds `las emulator`. */
export function registerEmulator(program: Command, app: App): void {
  const g = group(program, 'emulator', 'The local LAS emulator, for trying things out and for tests');

  leaf(g, 'start', 'Serve the emulator until Ctrl+C; prints export LAS_... lines to eval in another shell (request lines go to stderr)')
    .option('--port <port>', 'port to listen on (default: a free one)', integer)
    .option('--data <dir>', 'keep the state in DIR, so a restart finds it again (default: in memory)')
    .option('--tls', "serve HTTPS, as the service's own clients expect, with a certificate made for 127.0.0.1/localhost (kept in --data); prints the lines that make Node and Python trust it")
    .option('--cert <file>', 'with --tls: serve this PEM certificate (chain) instead of a made one; clients trust FILE')
    .option('--key <file>', 'with --tls: the PEM private key of --cert')
    .option('--quiet', 'do not print a line per request')
    .action(run(app, async (c, _, o) => {
      const port = (o.port as number | undefined) ?? 0;
      if (port < 0 || port > 65535) throw new UsageError(`--port: expected a port number, got ${port}`);
      if (!o.tls && (o.cert !== undefined || o.key !== undefined)) throw new UsageError('--cert and --key are served only with --tls');
      const { startEmulator, emulatorBanner } = await import('las-emulator');
      const emulator = await startEmulator({
        port,
        dataDir: o.data,
        tls: o.tls === true,
        certFile: o.cert,
        keyFile: o.key,
        log: o.quiet ? undefined : (line) => c.note(line),
      });
      c.io.stdout.write(`${emulatorBanner(emulator)}\n`);
      const signal = c.signal;
      await new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true }));
      await emulator.close();
      c.note('LAS emulator stopped');
    }));
}
