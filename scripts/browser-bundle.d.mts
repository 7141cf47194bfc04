/** Types of browser-bundle.mjs for the TypeScript that uses it (the bench, the review example, tests). */
export declare const SIGN_IN_ENTRY: string;
export interface BrowserBundle {
  /** The bundle. */
  code: Uint8Array;
  /** Its size, minified. */
  bytes: number;
  /** Its size, minified and gzipped (level 9). */
  gzipBytes: number;
  /** Every module in it, as esbuild names them. */
  inputs: string[];
  /** `node:` modules in it or imported by it: none, for a working bundle. */
  nodeImports: string[];
}
export declare function bundleForBrowser(options: {
  entry?: string;
  contents?: string;
  resolveDir?: string;
  outfile?: string;
  minify?: boolean;
  fromSource?: boolean;
}): Promise<BrowserBundle>;
