/**
 * The testing kit's speed (packages/emulator/src/testing), each figure beside a bare node:http server's
 * start measured in the same run:
 * - a second testEmulator() to ready (the first in a process pays the imports);
 * - reset() with 1,000 documents seeded;
 * - clock.advance(31 min) over 100 running transition executions, all timing out;
 * - a file of 50 tests, each with its own testEmulator(), against one shared emulator reset between tests.
 *
 *   npx tsx bench/testing-kit.ts [--src DIR]      prints the figures as JSON
 */
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Emulator from '../packages/emulator/src/index.js';
import { median } from './lib/stats.js';

const ROUNDS = 15;
const RESET_DOCUMENTS = 1000;
const RUNNING = 100;
const TESTS = 50;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** What {@link measureTestingKit} measured: medians in ms. */
export interface TestingKitFigure {
  /** A bare node:http server, from createServer to listening on 127.0.0.1. */
  httpStartMs: number;
  secondStartMs: number;
  resetMs: number;
  advanceMs: number;
  /** The file of 50 tests: total ms each way, and the per-test difference. */
  ownEmulatorsMs: number;
  sharedResetMs: number;
  perTestOverheadMs: number;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function httpStart(): Promise<number> {
  let server: http.Server | undefined;
  const ms = await timed(async () => {
    server = http.createServer((_req, res) => res.end());
    await new Promise<void>((resolve) => (server as http.Server).listen(0, '127.0.0.1', resolve));
  });
  await new Promise((resolve) => server?.close(resolve));
  return ms;
}

/** Measures the kit of the source tree `src` (default ./src). */
export async function measureTestingKit(src = fileURLToPath(new URL('../src', import.meta.url))): Promise<TestingKitFigure> {
  const { testEmulator } = (await import(pathToFileURL(path.join(src, 'emulator', 'index.ts')).href)) as typeof Emulator;
  await (await testEmulator()).close(); // the first pays the imports
  const http: number[] = [];
  const starts: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    http.push(await httpStart());
    let emu: Emulator.TestEmulator | undefined;
    starts.push(await timed(async () => (emu = await testEmulator())));
    await emu?.close();
  }

  const documents = Array.from({ length: RESET_DOCUMENTS }, (_, i) => ({ name: `${i}.pdf`, content: PDF }));
  const big = await testEmulator({ seed: { datasets: [{ name: 'd', documents }] } });
  const resets: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    await big.las.datasets.create({ name: 'changed' });
    resets.push(await timed(() => big.reset()));
  }
  await big.close();

  const emu = await testEmulator({ seed: { transitions: [{ name: 't', transitionType: 'docker', timeoutInSeconds: 1800, parameters: { imageUrl: 'x/y' } }] } });
  const advances: number[] = [];
  for (let i = 0; i < 5; i++) {
    await emu.reset();
    for (let j = 0; j < RUNNING; j++) await emu.las.transitions.ref(emu.ids.transitions.t).execute();
    advances.push(await timed(() => emu.clock.advance(31 * 60_000)));
    const left = await emu.las.transitions.ref(emu.ids.transitions.t).executions.list({ status: 'running' }).toArray();
    if (left.length !== 0) throw new Error(`${left.length} executions still running after the advance`);
  }
  await emu.close();

  const body = async (target: Emulator.TestEmulator) => {
    await target.las.datasets.create({ name: 'a test' });
    await target.las.datasets.list().toArray();
  };
  const own = await timed(async () => {
    for (let i = 0; i < TESTS; i++) {
      const each = await testEmulator({ seed: { datasets: [{ name: 'seeded' }] } });
      await body(each);
      await each.close();
    }
  });
  const shared = await testEmulator({ seed: { datasets: [{ name: 'seeded' }] } });
  const reused = await timed(async () => {
    for (let i = 0; i < TESTS; i++) {
      await shared.reset();
      await body(shared);
    }
  });
  await shared.close();
  return {
    httpStartMs: median(http),
    secondStartMs: median(starts),
    resetMs: median(resets),
    advanceMs: median(advances),
    ownEmulatorsMs: own,
    sharedResetMs: reused,
    perTestOverheadMs: (own - reused) / TESTS,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const index = process.argv.indexOf('--src');
  const figure = await measureTestingKit(index > 0 ? path.resolve(process.argv[index + 1]) : undefined);
  process.stdout.write(`${JSON.stringify(figure, null, 2)}\n`);
}
