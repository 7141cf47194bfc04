/* global window, setTimeout, clearTimeout, performance */
/**
 * Runs the runtime suite (test/runtimes/suite.mjs) on every runtime against one emulator started
 * here, behind the suite's gate and beside a local proxy: on each Node given (`--node BIN`, default
 * this one), Bun and Deno (devDependencies, installed as a user's package: `las-sdk` resolved with
 * the runtime's own conditions), workerd through miniflare (the SDK bundled with esbuild as a
 * worker is, conditions workerd/worker/browser) and Chromium (Debian's, through playwright-core;
 * skipped with --no-browser). Needs dist/ (npm run build). Prints one line per runtime and
 * "runtimes: N passed, N failed"; exits 1 on any failure.
 *
 *   node scripts/runtimes.mjs [--node BIN]... [--only NAME]... [--no-browser]
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { startGate } from '../test/runtimes/gate.mjs';
import { startProxy } from '../test/runtimes/proxy.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'node_modules/.bin');
const SUITE = pathToFileURL(join(ROOT, 'test/runtimes/suite.mjs')).href;

const args = process.argv.slice(2);
const nodes = valuesOf('--node');
const only = valuesOf('--only');
if (nodes.length === 0) nodes.push(process.execPath);

const EMULATOR = join(ROOT, 'packages/emulator/dist/index.js');
if (!existsSync(join(ROOT, 'dist/index.js')) || !existsSync(EMULATOR)) throw new Error('a build is missing: run npm run build:all first');
const { startEmulator } = await import(pathToFileURL(EMULATOR).href);

const started = performance.now();
const emulator = await startEmulator();
const gate = await startGate(emulator.url);
const proxy = await startProxy();
const work = await mkdtemp(join(tmpdir(), 'las-runtimes-'));
let passed = 0;
let failed = 0;
try {
  // A project with `las-sdk` installed as a user's has it: package.json and dist/ copied (a link
  // to the checkout would bring its tsconfig paths, which Bun and esbuild follow to the sources),
  // its dependencies those of the checkout.
  const installed = join(work, 'node_modules/las-sdk');
  await mkdir(installed, { recursive: true });
  await cp(join(ROOT, 'dist'), join(installed, 'dist'), { recursive: true });
  await cp(join(ROOT, 'package.json'), join(installed, 'package.json'));
  await symlink(join(ROOT, 'node_modules'), join(installed, 'node_modules'), 'dir');
  await cp(fileURLToPath(SUITE), join(work, 'suite.mjs'));
  await writeFile(join(work, 'package.json'), JSON.stringify({ type: 'module', dependencies: { 'las-sdk': '*' } }));
  await writeFile(join(work, 'tsconfig.json'), '{}');
  await writeFile(
    join(work, 'entry.mjs'),
    `import * as sdk from 'las-sdk';\nimport { runSuite } from './suite.mjs';\n` +
      `const env = globalThis.process?.env ?? globalThis.Deno.env.toObject();\n` +
      `console.log('RESULT ' + JSON.stringify(await runSuite(sdk, JSON.parse(env.LAS_SUITE_CONFIG))));\n`,
  );
  const { clientId, clientSecret } = emulator.credentials;
  const base = { gate: gate.url, clientId, clientSecret, closedPort: String(await closedPort()) };
  const local = { ...base, environment: true, proxy: proxy.url, provesNotSent: true };

  /** @type {{ name: string, run: () => Promise<any>, throughProxy?: boolean }[]} */
  const runtimes = [];
  for (const bin of nodes) {
    const version = (await output(bin, ['--version'])).trim();
    runtimes.push({ name: `Node ${version}`, throughProxy: true, run: () => inProcess(bin, ['entry.mjs'], { ...local, runtime: `Node ${version}` }) });
  }
  const bun = `Bun ${(await output(join(BIN, 'bun'), ['--version'])).trim()}`;
  runtimes.push({ name: bun, throughProxy: true, run: () => inProcess(join(BIN, 'bun'), ['entry.mjs'], { ...local, runtime: bun }) });
  const deno = `Deno ${(await output(join(BIN, 'deno'), ['--version'])).split('\n')[0].split(' ')[1]}`;
  runtimes.push({ name: deno, throughProxy: true, run: () => inProcess(join(BIN, 'deno'), ['run', '-A', 'entry.mjs'], { ...local, runtime: deno }) });
  const away = { ...base, environment: false, provesNotSent: false };
  runtimes.push({ name: 'workerd', run: () => inWorkerd({ ...away, runtime: 'workerd' }) });
  if (!args.includes('--no-browser')) runtimes.push({ name: 'Chromium', run: () => inChromium({ ...away, runtime: 'Chromium' }) });

  for (const runtime of runtimes) {
    if (only.length > 0 && !only.some((name) => runtime.name.toLowerCase().startsWith(name.toLowerCase()))) continue;
    const began = performance.now();
    proxy.seen.length = 0;
    let results;
    try {
      ({ results } = await runtime.run());
    } catch (error) {
      results = [{ name: 'the suite ran', ok: false, detail: String(error instanceof Error ? error.message : error) }];
    }
    if (runtime.throughProxy) {
      const wanted = [`POST ${gate.url}/token?grant_type=client_credentials`, `GET ${gate.url}/v1/datasets`];
      const missing = wanted.filter((line) => !proxy.seen.includes(line));
      results.push({ name: 'the proxy option: token and API requests went through the proxy', ok: missing.length === 0, detail: `missing: ${missing.join(', ')}; seen: ${proxy.seen.join(', ')}` });
    }
    const bad = results.filter((result) => !result.ok);
    passed += results.length - bad.length;
    failed += bad.length;
    console.log(`${runtime.name}: ${results.length - bad.length} passed, ${bad.length} failed (${Math.round(performance.now() - began)} ms)`);
    for (const result of bad) console.log(`  FAILED ${result.name}: ${result.detail}`);
  }
} finally {
  await proxy.close();
  await gate.close();
  await emulator.close();
  await rm(work, { recursive: true, force: true });
}
console.log(`runtime suite took ${Math.round((performance.now() - started) / 1000)} s`);
console.log(`runtimes: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;

/** Runs the entry with `bin` in the work folder, the LAS_* variables set; the suite's result. */
async function inProcess(bin, argv, config) {
  const out = await output(bin, argv, { ...process.env, ...environmentOf(config), LAS_SUITE_CONFIG: JSON.stringify(config) });
  const line = out.split('\n').find((text) => text.startsWith('RESULT '));
  if (!line) throw new Error(`no result; it printed: ${out.slice(-2000)}`);
  return JSON.parse(line.slice('RESULT '.length));
}

function environmentOf(config) {
  const { clientId, clientSecret, gate: url } = config;
  return { LAS_CLIENT_ID: clientId, LAS_CLIENT_SECRET: clientSecret, LAS_AUTH_ENDPOINT: url, LAS_API_ENDPOINT: `${url}/v1` };
}

/** The suite as a worker: bundled as wrangler does (conditions workerd, worker, browser), run by miniflare's workerd. */
async function inWorkerd(config) {
  const script = await bundle(
    `import * as sdk from 'las-sdk';\nimport { runSuite } from './suite.mjs';\n` +
      `export default { async fetch(request) { return Response.json(await runSuite(sdk, await request.json())); } };\n`,
    ['workerd', 'worker', 'browser'],
  );
  const { Miniflare } = await import('miniflare');
  const worker = new Miniflare({ modules: true, script, compatibilityDate: '2025-09-01', compatibilityFlags: [] });
  try {
    const response = await worker.dispatchFetch('http://worker.local/', { method: 'POST', body: JSON.stringify(config) });
    const text = await response.text();
    if (!response.ok) throw new Error(`the worker answered ${response.status}: ${text.slice(0, 2000)}`);
    return JSON.parse(text);
  } finally {
    await worker.dispose();
  }
}

/** The suite in a Chromium page (Debian's chromium), bundled as a page's bundler does. */
async function inChromium(config) {
  const code = await bundle(`import * as sdk from 'las-sdk';\nimport { runSuite } from './suite.mjs';\nwindow.runSuite = (config) => runSuite(sdk, config);\n`, ['browser']);
  const page = http.createServer((request, response) => {
    if (request.url === '/suite.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(code);
    else response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script type="module" src="/suite.js"></script>');
  });
  await new Promise((done) => page.listen(0, '127.0.0.1', () => done(undefined)));
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const tab = await browser.newPage();
    await tab.goto(`http://127.0.0.1:${/** @type {net.AddressInfo} */ (page.address()).port}/`);
    await tab.waitForFunction(() => typeof window.runSuite === 'function');
    return await tab.evaluate((given) => window.runSuite(given), config);
  } finally {
    await browser.close();
    page.close();
  }
}

/** `contents` bundled from the work folder (where `las-sdk` is installed) under `conditions`. */
async function bundle(contents, conditions) {
  const result = await build({
    stdin: { contents, resolveDir: work, sourcefile: 'entry.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions,
    // The work folder's empty tsconfig: not the checkout's, whose paths lead to the sources.
    tsconfig: join(work, 'tsconfig.json'),
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** A port on 127.0.0.1 with nothing listening (taken, then let go). */
async function closedPort() {
  const server = net.createServer();
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const { port } = /** @type {net.AddressInfo} */ (server.address());
  await new Promise((done) => server.close(() => done(undefined)));
  return port;
}

/** What `bin` prints (stdout and stderr) run in the work folder; rejects when it exits non-zero. */
async function output(bin, argv, env = process.env) {
  return await new Promise((done, fail) => {
    const child = spawn(bin, argv, { cwd: work ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.stderr.on('data', (chunk) => (text += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) done(text);
      else fail(new Error(`${bin} ${argv.join(' ')} exited ${code}: ${text.slice(-2000)}`));
    });
  });
}

function valuesOf(flag) {
  return args.flatMap((arg, at) => (arg === flag && args[at + 1] !== undefined ? [args[at + 1]] : []));
}
