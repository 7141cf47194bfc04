#!/usr/bin/env node
/**
 * Checks the three packages as users get them: packs las-sdk, las-emulator and las-cli (`npm pack`,
 * which builds each through `prepack`), checks what each tarball holds and that they share one
 * version, and installs them into fresh projects, as their three audiences do:
 * - las-sdk alone: exactly its four dependencies and theirs (none of the CLI's or the emulator's);
 *   bundled for a browser (`import { Las, AuthorizationCodeCredentials } from 'las-sdk'`, esbuild,
 *   the `browser` condition): no `node:` module, nothing Node-only, min + gzip size within
 *   scripts/browser-budget.json; and a page using it type-checks against its types for a browser;
 * - las-sdk + las-emulator: one copy of las-sdk; on each Node given, loaded with `import` and with
 *   `require`, one call through the SDK to the emulator;
 * - all three: on each Node given, `las --version` and `las-emulator --port 0` run from the bins.
 *
 *   node scripts/check-package.mjs [path/to/node ...]    (default: the node running this script)
 *
 * Exits non-zero naming every problem found.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { clearInterval, setInterval, setTimeout } from 'node:timers';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForBrowser, SIGN_IN_ENTRY } from './browser-bundle.mjs';
import { nodeOnlyPattern } from './node-only.mjs';
import { conditionProblems, EXPECTED_BUILDS } from './package-conditions.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const nodes = process.argv.length > 2 ? process.argv.slice(2) : [process.execPath];
const problems = [];
const work = mkdtempSync(join(tmpdir(), 'las-sdk-pack-'));

/** The packages, by name: where each lives and what its tarball may hold beside dist/. */
const PACKAGES = { 'las-sdk': '.', 'las-emulator': 'packages/emulator', 'las-cli': 'packages/cli' };
/** las-sdk's runtime dependencies: these four, nothing else (the CLI's and the emulator's are theirs). */
const SDK_DEPENDENCIES = ['class-transformer', 'ky', 'reflect-metadata', 'undici'];

/** The tarball npm makes of the package in `dir`, unpacked, with its file list. */
function pack(name, dir) {
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: join(ROOT, dir), encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const [report] = JSON.parse(out);
  const tarball = join(work, report.filename);
  const unpacked = join(work, 'unpacked', name);
  mkdirSync(unpacked, { recursive: true });
  execFileSync('tar', ['xzf', tarball, '-C', unpacked, '--strip-components=1']);
  process.stdout.write(`packed ${report.filename}: ${report.entryCount} files, ${(report.size / 1024).toFixed(0)} kB (${(report.unpackedSize / 1024).toFixed(0)} kB unpacked)\n`);
  const manifest = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
  return { name, tarball, unpacked, manifest, files: new Set(report.files.map((f) => f.path)) };
}

function checkContents({ name, unpacked, manifest, files }) {
  for (const required of ['LICENSE', 'README.md', 'package.json']) {
    if (!files.has(required)) problems.push(`${name}: ${required} is not in the package`);
  }
  // Every file package.json points at (exports, bin, main, types) is shipped.
  const targets = [manifest.main, manifest.types, ...Object.values(manifest.bin ?? {}), ...exportTargets(manifest.exports)];
  for (const target of targets.filter(Boolean)) {
    if (!files.has(posix.normalize(target))) problems.push(`${name}: package.json points at ${target}, which is not in the package`);
  }
  // A source map is only worth shipping with the sources it maps to.
  for (const map of [...files].filter((f) => f.endsWith('.map'))) {
    const { sources = [] } = JSON.parse(readFileSync(join(unpacked, map), 'utf8'));
    const missing = sources.map((s) => posix.join(posix.dirname(map), s)).filter((s) => !files.has(s));
    if (missing.length > 0) problems.push(`${name}: ${map} maps to ${missing.join(', ')}, not in the package`);
  }
  const stray = [...files].filter((f) => !f.startsWith('dist/') && !['LICENSE', 'README.md', 'package.json'].includes(f));
  if (stray.length > 0) problems.push(`${name}: files beyond dist/ and the docs: ${stray.join(', ')}`);
}

