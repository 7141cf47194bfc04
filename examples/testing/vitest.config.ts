/** vitest for the testing example (examples/testing/upload.vitest.test.ts). */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The sources' #platform imports go to the Node side, as tsconfig's paths send them.
  resolve: { alias: [{ find: /^#platform\/(.*)\.js$/, replacement: fileURLToPath(new URL('../../src/platform/node/$1.ts', import.meta.url)) }] },
  test: { include: ['examples/testing/**/*.vitest.test.ts'], root: fileURLToPath(new URL('../..', import.meta.url)) },
});
