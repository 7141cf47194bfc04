/**
 * The size of what a page loads for the SDK: a minified browser bundle of the sign-in entry
 * (scripts/browser-bundle.mjs, from the sources), against ky alone bundled the same way.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bundleForBrowser, SIGN_IN_ENTRY, type BrowserBundle } from '../scripts/browser-bundle.mjs';
import { root } from './lib/processes.js';

type Size = Pick<BrowserBundle, 'bytes' | 'gzipBytes'>;

/** Sizes of the SDK's and ky's bundles, and the budget CI holds the SDK's to. */
export async function measureBrowserBundle(): Promise<{ sdk: Size; ky: Size; budget: number }> {
  const sdk = await bundleForBrowser({ contents: SIGN_IN_ENTRY });
  const ky = await bundleForBrowser({ contents: "export { default } from 'ky';\n", fromSource: false });
  const { maxGzipBytes } = JSON.parse(readFileSync(path.join(root, 'scripts/browser-budget.json'), 'utf8')) as { maxGzipBytes: number };
  return { sdk: { bytes: sdk.bytes, gzipBytes: sdk.gzipBytes }, ky: { bytes: ky.bytes, gzipBytes: ky.gzipBytes }, budget: maxGzipBytes };
}
