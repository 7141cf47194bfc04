/**
 * The emulator's module graph, as a fresh process loads it: the wire shapes (src/api) and the
 * emulator's own modules, never the SDK's HTTP client, its entity machinery or its resources.
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

describe('the modules las-sdk/emulator loads', () => {
  let emulator: string[];
  let root: string[];
  beforeAll(async () => {
    [emulator, root] = await Promise.all([modulesLoadedBy('src/emulator/index.ts'), modulesLoadedBy('src/index.ts')]);
  }, 120_000);

  it('include the wire shapes of src/api', () => {
    expect(emulator).toContain('src/emulator/index.ts');
    expect(emulator).toContain('src/api/datasets.ts');
  });

  it('include no ky, no class-transformer, no resources, jobs, Las or Session', () => {
    expect(emulator.filter((url) => FORBIDDEN.some((pattern) => pattern.test(url)))).toEqual([]);
  });

  it('are told apart from the SDK root, which loads all of those (the recording sees them)', () => {
    for (const pattern of FORBIDDEN) expect(root.some((url) => pattern.test(url))).toBe(true);
  });
});
