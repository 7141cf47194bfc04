/** `las emulator start`: the emulator in process, its printed lines, and `--tls`. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Credentials } from '../../../src/auth/credentials.js';
import { run } from '../src/run.js';
import { Las } from '../../../src/las.js';
import { fetchTrusting } from '../../emulator/test/tls-fetch.js';
import { capture, cli } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'las-cli-emulator-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('las emulator start --tls serves HTTPS; its printed lines reach it, trusting the printed certificate file; Ctrl+C stops it', async () => {
  const stdout = capture();
  const stderr = capture();
  const controller = new AbortController();
  const running = run(['emulator', 'start', '--tls', '--data', dir, '--quiet'], { stdout, stderr, stdin: Readable.from([]), env: {}, signal: controller.signal });
  try {
    for (let waited = 0; !stdout.text.includes('Press Ctrl+C') && waited < 60_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    const value = (name: string) => new RegExp(`^export ${name}=(.*)$`, 'm').exec(stdout.text)?.[1] as string;
    const caFile = path.join(dir, 'cert.pem');
    expect({ auth: value('LAS_AUTH_ENDPOINT'), node: value('NODE_EXTRA_CA_CERTS'), python: value('REQUESTS_CA_BUNDLE') }).toEqual({
      auth: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
      node: caFile,
      python: caFile,
    });
    const credentials = new Credentials({
      clientId: value('LAS_CLIENT_ID'),
      clientSecret: value('LAS_CLIENT_SECRET'),
      authEndpoint: value('LAS_AUTH_ENDPOINT'),
      apiEndpoint: value('LAS_API_ENDPOINT'),
      apiKey: value('LAS_API_KEY'),
    });
    const las = new Las({ credentials, fetch: fetchTrusting(readFileSync(caFile, 'utf8')), maxRetries: 0 });
    expect((await las.datasets.create({ name: 'over tls' })).name).toBe('over tls');
  } finally {
    controller.abort();
  }
  expect(await running).toBe(0);
  expect(stderr.text).toBe('LAS emulator stopped\n');
}, 60_000);

test('las emulator start --cert without --tls is a usage error', async () => {
  const result = await cli(['emulator', 'start', '--cert', path.join(dir, 'c.pem'), '--key', path.join(dir, 'k.pem')]);
  expect(result).toEqual({ code: 2, stdout: '', stderr: expect.stringContaining('--cert and --key are served only with --tls') });
});

test("las emulator start takes the las-emulator bin's flags too: --host, --client-id, --client-secret", async () => {
  const stdout = capture();
  const controller = new AbortController();
  const argv = ['emulator', 'start', '--host', '127.0.0.1', '--port', '0', '--client-id', 'my-client', '--client-secret', 'my-secret', '--quiet'];
  const running = run(argv, { stdout, stderr: capture(), stdin: Readable.from([]), env: {}, signal: controller.signal });
  try {
    for (let waited = 0; !stdout.text.includes('Press Ctrl+C') && waited < 60_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    const value = (name: string) => new RegExp(`^export ${name}=(.*)$`, 'm').exec(stdout.text)?.[1];
    expect({ id: value('LAS_CLIENT_ID'), secret: value('LAS_CLIENT_SECRET') }).toEqual({ id: 'my-client', secret: 'my-secret' });
  } finally {
    controller.abort();
  }
  expect(await running).toBe(0);
}, 60_000);

test.each([['abc'], ['-1'], ['65536'], ['']])('las emulator start --port %j is a usage error, as from las-emulator', async (port) => {
  const result = await cli(['emulator', 'start', '--port', port]);
  expect(result).toEqual({ code: 2, stdout: '', stderr: expect.stringContaining('--port must be a port number (0 to 65535)') });
});

test('las emulator start --api-version of no version is a usage error naming the versions', async () => {
  const unknown = await cli(['emulator', 'start', '--api-version', 'latest']);
  expect(unknown).toEqual({ code: 2, stdout: '', stderr: 'las: --api-version must be one of 2021-09-23, 2024-11-29, got "latest"\n' });
});

test('las emulator start prints export LAS_API_VERSION=<the version served> last of the credentials, 2021-09-23 by default', async () => {
  const cases = [[['--api-version', '2024-11-29'], '2024-11-29'], [['--api-version', '2021-09-23'], '2021-09-23'], [[], '2021-09-23']] as const;
  for (const [flags, version] of cases) {
    const stdout = capture();
    const controller = new AbortController();
    const running = run(['emulator', 'start', '--quiet', ...flags], { stdout, stderr: capture(), stdin: Readable.from([]), env: {}, signal: controller.signal });
    try {
      for (let waited = 0; !stdout.text.includes('Press Ctrl+C') && waited < 60_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      const exports = stdout.text.split('\n').filter((l) => l.startsWith('export ')).map((l) => `${l}\n`);
      expect(exports.at(-1)).toEqual(`export LAS_API_VERSION=${version}\n`);
      expect(stdout.text).toContain(`  API version:    ${version}\n`);
      expect(stdout.text.endsWith('\n\nPress Ctrl+C to stop.\n')).toBe(true);
    } finally {
      controller.abort();
    }
    expect(await running).toBe(0);
  }
}, 60_000);
