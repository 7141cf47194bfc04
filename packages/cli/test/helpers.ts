/** Running `las` in process against the emulator, with captured streams. */
import { constants, mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { run } from '../src/run.js';
import type { OutStream } from '../src/io.js';
import type { Emulator } from 'las-emulator';

/** What a run printed and returned. */
export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options of {@link cli}. */
export interface CliOptions {
  env?: Record<string, string | undefined>;
  /** Text on stdin. */
  stdin?: string;
  signal?: AbortSignal;
  /** Pretend stdout and stderr are a terminal. */
  tty?: boolean;
}

/** A stream that keeps what is written. */
export function capture(tty = false): OutStream & { text: string } {
  return {
    text: '',
    isTTY: tty,
    columns: 200,
    write(chunk: string) {
      this.text += chunk;
      return true;
    },
  };
}

/** Runs `las argv` in process. */
export async function cli(argv: string[], options: CliOptions = {}): Promise<Result> {
  const stdout = capture(options.tty);
  const stderr = capture(options.tty);
  const code = await run(argv, {
    stdout,
    stderr,
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    env: options.env ?? {},
    ...(options.signal && { signal: options.signal }),
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** The environment that points `las` at `emu`, with HOME in a temporary folder (upload manifests). */
export function emulatorEnv(emu: Emulator, home: string): Record<string, string> {
  return {
    LAS_CLIENT_ID: emu.credentials.clientId,
    LAS_CLIENT_SECRET: emu.credentials.clientSecret as string,
    LAS_AUTH_ENDPOINT: emu.url,
    LAS_API_ENDPOINT: emu.apiEndpoint,
    HOME: home,
    PATH: process.env.PATH,
  } as Record<string, string>;
}

/** A temporary folder for the file's tests, removed after them. */
export function useTempDir(prefix = 'las-cli-'): { path: string } {
  const dir = { path: '' };
  beforeAll(() => {
    dir.path = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => rmSync(dir.path, { recursive: true, force: true }));
  return dir;
}

/** The JSON a run printed on stdout (fails the test with its stderr when it is not JSON). */
export function json<T = Record<string, unknown>>(result: Result): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${result.code}):\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
}

/** Writes `bytes` into the pipe once the upload has opened it for reading (a bounded wait, never a hang). */
export async function feed(pipe: string, bytes: Uint8Array): Promise<void> {
  for (let tries = 0; ; tries++) {
    try {
      const handle = await open(pipe, constants.O_WRONLY | constants.O_NONBLOCK);
      await handle.writeFile(bytes);
      await handle.close();
      return;
    } catch (error) {
      // ENXIO: no reader yet.
      if ((error as { code?: string }).code !== 'ENXIO' || tries > 500) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
