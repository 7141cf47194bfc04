/** Types of node-only.mjs for the TypeScript that uses it (test/browser). */
export declare const NODE_ONLY_MODULES: readonly string[];
export declare function nodeOnlyPattern(dir: string, ext: string): string;
