/**
 * Builds the package as users get it (tsc, not tsx's transpile: decorator metadata and all) from
 * src/index.ts and what it imports, so work in progress elsewhere in src cannot stop a run.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cacheDir, exec, root } from './processes.js';

export interface Build {
  dist: string;
  seconds: number;
  /** Type errors tsc reported; it emits anyway, and the run measures what it emitted. */
  warnings: string[];
  /** What the build is made of, for the notes. */
  traits: Traits;
}

/** The project's fixed choices, checked in the build: a source tree given with --src may lack them. */
export interface Traits {
  /** The Session sends through ky. */
  kySession: boolean;
  /** Entities are built with class-transformer's plainToInstance. */
  classTransformer: boolean;
  /** ... told to skip @Expose/@Exclude, and once per list page. */
  ignoreDecorators: boolean;
  pageAtOnce: boolean;
  /** Upload bodies are built as bytes (src/http/document-body.ts). */
  uploadBody: boolean;
}

export async function build(srcDir: string, name: string): Promise<Build> {
  const start = performance.now();
  const dist = path.join(cacheDir, name);
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  const config = path.join(cacheDir, `tsconfig.${name}.json`);
  writeFileSync(
    config,
    JSON.stringify({
      extends: path.join(root, 'tsconfig.build.json'),
      compilerOptions: { rootDir: srcDir, outDir: dist, declaration: false, sourceMap: false, incremental: false },
      include: [],
      // The `las` bin too (it reaches the emulator and the jobs): bench/cli-startup.ts runs it; the
      // transport under ky, built even where nothing in index.ts imports it yet; and the transports
      // Bun and Deno take by their conditions (bench/runtimes.ts runs the build there).
      files: [
        path.join(srcDir, 'index.ts'),
        ...['cli/index.ts', 'http/transport.ts', 'platform/bun/transport.ts', 'platform/deno/transport.ts'].map((file) => path.join(srcDir, file)).filter(existsSync),
      ],
    }),
  );
  const { code, out } = await exec(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', config]);
  if (!existsSync(path.join(dist, 'index.js'))) throw new Error(`build failed (tsc exit ${code}):\n${out}`);
  // The build's own package scope, as the package's: ES modules, and #platform/* by the runtime's conditions.
  const { imports } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { imports?: unknown };
  writeFileSync(path.join(dist, 'package.json'), JSON.stringify({ type: 'module', imports: JSON.parse(JSON.stringify(imports ?? {}).replaceAll('./dist/', './')) }));
  // ... and a tsconfig of its own: Bun follows the nearest one's paths, and the checkout's lead #platform/* to the sources.
  writeFileSync(path.join(dist, 'tsconfig.json'), '{}\n');
  // Where #platform/transport.js resolves from inside the build, for the runtime figures to check.
  writeFileSync(path.join(dist, 'bench-transport.js'), "export const transport = import.meta.resolve('#platform/transport.js');\n");
  const warnings = code === 0 ? [] : out.split('\n').filter((line) => line.includes('error TS')).slice(0, 5);
  const read = (file: string) => (existsSync(path.join(dist, file)) ? readFileSync(path.join(dist, file), 'utf8') : '');
  const traits = {
    kySession: /\bky\.create\(/.test(read('http/session.js')),
    classTransformer: /plainToInstance/.test(read('resources/entity.js')),
    ignoreDecorators: /ignoreDecorators/.test(read('resources/entity.js')),
    pageAtOnce: /fromApiList/.test(read('resources/collection.js')),
    uploadBody: /documentBody/.test(read('resources/collection.js')),
  };
  return { dist, seconds: (performance.now() - start) / 1000, warnings, traits };
}
