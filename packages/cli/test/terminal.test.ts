/**
 * `las datasets create-documents` under a real pseudo-terminal (node-pty), its screen read through
 * a headless xterm: the bar is drawn and redrawn in place while it moves, and the summary follows
 * it. The same command with stdout and stderr going to a file prints plain lines, no escape code.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn as spawnPty } from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { startEmulator, type Emulator } from 'las-emulator';
import { Las } from '../../../src/las.js';
import { PDF } from '../../emulator/test/helpers.js';
import { emulatorEnv, feed, useTempDir } from './helpers.js';
import { BIN, ROOT, spawnLas, until } from './bin.js';

let emu: Emulator;
let las: Las;
const tmp = useTempDir();
let source: string;

beforeAll(async () => {
  emu = await startEmulator();
  las = new Las({ credentials: emu.credentials, maxRetries: 0 });
  source = join(tmp.path, 'files');
  mkdirSync(source);
  for (let i = 0; i < 60; i++) writeFileSync(join(source, `f-${String(i).padStart(2, '0')}.pdf`), Buffer.concat([PDF, Buffer.from(`% ${i}`)]));
  writeFileSync(join(source, 'z-bad.pdf'), 'not a pdf');
});
afterAll(async () => emu?.close());

function screenOf(terminal: InstanceType<typeof xterm.Terminal>): string {
  const buffer = terminal.buffer.active;
  return Array.from({ length: buffer.length }, (_, i) => buffer.getLine(i)?.translateToString(true) ?? '').join('\n').trimEnd();
}

test('on a terminal: a bar that moves in place, then the summary', async () => {
  const dataset = (await las.datasets.create({})).datasetId;
  // The same files, but the 31st is a pipe: the upload waits there until the test has read the screen.
  const held = join(tmp.path, 'held');
  mkdirSync(held);
  for (let i = 0; i < 60; i++) writeFileSync(join(held, `f-${String(i).padStart(2, '0')}.pdf`), Buffer.concat([PDF, Buffer.from(`% ${i}`)]));
  writeFileSync(join(held, 'z-bad.pdf'), 'not a pdf');
  const pipe = join(held, 'f-30.pdf');
  execFileSync('rm', [pipe]);
  execFileSync('mkfifo', [pipe]);
  const terminal = new xterm.Terminal({ cols: 120, rows: 30, allowProposedApi: true });
  const pty = spawnPty(process.execPath, [...BIN, 'datasets', 'create-documents', dataset, held, '--concurrency', '1', '--no-resume'], {
    cols: 120,
    rows: 30,
    cwd: ROOT,
    env: { ...emulatorEnv(emu, tmp.path), TERM: 'xterm-256color' },
  });
  let raw = '';
  pty.onData((data) => {
    raw += data;
    terminal.write(data);
  });
  const exited = new Promise<number>((resolve) => pty.onExit(({ exitCode }) => resolve(exitCode)));
  const flushed = async () => new Promise<void>((resolve) => terminal.write('', resolve));

  // While it moves: one line with the bar, done/total and failures, drawn over itself.
  let during = '';
  await until(async () => {
    await flushed();
    during = screenOf(terminal);
    return / 30\/61 files/.test(during);
  }, 'the bar at the held file', 60_000).catch((error: Error) => {
    throw new Error(`${error.message}; the screen:\n${screenOf(terminal)}`);
  });
  await feed(pipe, Buffer.concat([PDF, Buffer.from('% 30')]));
  const code = await exited;
  await flushed();
  const after = screenOf(terminal);
  process.stdout.write(`screen while the bar moved:\n${during}\n\nscreen at the end:\n${after}\n`);

  const bar = /^[=-]{30} \d+\/61 files /;
  expect(during.split('\n').filter((line) => bar.test(line))).toEqual([expect.stringMatching(/^={15}-{15} 30\/61 files .* 0 failed$/)]);
  expect(raw).toContain('\x1b['); // drawn with cursor movement, not new lines
  expect(code).toBe(1);
  const lines = after.split('\n');
  // The bar was redrawn in place: one line of it, full, above the summary.
  expect(lines.filter((line) => bar.test(line))).toEqual([expect.stringMatching(/^={30} 61\/61 files .* 1 failed$/)]);
  expect(after).toContain('Uploaded 60 of 61 files');
  expect(after).toMatch(/Failed \(1\):\n {2}.*z-bad\.pdf: .*not a pdf/);
}, 90_000);

test('piped to a file: plain progress lines and the summary, no escape codes', async () => {
  const dataset = (await las.datasets.create({})).datasetId;
  const out = join(tmp.path, 'out.txt');
  const running = spawnLas(['datasets', 'create-documents', dataset, source, '-o', 'table'], emulatorEnv(emu, tmp.path));
  expect(await running.exited).toBe(1);
  writeFileSync(out, running.stdout() + running.stderr());
  const text = readFileSync(out, 'utf8');
  expect(text).not.toContain('\x1b');
  expect(text).not.toContain('\r');
  expect(text).toMatch(/^0\/61 files .* 0 failed$/m);
  expect(text).toMatch(/^61\/61 files .* 1 failed$/m);
  expect(text).toContain('Uploaded 60 of 61 files');
}, 60_000);
