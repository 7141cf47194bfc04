/** vitest for the testing example (examples/testing/upload.vitest.test.ts). */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

function source(path: string): string {
  return fileURLToPath(new URL(`../../${path}`, import.meta.url));
}

export default defineConfig({
  // As tsconfig's paths send them: the sources' #platform imports to the Node side; in this repository
  // las-sdk and las-emulator are their sources (an app gets them from node_modules).
  resolve: {
    alias: [
      { find: /^#platform\/(.*)\.js$/, replacement: source('src/platform/node/$1.ts') },
      { find: /^las-sdk$/, replacement: source('src/index.ts') },
      { find: /^las-sdk\/api$/, replacement: source('src/api/index.ts') },
      { find: /^las-sdk\/errors$/, replacement: source('src/errors.ts') },
      { find: /^las-emulator$/, replacement: source('packages/emulator/src/index.ts') },
    ],
  },
  test: { include: ['examples/testing/**/*.vitest.test.ts'], root: fileURLToPath(new URL('../..', import.meta.url)) },
});
