/** The child processes of a bench run: tsc and node scripts, the bench server, figure processes. */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const root = path.resolve(benchDir, '..');
export const cacheDir = path.join(root, 'node_modules', '.cache', 'las-sdk-bench');

const started = performance.now();

export function log(message: string): void {
  process.stderr.write(`[bench ${elapsedSeconds().toFixed(1)}s] ${message}\n`);
}

export function elapsedSeconds(): number {
  return (performance.now() - started) / 1000;
}

/**
 * Runs a command to its end, `env` added to this process's environment; its output, both streams,
 * as one string, and stdout alone.
 */
export async function exec(command: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; stdout: string }> {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  // A command that cannot start (not installed) is an exit like any other, not a crash of the runner.
  child.on('error', (error) => (out += `${error.message}\n`));
  const code = await new Promise<number>((resolve) => child.on('close', (status) => resolve(status ?? 1)));
  return { code, out, stdout };
}

/** A bench/ TypeScript file in a node of its own, with --expose-gc and an IPC channel. */
function forkTs(file: string, args: string[], env: Record<string, string>): ChildProcess {
  return fork(path.join(benchDir, file), args, {
    cwd: root,
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** The fake API in its own process, so it never competes with a measured client for its event loop. */
export async function startServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = forkTs('children/server.ts', [], {});
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send('stop');
    const timer = setTimeout(() => child.kill(), 3000);
    await exited;
    clearTimeout(timer);
  };
  return { url, stop };
}

/** Runs `entry` (children/figure.ts by default) for one figure and returns what it sends back. */
export async function runFigure<T>(
  context: { url: string; dist: string },
  figure: string,
  side?: string,
  entry = 'children/figure.ts',
): Promise<T> {
  log(`${figure}${side ? ` (${side})` : ''}`);
  const child = forkTs(entry, side ? [figure, side] : [figure], { LAS_BENCH_URL: context.url, LAS_BENCH_DIST: context.dist });
  return new Promise<T>((resolve, reject) => {
    let answered = false;
    child.once('message', (message) => {
      answered = true;
      const { ok, result, error } = message as { ok: boolean; result?: T; error?: string };
      if (ok) resolve(result as T);
      else reject(new Error(error));
    });
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`${figure} exited (${code}) without a result`));
    });
  });
}
