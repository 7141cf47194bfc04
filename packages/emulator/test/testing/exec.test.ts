/** `las-emulator exec`: a command run against a fresh emulator, with the LAS_* variables, and its exit code. */
import { spawnBin } from '../bin.js';

// What the command prints: its LAS_* variables, and what the seeded emulator holds.
const PROBE = `
const { Las, Credentials } = await import(${JSON.stringify(new URL('../../../../src/index.ts', import.meta.url).href)});
const env = process.env;
const las = new Las({ credentials: new Credentials({ clientId: env.LAS_CLIENT_ID, clientSecret: env.LAS_CLIENT_SECRET, authEndpoint: env.LAS_AUTH_ENDPOINT, apiEndpoint: env.LAS_API_ENDPOINT }) });
const documents = await las.documents.list().toArray();
console.log(JSON.stringify({ version: env.LAS_API_VERSION ?? null, api: env.LAS_API_ENDPOINT, documents: documents.length }));
process.exit(Number(process.argv.at(-1)));
`;

// Under 2024-11-29: a Las made from the environment alone speaks it, and finds the 2024 seed.
const PROBE_2024 = `
const { Las } = await import(${JSON.stringify(new URL('../../../../src/index.ts', import.meta.url).href)});
const las = new Las();
const [document] = await las.documents.list().toArray();
const model = await las.models.create({ name: 'made', fieldConfig: { total: { type: 'amount', description: 'Total', maxLength: 10 } } });
const models = await las.models.list().toArray();
console.log(JSON.stringify({ version: process.env.LAS_API_VERSION, spoken: las.apiVersion, document: document.name, metadata: document.metadata, models: models.map((m) => m.name).sort(), width: model.width ?? null }));
`;

describe('las-emulator exec', () => {
  it('runs the command with the LAS_* variables of a seeded emulator, and exits with its code', async () => {
    const bin = spawnBin(['exec', '--seed', 'packages/emulator/test/testing/fixtures/seed.json', '--api-version', '2021-09-23', '--', process.execPath, '--import', 'tsx', '--input-type=module', '-e', PROBE, '7']);
    expect(await bin.exited).toBe(7);
    const line = JSON.parse(bin.output().trim().split('\n').at(-1) as string) as Record<string, unknown>;
    expect(line).toEqual({ version: '2021-09-23', api: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/v1$/), documents: 1 });
  }, 60_000);

  it('serves 2024-11-29 with --api-version 2024-11-29, and sets LAS_API_VERSION for the command', async () => {
    const bin = spawnBin(['exec', '--seed', 'packages/emulator/test/testing/fixtures/seed-2024.json', '--api-version', '2024-11-29', '--', process.execPath, '--import', 'tsx', '--input-type=module', '-e', PROBE_2024]);
    expect(await bin.exited).toBe(0);
    const line = JSON.parse(bin.output().trim().split('\n').at(-1) as string) as Record<string, unknown>;
    expect(line).toEqual({ version: '2024-11-29', spoken: '2024-11-29', document: 'a.pdf', metadata: { source: 'scanner' }, models: ['made', 'reader'], width: null });
  }, 60_000);

  it('passes a signal on to the command and exits as the shell reports it', async () => {
    const bin = spawnBin(['exec', '--', process.execPath, '-e', 'console.log("ready"); setInterval(() => {}, 1000)']);
    while (!bin.output().includes('ready')) await new Promise((resolve) => setTimeout(resolve, 20));
    bin.child.kill('SIGTERM');
    expect(await bin.exited).toBe(143);
  }, 60_000);

  it('refuses a missing command, an unknown API version and a command it cannot run', async () => {
    const none = spawnBin(['exec', '--seed', 'x.json']);
    expect(await none.exited).toBe(2);
    expect(none.output()).toContain('give the command after --');
    const version = spawnBin(['exec', '--api-version', '2024-13-01', '--', 'true']);
    expect(await version.exited).toBe(1);
    expect(version.output()).toContain("unknown API version '2024-13-01'");
    const missing = spawnBin(['exec', '--', 'no-such-command-anywhere']);
    expect(await missing.exited).toBe(127);
    expect(missing.output()).toContain('could not run no-such-command-anywhere');
  }, 60_000);
});
