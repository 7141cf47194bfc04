/**
 * What `las-emulator/flags` loads, as a fresh process loads it: itself only. `las --help` and every
 * `las` command declare the emulator's flags from it, so neither the emulator nor the SDK may come
 * with it. (The emulator itself imports las-sdk, which its user has loaded anyway: one copy.) And
 * what the `las` bin loads before a command runs (`las --version`): no client, no emulator.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The URLs of the modules a fresh process loads to import `entry` (a path from the root), through tsx. */
async function modulesLoadedBy(entry: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'test/layers/record-modules.mjs', entry], {
    cwd: ROOT,
    timeout: 60_000,
  });
  return (JSON.parse(stdout) as string[]).map((url) => url.replace(`file://${ROOT}`, ''));
}

const FORBIDDEN = [/(^|\/)node_modules\/ky\//, /(^|\/)node_modules\/class-transformer\//, /^src\/resources\//, /^src\/jobs\//, /^src\/las\.ts$/, /^src\/http\/session\.ts$/];

describe('the modules las-emulator/flags loads', () => {
  let flags: string[];
  let root: string[];
  beforeAll(async () => {
    [flags, root] = await Promise.all([modulesLoadedBy('packages/emulator/src/flags.ts'), modulesLoadedBy('src/index.ts')]);
  }, 120_000);

  it('are the flags module alone: nothing of the emulator, the SDK or any package', () => {
    expect(flags.filter((url) => url.startsWith('file:') || url.startsWith('/') || url.includes('/'))).toEqual(['packages/emulator/src/flags.ts']);
  });

  it('are told apart from the SDK root, which loads all of those (the recording sees them)', () => {
    for (const pattern of FORBIDDEN) expect(root.some((url) => pattern.test(url))).toBe(true);
  });
});

describe('the modules the las bin loads before a command runs', () => {
  let cli: string[];
  beforeAll(async () => {
    cli = await modulesLoadedBy('packages/cli/src/run.ts');
  }, 120_000);

  it('include the command tree and the SDK\'s errors (las-sdk/errors)', () => {
    expect(cli).toEqual(expect.arrayContaining(['packages/cli/src/program.ts', 'src/errors.ts']));
  });

  it('include no client (ky, class-transformer, resources, jobs, Las, Session) and no emulator', () => {
    expect(cli.filter((url) => FORBIDDEN.some((pattern) => pattern.test(url)) || url.startsWith('packages/emulator/src/index'))).toEqual([]);
  });
});
