/**
 * `npm run bench`: what las-sdk costs over the raw HTTP calls it wraps, each figure a ratio to a
 * baseline measured in the same run against a local server (see bench/README.md).
 *
 *   npm run bench                          measure ./src, write bench/results.json and README-section.md
 *   npm run bench -- --src DIR             measure another source tree (results go to node_modules/.cache)
 *   npm run bench -- --profile FIGURE      CPU profile of one workload: per-call, listing, concurrency,
 *                                          upload, or their baselines per-call-raw, listing-raw, concurrency-raw,
 *                                          and ky alone with the Session's options: per-call-ky, concurrency-ky,
 *                                          or over the undici transport: per-call-ky-transport, concurrency-ky-transport
 */
import path from 'node:path';
import { build } from './lib/build.js';
import { measure } from './lib/figures.js';
import { benchDir, cacheDir, elapsedSeconds, log, root, runFigure, startServer } from './lib/processes.js';
import { machine, summary, table, write } from './lib/report.js';
import { addRuntimeRows } from './runtimes.js';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  if (index < 0) return undefined;
  const value = process.argv[index + 1];
  if (!value || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value;
}

async function main(): Promise<void> {
  const src = option('--src');
  const profile = option('--profile');
  const srcDir = src ? path.resolve(src) : path.join(root, 'src');
  log(`building ${path.relative(root, srcDir) || srcDir} with tsc`);
  const built = await build(srcDir, src ? 'dist-alt' : 'dist');
  const server = await startServer();
  log(`bench server at ${server.url}`);
  const context = { url: server.url, dist: built.dist, traits: built.traits, src: srcDir };
  let result: Awaited<ReturnType<typeof measure>>;
  try {
    if (profile) {
      const out = path.join(cacheDir, `${profile}.cpuprofile`);
      const text = await runFigure<string>(context, profile, out, 'children/profile.ts');
      process.stdout.write(`${text}\n(full profile, for Chrome DevTools: ${out})\n`);
      return;
    }
    result = await measure(context);
    await addRuntimeRows(context, result.rows);
  } finally {
    await server.stop();
  }
  const notes = [...built.warnings.map((warning) => `tsc reported (the build was measured anyway): ${warning}`), ...result.notes];
  const seconds = elapsedSeconds();
  process.stdout.write(`\n${table(result.rows, false)}\n\n`);
  for (const note of notes) process.stdout.write(`note: ${note}\n\n`);
  process.stdout.write(
    `${summary(result.rows)}. Node ${process.version}, ${machine()}. Total ${seconds.toFixed(0)} s (build ${built.seconds.toFixed(0)} s).\n`,
  );
  // Figures of another source tree (--src) never replace the published ones.
  const outDir = src ? path.join(cacheDir, 'alt') : benchDir;
  write(outDir, { rows: result.rows, notes, seconds, source: path.relative(root, srcDir) || srcDir });
  process.stdout.write(`Wrote ${path.relative(root, outDir)}/results.json and README-section.md.\n`);
}

await main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
