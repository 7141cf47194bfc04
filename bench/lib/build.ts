/**
 * Builds the package as users get it (tsc, not tsx's transpile: decorator metadata and all) from
 * src/index.ts and what it imports, so work in progress elsewhere in src cannot stop a run.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
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
      // las-sdk/api, which the emulator and the CLI import since the packages split; the `las` bin of a
      // tree from before it (src/cli); the transport under ky, built even where nothing in index.ts imports it yet;
      // and the transports Bun and Deno take by their conditions (bench/runtimes.ts runs the build there).
      files: [
        path.join(srcDir, 'index.ts'),
        ...['api/index.ts', 'cli/index.ts', 'http/transport.ts', 'platform/bun/transport.ts', 'platform/deno/transport.ts']
          .map((file) => path.join(srcDir, file))
          .filter(existsSync),
      ],
    }),
  );
  const { code, out } = await exec(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', config]);
  if (!existsSync(path.join(dist, 'index.js'))) throw new Error(`build failed (tsc exit ${code}):\n${out}`);
  // The build's own package scope, as the package's: ES modules, and #platform/* by the runtime's conditions.
  const { imports } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { imports?: unknown };
  writeFileSync(
    path.join(dist, 'package.json'),
    JSON.stringify({
      name: 'las-sdk',
      type: 'module',
      imports: JSON.parse(JSON.stringify(imports ?? {}).replaceAll('./dist/', './')),
      exports: { '.': './index.js', './api': './api/index.js', './errors': './errors.js' },
    }),
  );
  // ... and a tsconfig of its own: Bun follows the nearest one's paths, and the checkout's lead #platform/* to the sources.
  writeFileSync(path.join(dist, 'tsconfig.json'), '{}\n');
  // Where #platform/transport.js resolves from inside the build, for the runtime figures to check.
  writeFileSync(path.join(dist, 'bench-transport.js'), "export const transport = import.meta.resolve('#platform/transport.js');\n");
  const packagesDir = path.join(srcDir, '..', 'packages');
  if (existsSync(path.join(packagesDir, 'cli', 'src', 'index.ts'))) await buildPackages(packagesDir, dist);
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

/**
 * The emulator and the CLI (packages/*), as installed beside the build of the SDK: each in
 * `<dist>-packages/<name>/dist` with its package.json, `las-sdk` and `las-emulator` linked in
 * `<dist>-packages/node_modules`. Transpiled file by file (they hold no decorators: tsc's
 * metadata, which the SDK's entities need, changes nothing in them).
 */
async function buildPackages(packagesDir: string, dist: string): Promise<void> {
  const out = packagesOf(dist);
  rmSync(out, { recursive: true, force: true });
  for (const name of ['emulator', 'cli']) {
    const source = path.join(packagesDir, name, 'src');
    const files = (readdirSync(source, { recursive: true }) as string[]).filter((file) => file.endsWith('.ts')).map((file) => path.join(source, file));
    await esbuild({ entryPoints: files, outdir: path.join(out, name, 'dist'), outbase: source, format: 'esm', platform: 'node', target: 'es2022', logLevel: 'error' });
    copyFileSync(path.join(packagesDir, name, 'package.json'), path.join(out, name, 'package.json'));
  }
  mkdirSync(path.join(out, 'node_modules'));
  symlinkSync(dist, path.join(out, 'node_modules', 'las-sdk'), 'dir');
  symlinkSync(path.join(out, 'emulator'), path.join(out, 'node_modules', 'las-emulator'), 'dir');
}

/** Where {@link build} puts the emulator and the CLI of the build in `dist`. */
export function packagesOf(dist: string): string {
  return `${dist}-packages`;
}

/** The `las` bin and the emulator's entry of a build: from packages/ since the split, else from the SDK's own dist. */
export function cliOf(dist: string): { bin: string; emulator: string } {
  const packages = packagesOf(dist);
  return existsSync(path.join(packages, 'cli', 'dist', 'index.js'))
    ? { bin: path.join(packages, 'cli', 'dist', 'index.js'), emulator: path.join(packages, 'emulator', 'dist', 'index.js') }
    : { bin: path.join(dist, 'cli', 'index.js'), emulator: path.join(dist, 'emulator', 'index.js') };
}
