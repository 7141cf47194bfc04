/**
 * Which build each runtime's package.json condition resolves to, in an installed las-sdk: the
 * entry (`las-sdk`) and two of its `#platform` modules, resolved by esbuild with that condition
 * alone, as the runtime's own resolver does. Read by scripts/check-package.mjs.
 */
import { build } from 'esbuild';
import { join, relative } from 'node:path';

/** Condition → what `las-sdk`, `#platform/transport.js` and `#platform/files.js` must resolve to (under the package). */
export const EXPECTED_BUILDS = {
  bun: ['dist/index.js', 'dist/platform/bun/transport.js', 'dist/platform/node/files.js'],
  deno: ['dist/index.js', 'dist/platform/deno/transport.js', 'dist/platform/node/files.js'],
  workerd: ['dist/browser.js', 'dist/platform/browser/transport.js', 'dist/platform/browser/files.js'],
  browser: ['dist/browser.js', 'dist/platform/browser/transport.js', 'dist/platform/browser/files.js'],
  default: ['dist/index.js', 'dist/platform/node/transport.js', 'dist/platform/node/files.js'],
};

/**
 * The problems of the package installed in `app` (node_modules/las-sdk): one line per condition
 * whose resolution differs from {@link EXPECTED_BUILDS}.
 * @param {string} app
 * @returns {Promise<string[]>}
 */
export async function conditionProblems(app) {
  const pkg = join(app, 'node_modules/las-sdk');
  const problems = [];
  for (const [condition, expected] of Object.entries(EXPECTED_BUILDS)) {
    const got = [
      await resolveWith(condition, 'las-sdk', app),
      await resolveWith(condition, '#platform/transport.js', join(pkg, 'dist')),
      await resolveWith(condition, '#platform/files.js', join(pkg, 'dist')),
    ].map((path) => (path.startsWith('/') ? relative(pkg, path) : path));
    if (got.join() !== expected.join()) problems.push(`condition ${condition}: resolves to ${got.join(', ')}; expected ${expected.join(', ')}`);
  }
  return problems;
}

async function resolveWith(condition, specifier, resolveDir) {
  let resolved = '(unresolved)';
  await build({
    stdin: { contents: '', resolveDir },
    platform: 'neutral',
    conditions: condition === 'default' ? [] : [condition],
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'resolve-once',
        setup(esbuild) {
          esbuild.onStart(async () => {
            const result = await esbuild.resolve(specifier, { kind: 'import-statement', resolveDir });
            resolved = result.errors.length > 0 ? `(error: ${result.errors[0].text})` : result.path;
          });
        },
      },
    ],
  });
  return resolved;
}
