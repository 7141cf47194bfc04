/**
 * The modules of src that only Node runs (folders end with /): the only ones that import `node:`
 * builtins or undici, and none of them may reach the browser build. Read by the layer rules
 * (.dependency-cruiser.mjs), the package check (scripts/check-package.mjs) and test/browser.
 */
export const NODE_ONLY_MODULES = [
  'platform/node/',
  'auth/resolve',
  'http/transport',
  'jobs/upload-documents',
  'jobs/folder-documents',
  'jobs/download-documents',
  'jobs/handle-transition-execution',
];

/** A regular expression's source matching those modules under `dir` with extension `ext`: `src`/`ts`, or `las-sdk/dist`/`js`. */
export function nodeOnlyPattern(dir, ext) {
  const folders = NODE_ONLY_MODULES.filter((module) => module.endsWith('/'));
  const files = NODE_ONLY_MODULES.filter((module) => !module.endsWith('/'));
  return `${dir}/(${folders.join('|')}|(${files.join('|')})\\.${ext}$)`;
}
