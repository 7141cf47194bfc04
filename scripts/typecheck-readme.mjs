#!/usr/bin/env node
// Type-checks every ```ts block of README.md as its own module against the sources, so the
// README cannot drift from the API it documents.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const outDir = '.readme-check';
const blocks = [...readFileSync('README.md', 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir);
blocks.forEach((code, i) => writeFileSync(`${outDir}/block-${String(i + 1).padStart(2, '0')}.ts`, `${code}\nexport {};\n`));
writeFileSync(
  `${outDir}/tsconfig.json`,
  JSON.stringify({
    extends: '../tsconfig.json',
    compilerOptions: {
      noEmit: true,
      rootDir: '..',
      noUnusedLocals: false,
    },
    include: ['./*.ts'],
  }),
);
try {
  execFileSync('npx', ['tsc', '-p', `${outDir}/tsconfig.json`], { stdio: 'inherit' });
  console.log(`README: ${blocks.length} TypeScript blocks type-check`);
} catch {
  console.error('README: a TypeScript block does not type-check (files in .readme-check/ name the block)');
  process.exitCode = 1;
}