function exportTargets(value) {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(exportTargets);
}

/** One version number for the three, and each package's range on the others is that version. */
function checkVersions(packed) {
  const [sdk, emulator, cli] = packed.map((p) => p.manifest);
  const version = sdk.version;
  const ranges = {
    'las-emulator version': emulator.version,
    'las-cli version': cli.version,
    "las-emulator's peer las-sdk": emulator.peerDependencies?.['las-sdk'],
    "las-cli's las-sdk": cli.dependencies?.['las-sdk'],
    "las-cli's las-emulator": cli.dependencies?.['las-emulator'],
  };
  for (const [what, range] of Object.entries(ranges)) if (range !== version) problems.push(`${what} is ${range}, not las-sdk's version ${version}`);
  if (emulator.dependencies?.['las-sdk'] !== undefined) problems.push('las-emulator depends on las-sdk: a peer dependency only, so that an app holds one copy');
  const sdkDependencies = Object.keys(sdk.dependencies ?? {}).sort();
  if (JSON.stringify(sdkDependencies) !== JSON.stringify(SDK_DEPENDENCIES)) problems.push(`las-sdk's dependencies are ${sdkDependencies.join(', ')}, not ${SDK_DEPENDENCIES.join(', ')}`);
}

/** An empty project named `name` with the tarballs installed (their dependencies from the registry or npm's cache). */
function install(name, packed) {
  const app = join(work, name);
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true }\n');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...packed.map((p) => p.tarball)], { cwd: app, stdio: ['ignore', 'ignore', 'inherit'] });
  for (const { name: installed } of packed) {
    if (!existsSync(join(app, 'node_modules', installed, 'package.json'))) problems.push(`${name}: npm install of the tarballs left no node_modules/${installed}`);
  }
  return app;
}

/** The packages installed in `app` (from npm's record of node_modules), by name. */
function installedNames(app) {
  const lock = JSON.parse(readFileSync(join(app, 'node_modules', '.package-lock.json'), 'utf8'));
  return new Set(Object.keys(lock.packages).map((path) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)));
}

/** las-sdk alone brings its four dependencies and what they depend on: nothing else. */
function checkSdkAlone(app) {
  const installed = installedNames(app);
  const expected = new Set(['las-sdk']);
  const queue = [...SDK_DEPENDENCIES];
  while (queue.length > 0) {
    const name = queue.shift();
    if (expected.has(name)) continue;
    expected.add(name);
    const manifest = join(app, 'node_modules', name, 'package.json');
    if (existsSync(manifest)) queue.push(...Object.keys(JSON.parse(readFileSync(manifest, 'utf8')).dependencies ?? {}));
  }
  const extra = [...installed].filter((name) => !expected.has(name));
  const missing = [...expected].filter((name) => !installed.has(name));
  if (extra.length > 0) problems.push(`las-sdk alone installs more than its dependencies and theirs: ${extra.join(', ')}`);
  if (missing.length > 0) problems.push(`las-sdk alone lacks ${missing.join(', ')}`);
  if (extra.length === 0 && missing.length === 0) {
    process.stdout.write(`las-sdk alone: ${SDK_DEPENDENCIES.join(', ')} and theirs, ${installed.size - 1} packages in all: ok\n`);
  }
}

/** With las-emulator beside it, the app holds one las-sdk: the emulator's peer is the app's. */
function checkOneSdk(app) {
  if (existsSync(join(app, 'node_modules', 'las-emulator', 'node_modules', 'las-sdk'))) problems.push('las-emulator installed a las-sdk of its own beside the app\'s');
}

