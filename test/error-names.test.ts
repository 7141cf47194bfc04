/**
 * Every exported error class keeps its name in a minified bundle: a minifier renames classes, so
 * a name taken from the class (`new.target.name`) came out as `'oe'` for a ContentError, and
 * `error.name === 'ContentError'` failed in a user's production build. The bundles are made with
 * esbuild, minified, and run in a plain Node process.
 */
import { build } from 'esbuild';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleForBrowser } from '../scripts/browser-bundle.mjs';
import * as browserEntry from '../src/browser.js';
import * as nodeEntry from '../src/index.js';
import * as emulatorEntry from 'las-emulator';
import { REPO_ROOT, runNode } from './helpers/process.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'las-error-names-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The names of the error classes a module exports. */
function errorClasses(exports: Record<string, unknown>): string[] {
  return Object.entries(exports)
    .filter(([, value]) => typeof value === 'function' && (value as { prototype?: unknown }).prototype instanceof Error)
    .map(([name]) => name)
    .sort();
}

/**
 * Imports the bundle at `file` in a new Node process and builds one of each error class it
 * exports (with arguments each accepts); what it prints: each export's name, the name of its
 * class as minified, and the `name` of the error built.
 */
async function namesIn(file: string): Promise<{ exported: string; className: string; name: string }[]> {
  const program = `
    const sdk = await import(${JSON.stringify(pathToFileURL(file).href)});
    const init = { status: 400, method: 'GET', url: 'https://api.test/x', body: null };
    const out = [];
    for (const [exported, value] of Object.entries(sdk)) {
      if (typeof value !== 'function' || !(value.prototype instanceof Error)) continue;
      const error = sdk.ApiError && value.prototype instanceof sdk.ApiError || value === sdk.ApiError
        ? new value(init)
        : exported === 'DataDirInUseError' ? new value('/data', 1) : new value('message', { cause: null, completed: 0, waitedMs: 0 });
      out.push({ exported, className: value.name, name: error.name });
    }
    console.log(JSON.stringify(out));
  `;
  return JSON.parse(await runNode(['--input-type=module', '-e', program], { PATH: process.env.PATH })) as never;
}

function expectNamesKept(found: { exported: string; className: string; name: string }[], expected: string[]): void {
  expect(found.map((entry) => entry.exported).sort()).toEqual(expected);
  // The bundle is minified: the classes themselves lost their names (else the test proves nothing).
  expect(found.filter((entry) => entry.className !== entry.exported).length).toBeGreaterThan(expected.length / 2);
  expect(found.filter((entry) => entry.name !== entry.exported)).toEqual([]);
}

test('the Node entry and the emulator, minified: every error class names itself', async () => {
  const file = join(dir, 'node.mjs');
  await build({
    stdin: { contents: "export * from './src/index.ts';\nexport * from './packages/emulator/src/index.ts';\n", resolveDir: REPO_ROOT, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: true,
    outfile: file,
    tsconfig: join(REPO_ROOT, 'tsconfig.json'),
    // Bundled CommonJS packages (undici) call require: the bundle gives them Node's.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'silent',
  });
  const expected = [...new Set([...errorClasses(nodeEntry), ...errorClasses(emulatorEntry)])].sort();
  expect(expected).toEqual(expect.arrayContaining(['ContentError', 'ValidationError', 'BadRequestError', 'WaitAbortedError', 'DataDirInUseError']));
  expectNamesKept(await namesIn(file), expected);
}, 120_000);

test('the browser bundle, minified: every error class names itself', async () => {
  const file = join(dir, 'browser.mjs');
  const bundle = await bundleForBrowser({ contents: "export * from 'las-sdk';\n", minify: true });
  await writeFile(file, bundle.code);
  expectNamesKept(await namesIn(file), errorClasses(browserEntry));
}, 120_000);
