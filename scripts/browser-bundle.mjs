/**
 * Browser bundles of las-sdk with esbuild, and what they hold. Two ways in:
 * - from the sources (`npm run review`, the bench): `las-sdk` is src/browser.ts and `#platform/*`
 *   the browser side (tsconfig.browser.json), nothing to build first;
 * - from an installed package (scripts/check-package.mjs): esbuild resolves `las-sdk` through the
 *   package's own `exports` and `imports` under the `browser` condition, as a user's bundler does.
 */
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** What users bundle first: the client and the sign-in of people. */
export const SIGN_IN_ENTRY = "import { Las, AuthorizationCodeCredentials } from 'las-sdk';\nexport { Las, AuthorizationCodeCredentials };\n";

/**
 * Bundles for a browser (ES2022, minified unless `minify: false`).
 * @param {{ entry?: string, contents?: string, resolveDir?: string, outfile?: string, minify?: boolean, fromSource?: boolean }} options
 *   `entry` (a file) or `contents` (a module's text, resolved from `resolveDir`); `fromSource` (default true)
 *   maps `las-sdk` to the sources; `outfile` writes the bundle there, else it is only returned.
 * @returns {Promise<{ code: Uint8Array, bytes: number, gzipBytes: number, inputs: string[], nodeImports: string[] }>}
 */
export async function bundleForBrowser(options) {
  const { entry, contents, resolveDir = ROOT, outfile, minify = true, fromSource = true } = options;
  const result = await build({
    ...(entry ? { entryPoints: [entry] } : { stdin: { contents, resolveDir, sourcefile: 'entry.js', loader: 'ts' } }),
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify,
    write: false,
    outfile: outfile ?? join(ROOT, 'browser-bundle.js'),
    metafile: true,
    logLevel: 'silent',
    ...(fromSource && { tsconfig: join(ROOT, 'tsconfig.browser.json'), alias: { 'las-sdk': join(ROOT, 'src/browser.ts') } }),
  });
  const [output] = result.outputFiles.filter((file) => file.path.endsWith('.js'));
  if (outfile) {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(dirname(outfile), { recursive: true });
    writeFileSync(outfile, output.contents);
  }
  const inputs = Object.keys(result.metafile.inputs);
  // A `node:` module reaches a browser bundle only as an input or an import left external.
  const nodeImports = [
    ...inputs.filter((input) => input.startsWith('node:')),
    ...Object.values(result.metafile.outputs).flatMap((out) => out.imports.map((i) => i.path).filter((path) => path.startsWith('node:'))),
  ];
  return { code: output.contents, bytes: output.contents.byteLength, gzipBytes: gzipSync(output.contents, { level: 9 }).byteLength, inputs, nodeImports };
}
