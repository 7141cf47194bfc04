/**
 * Start-up of the `las` bin, as whole processes against `node -e 0` in the same run: `las --version`
 * (must not load the SDK) and `las datasets list` against an emulator started from the same build.
 * The sides take turns, run by run; the figure is the ratio of the medians.
 *
 *   npx tsx bench/cli-startup.ts [--runs 21]     (builds src into the bench cache first)
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import { cliOf } from './lib/build.js';
import { root } from './lib/processes.js';
import { median } from './lib/stats.js';

/** Medians of whole-process wall times, ms. */
export interface CliStartup {
  node: number;
  version: number;
  list: number;
  runs: number;
}

/** Runs each side `runs` times (after 2 unmeasured rounds) and returns the medians. */
export async function measureCliStartup(dist: string, runs = 21, log: (message: string) => void = () => {}): Promise<CliStartup> {
  // A tree from before the packages split: its bin reads its version from ../../package.json, as it did from dist/cli in the package.
  copyFileSync(path.join(root, 'package.json'), path.join(path.dirname(dist), 'package.json'));
  const { bin, emulator: emulatorEntry } = cliOf(dist);
  const { startEmulator } = (await import(pathToFileURL(emulatorEntry).href)) as typeof import('las-emulator');
  const emulator = await startEmulator();
  const env = {
    ...process.env,
    LAS_CLIENT_ID: emulator.credentials.clientId,
    LAS_CLIENT_SECRET: emulator.credentials.clientSecret as string,
    LAS_AUTH_ENDPOINT: emulator.url,
    LAS_API_ENDPOINT: emulator.apiEndpoint,
  };
  const sides = {
    node: ['-e', '0'],
    version: [bin, '--version'],
    list: [bin, 'datasets', 'list'],
  };
  const times: Record<keyof typeof sides, number[]> = { node: [], version: [], list: [] };
  try {
    log(`las start-up: ${runs} runs of each side`);
    for (let i = 0; i < runs + 2; i++) {
      const order = (Object.keys(sides) as (keyof typeof sides)[]).sort(() => (i % 2 ? -1 : 1));
      for (const side of order) {
        const ms = await timed(sides[side], env);
        if (i >= 2) times[side].push(ms);
      }
    }
  } finally {
    await emulator.close();
  }
  return { node: median(times.node), version: median(times.version), list: median(times.list), runs };
}

async function timed(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const start = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number>((resolve) => child.on('close', (status) => resolve(status ?? 1)));
  const ms = performance.now() - start;
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited ${code}: ${out.slice(0, 300)}`);
  return ms;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { build } = await import('./lib/build.js');
  const runsAt = process.argv.indexOf('--runs');
  const built = await build(path.join(root, 'src'), 'dist');
  const result = await measureCliStartup(built.dist, runsAt > 0 ? Number(process.argv[runsAt + 1]) : 21, (m) => process.stderr.write(`${m}\n`));
  process.stdout.write(
    `node -e 0: ${result.node.toFixed(1)} ms; las --version: ${result.version.toFixed(1)} ms (${(result.version / result.node).toFixed(2)}×); ` +
      `las datasets list: ${result.list.toFixed(1)} ms (${(result.list / result.node).toFixed(2)}×)\n`,
  );
}