// One call through the SDK to the emulator, both from the installed packages.
const SMOKE = `
  const emulator = await startEmulator();
  try {
    const las = new Las({ credentials: emulator.credentials });
    const dataset = await las.datasets.create({ name: 'packed' });
    if (!/^las:dataset:/.test(dataset.datasetId)) throw new Error('unexpected dataset ' + JSON.stringify(dataset));
  } finally {
    await emulator.close();
  }
`;
const PROGRAMS = {
  import: ['--input-type=module', '-e', `const { Las } = await import('las-sdk'); const { startEmulator } = await import('las-emulator');${SMOKE}`],
  require: ['-e', `const { Las } = require('las-sdk'); const { startEmulator } = require('las-emulator'); (async () => {${SMOKE}})().catch((e) => { console.error(e); process.exit(1); });`],
};

function checkLoads(node, app) {
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  for (const [how, args] of Object.entries(PROGRAMS)) {
    // A warning on stderr (an experimental require of ESM, say) counts too: users would see it.
    const run = spawnSync(node, args, { cwd: app, encoding: 'utf8', timeout: 60_000 });
    const said = `${run.stderr ?? ''}${run.error ? run.error.message : ''}`.trim();
    if (run.status === 0 && said === '') process.stdout.write(`node ${version}: ${how} las-sdk and las-emulator, one call to the emulator: ok\n`);
    else problems.push(`node ${version}: ${how} (exit ${run.status ?? run.signal}): ${said.split('\n').slice(0, 6).join(' | ')}`);
  }
}

