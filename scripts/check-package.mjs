#!/usr/bin/env node
/**
 * Checks the package as a user gets it: packs it (`npm pack`, which builds through `prepack`),
 * checks what the tarball holds, installs it in an empty project and, on each Node given, loads it
 * with `import` and with `require` and makes one call through the SDK to the emulator. Then bundles
 * `import { Las, AuthorizationCodeCredentials } from 'las-sdk'` for a browser from the installed
 * package (esbuild, the `browser` condition): no `node:` module and nothing Node-only in it, and
 * its min + gzip size within scripts/browser-budget.json; and type-checks a page using it against the
 * package's types for a browser (DOM, no Node types, libraries' types checked too).
 *
 *   node scripts/check-package.mjs [path/to/node ...]    (default: the node running this script)
 *
 * Exits non-zero naming every problem found.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForBrowser, SIGN_IN_ENTRY } from './browser-bundle.mjs';
import { nodeOnlyPattern } from './node-only.mjs';
import { conditionProblems, EXPECTED_BUILDS } from './package-conditions.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const nodes = process.argv.length > 2 ? process.argv.slice(2) : [process.execPath];
const problems = [];
const work = mkdtempSync(join(tmpdir(), 'las-sdk-pack-'));

/** The tarball npm makes, with its file list. */
function pack() {
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const [report] = JSON.parse(out);
  const tarball = join(work, report.filename);
  const unpacked = join(work, 'unpacked');
  mkdirSync(unpacked);
  execFileSync('tar', ['xzf', tarball, '-C', unpacked, '--strip-components=1']);
  process.stdout.write(`packed ${report.filename}: ${report.entryCount} files, ${(report.size / 1024).toFixed(0)} kB (${(report.unpackedSize / 1024).toFixed(0)} kB unpacked)\n`);
  return { tarball, unpacked, files: new Set(report.files.map((f) => f.path)) };
}

function checkContents({ unpacked, files }) {
  const manifest = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
  for (const required of ['LICENSE', 'README.md', 'package.json']) {
    if (!files.has(required)) problems.push(`${required} is not in the package`);
  }
  // Every file package.json points at (exports, bin, main, types) is shipped.
  const targets = [manifest.main, manifest.types, ...Object.values(manifest.bin ?? {}), ...exportTargets(manifest.exports)];
  for (const target of targets.filter(Boolean)) {
    if (!files.has(posix.normalize(target))) problems.push(`package.json points at ${target}, which is not in the package`);
  }
  // A source map is only worth shipping with the sources it maps to.
  for (const map of [...files].filter((f) => f.endsWith('.map'))) {
    const { sources = [] } = JSON.parse(readFileSync(join(unpacked, map), 'utf8'));
    const missing = sources.map((s) => posix.join(posix.dirname(map), s)).filter((s) => !files.has(s));
    if (missing.length > 0) problems.push(`${map} maps to ${missing.join(', ')}, not in the package`);
  }
  const stray = [...files].filter((f) => !f.startsWith('dist/') && !['LICENSE', 'README.md', 'package.json'].includes(f));
  if (stray.length > 0) problems.push(`files beyond dist/ and the docs: ${stray.join(', ')}`);
}

function exportTargets(value) {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(exportTargets);
}

/** An empty project with the tarball installed (its dependencies from the registry or npm's cache). */
function install(tarball) {
  const app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true }\n');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball], { cwd: app, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!existsSync(join(app, 'node_modules', 'las-sdk', 'package.json'))) problems.push('npm install of the tarball left no node_modules/las-sdk');
  return app;
}

// One call through the SDK to the emulator, both from the installed package.
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
  import: ['--input-type=module', '-e', `const { Las } = await import('las-sdk'); const { startEmulator } = await import('las-sdk/emulator');${SMOKE}`],
  require: ['-e', `const { Las } = require('las-sdk'); const { startEmulator } = require('las-sdk/emulator'); (async () => {${SMOKE}})().catch((e) => { console.error(e); process.exit(1); });`],
};

function checkLoads(node, app) {
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  for (const [how, args] of Object.entries(PROGRAMS)) {
    // A warning on stderr (an experimental require of ESM, say) counts too: users would see it.
    const run = spawnSync(node, args, { cwd: app, encoding: 'utf8', timeout: 60_000 });
    const said = `${run.stderr ?? ''}${run.error ? run.error.message : ''}`.trim();
    if (run.status === 0 && said === '') process.stdout.write(`node ${version}: ${how} las-sdk and las-sdk/emulator, one call to the emulator: ok\n`);
    else problems.push(`node ${version}: ${how} (exit ${run.status ?? run.signal}): ${said.split('\n').slice(0, 6).join(' | ')}`);
  }
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
  const packed = pack();
  checkContents(packed);
  const app = install(packed.tarball);
  for (const node of nodes) checkLoads(node, app);
  await checkBrowserBundle(app);
  const wrongConditions = await conditionProblems(app);
  problems.push(...wrongConditions);
  if (wrongConditions.length === 0) process.stdout.write(`conditions ${Object.keys(EXPECTED_BUILDS).join(', ')}: each resolves to its build: ok\n`);
  checkBrowserTypes(app);
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (problems.length > 0) {
  process.stderr.write(`package check failed:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(1);
}
