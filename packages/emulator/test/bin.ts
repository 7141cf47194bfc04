/** The `las-emulator` bin in a child process of its own, as a user runs it, for tests that kill it. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Credentials } from '../../../src/auth/credentials.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A running (or ended) bin. */
export interface Bin {
  child: ChildProcessWithoutNullStreams;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** Resolves with its exit code (null when a signal ended it). */
  exited: Promise<number | null>;
}

const running = new Set<ChildProcessWithoutNullStreams>();

/** Spawns the bin with `args`; does not wait for it to listen. */
export function spawnBin(args: string[]): Bin {
  // node itself with tsx's loader, not the tsx wrapper: a signal then reaches the emulator's own process.
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/emulator/src/cli.ts', ...args], { cwd: ROOT });
  running.add(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return { child, output: () => output, exited };
}

/** Spawns the bin and waits until it listens; rejects with its output when it exits first. */
export async function startBin(args: string[]): Promise<Bin & { credentials: Credentials }> {
  const bin = spawnBin(args);
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (bin.output().includes('Press Ctrl+C')) {
        clearInterval(timer);
        resolve();
      } else if (bin.child.exitCode !== null || bin.child.signalCode !== null) {
        clearInterval(timer);
        reject(new Error(`las-emulator exited: ${bin.output()}`));
      }
    }, 20);
  });
  const value = (name: string) => new RegExp(`^export ${name}=(.*)$`, 'm').exec(bin.output())?.[1] as string;
  const credentials = new Credentials({
    clientId: value('LAS_CLIENT_ID'),
    clientSecret: value('LAS_CLIENT_SECRET'),
    authEndpoint: value('LAS_AUTH_ENDPOINT'),
    apiEndpoint: value('LAS_API_ENDPOINT'),
  });
  return { ...bin, credentials };
}

/** Sends `signal` and waits for the exit code. */
export async function stopBin(bin: Bin, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  bin.child.kill(signal);
  return bin.exited;
}

/** Kills (SIGKILL) every bin still running: for an afterEach. */
export async function killBins(): Promise<void> {
  await Promise.all(
    [...running].map(async (child) => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }),
  );
}