/** The installed bins on `node`: `las --version` prints the version; `las-emulator --port 0` listens and stops on SIGTERM. */
async function checkBins(node, app, expectedVersion) {
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  // The bins as npm links them, run by `node` (their #! line would pick the PATH's).
  const bin = (name) => join(app, 'node_modules', '.bin', name);
  const las = spawnSync(node, [bin('las'), '--version'], { cwd: app, encoding: 'utf8', timeout: 60_000 });
  if (las.status === 0 && las.stdout === `${expectedVersion}\n` && las.stderr === '') process.stdout.write(`node ${version}: las --version: ok\n`);
  else problems.push(`node ${version}: las --version (exit ${las.status ?? las.signal}) printed ${JSON.stringify(`${las.stdout}${las.stderr}`.slice(0, 300))}`);
  const emulator = spawn(node, [bin('las-emulator'), '--port', '0'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  emulator.stdout.on('data', (chunk) => (output += chunk));
  emulator.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => emulator.once('exit', (code, signal) => resolve(code ?? signal)));
  const listening = await Promise.race([
    new Promise((resolve) => {
      const timer = setInterval(() => output.includes('Press Ctrl+C') && (clearInterval(timer), resolve(true)), 50);
      exited.then(() => (clearInterval(timer), resolve(false)));
    }),
    new Promise((resolve) => setTimeout(() => resolve(false), 60_000)),
  ]);
  emulator.kill('SIGTERM');
  const code = await exited;
  if (listening && code === 0 && /listening on http:\/\/127\.0\.0\.1:\d+/.test(output)) process.stdout.write(`node ${version}: las-emulator --port 0 listens, stops on SIGTERM: ok\n`);
  else problems.push(`node ${version}: las-emulator --port 0 (exit ${code}): ${output.split('\n').slice(0, 6).join(' | ')}`);
}

// What only Node needs, by the module that holds it in dist/.
const NODE_ONLY = new RegExp(`${nodeOnlyPattern('las-sdk/dist', 'js')}|node_modules/undici/`);

async function checkBrowserBundle(app) {
  const { maxGzipBytes } = JSON.parse(readFileSync(join(ROOT, 'scripts/browser-budget.json'), 'utf8'));
  let bundle;
  try {
    bundle = await bundleForBrowser({ contents: SIGN_IN_ENTRY, resolveDir: app, fromSource: false });
  } catch (error) {
    problems.push(`browser bundle of the package failed: ${String(error.message).split('\n').slice(0, 6).join(' | ')}`);
    return;
  }
  const nodeOnly = bundle.inputs.filter((input) => NODE_ONLY.test(input));
  if (bundle.nodeImports.length > 0) problems.push(`browser bundle imports ${bundle.nodeImports.join(', ')}`);
  if (nodeOnly.length > 0) problems.push(`browser bundle holds Node-only modules: ${nodeOnly.join(', ')}`);
  if (!bundle.inputs.some((input) => input.includes('las-sdk/dist/browser.js'))) problems.push('browser bundle did not resolve las-sdk to dist/browser.js');
  if (bundle.gzipBytes > maxGzipBytes) {
    problems.push(`browser bundle is ${bundle.gzipBytes} bytes min + gzip, over the budget of ${maxGzipBytes} (scripts/browser-budget.json)`);
  }
  process.stdout.write(
    `browser bundle of Las + AuthorizationCodeCredentials: ${bundle.inputs.length} modules, no node: import, ` +
      `${(bundle.bytes / 1024).toFixed(1)} KiB minified, ${(bundle.gzipBytes / 1024).toFixed(1)} KiB gzip (budget ${(maxGzipBytes / 1024).toFixed(1)} KiB)\n`,
  );
}

// A page's script as a browser project type-checks it: the browser condition, DOM, no @types/node.
const PAGE = `import { Las, AuthorizationCodeCredentials, ContentError } from 'las-sdk';
const credentials = new AuthorizationCodeCredentials({ clientId: 'id', authEndpoint: 'auth.lucidtech.ai', apiEndpoint: 'https://api.lucidtech.ai/v1', redirectUri: location.origin + '/callback' });
const las = new Las({ credentials });
const input = document.querySelector('input') as HTMLInputElement;
las.documents.create(input.files![0], { datasetId: 'las:dataset:00000000000000000000000000000000' }).catch((error: unknown) => error instanceof ContentError);
`;
const PAGE_TSCONFIG = {
  compilerOptions: { target: 'ES2022', lib: ['ES2024', 'DOM', 'DOM.Iterable'], module: 'ESNext', moduleResolution: 'bundler', customConditions: ['browser'], types: [], strict: true, noEmit: true, skipLibCheck: false },
  files: ['page.ts'],
};

function checkBrowserTypes(app) {
  const dir = join(app, 'page');
  mkdirSync(dir);
  writeFileSync(join(dir, 'page.ts'), PAGE);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(PAGE_TSCONFIG));
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  if (run.status === 0) process.stdout.write('browser types: a page importing las-sdk type-checks with DOM only (no Node types, skipLibCheck off): ok\n');
  else problems.push(`browser types: a page importing las-sdk fails to type-check without Node's types: ${`${run.stdout}${run.stderr}`.trim().split('\n').slice(0, 6).join(' | ')}`);
}

try {
  const packed = Object.entries(PACKAGES).map(([name, dir]) => pack(name, dir));
  packed.forEach(checkContents);
  checkVersions(packed);
  const [sdk, emulator] = packed;
  const sdkApp = install('app-sdk', [sdk]);
  checkSdkAlone(sdkApp);
  await checkBrowserBundle(sdkApp);
  const wrongConditions = await conditionProblems(sdkApp);
  problems.push(...wrongConditions);
  if (wrongConditions.length === 0) process.stdout.write(`conditions ${Object.keys(EXPECTED_BUILDS).join(', ')}: each resolves to its build: ok\n`);
  checkBrowserTypes(sdkApp);
  const testApp = install('app-sdk-emulator', [sdk, emulator]);
  checkOneSdk(testApp);
  for (const node of nodes) checkLoads(node, testApp);
  const allApp = install('app-all', packed);
  for (const node of nodes) await checkBins(node, allApp, sdk.manifest.version);
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (problems.length > 0) {
  process.stderr.write(`package check failed:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(1);
}
