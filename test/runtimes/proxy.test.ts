/**
 * Proxies on Node: a script with HTTP_PROXY (absolute-form) or HTTPS_PROXY (CONNECT, to the
 * emulator's --tls) sends every request, the token's included, through the proxy; NO_PROXY and
 * `proxy: false` bypass it; the `proxy` option's user and password reach the proxy and never an error.
 */
import { startEmulator, type Emulator } from 'las-emulator';
import { runNode } from '../helpers/process.js';
// @ts-expect-error: a plain .mjs module, shared with scripts/runtimes.mjs
import { startProxy } from './proxy.mjs';

interface Proxy {
  url: string;
  seen: string[];
  close(): Promise<void>;
}

let plain: Emulator;
let tls: Emulator;
let proxy: Proxy;

beforeAll(async () => {
  [plain, tls, proxy] = await Promise.all([startEmulator(), startEmulator({ tls: true }), startProxy({ auth: 'user:s3cret' }) as Promise<Proxy>]);
}, 60_000);

afterAll(async () => {
  await Promise.all([plain?.close(), tls?.close(), proxy?.close()]);
});

beforeEach(() => {
  proxy.seen.length = 0;
});

const SCRIPT = `
  import { Las } from './src/index.ts';
  const options = process.env.LAS_TEST_PROXY === undefined ? {} : { proxy: process.env.LAS_TEST_PROXY === 'false' ? false : process.env.LAS_TEST_PROXY };
  const las = new Las(options);
  try {
    const dataset = await las.datasets.create({ name: 'through' });
    await las.datasets.list();
    console.log(JSON.stringify({ ok: dataset.name }));
  } catch (error) {
    console.log(JSON.stringify({ error: error.name, message: error.message }));
  }
`;

/** Runs the script against `emulator` with `env` added; what it printed. */
async function run(emulator: Emulator, env: Record<string, string>): Promise<{ ok?: string; error?: string; message?: string }> {
  const { clientId, clientSecret } = emulator.credentials;
  const out = await runNode(['--import', 'tsx', '--input-type=module', '-e', SCRIPT], {
    PATH: process.env.PATH,
    LAS_CLIENT_ID: clientId,
    LAS_CLIENT_SECRET: clientSecret,
    LAS_AUTH_ENDPOINT: emulator.url,
    LAS_API_ENDPOINT: emulator.apiEndpoint,
    ...(emulator.caFile && { NODE_EXTRA_CA_CERTS: emulator.caFile }),
    ...env,
  });
  return JSON.parse(out.trim().split('\n').pop() as string);
}

const withAuth = (url: string, auth = 'user:s3cret') => url.replace('http://', `http://${auth}@`);

test('HTTP_PROXY: the token request and every API request go through the proxy, in absolute-form', async () => {
  expect(await run(plain, { HTTP_PROXY: withAuth(proxy.url) })).toEqual({ ok: 'through' });
  expect(proxy.seen).toEqual([
    `POST ${plain.url}/token?grant_type=client_credentials`,
    `POST ${plain.apiEndpoint}/datasets`,
    `GET ${plain.apiEndpoint}/datasets`,
  ]);
}, 30_000);

test('HTTPS_PROXY: https goes through a CONNECT tunnel to the server', async () => {
  expect(await run(tls, { HTTPS_PROXY: withAuth(proxy.url) })).toEqual({ ok: 'through' });
  const authority = new URL(tls.url).host;
  expect(proxy.seen.length).toBeGreaterThan(0);
  expect(new Set(proxy.seen)).toEqual(new Set([`CONNECT ${authority}`]));
}, 30_000);

test('NO_PROXY naming the host, and proxy: false, bypass the proxy', async () => {
  expect(await run(plain, { HTTP_PROXY: withAuth(proxy.url), NO_PROXY: '127.0.0.1' })).toEqual({ ok: 'through' });
  expect(await run(plain, { HTTP_PROXY: withAuth(proxy.url), LAS_TEST_PROXY: 'false' })).toEqual({ ok: 'through' });
  expect(proxy.seen).toEqual([]);
}, 30_000);

test('the proxy option: its credentials reach the proxy; a refused one says so without them', async () => {
  expect(await run(plain, { LAS_TEST_PROXY: withAuth(proxy.url) })).toEqual({ ok: 'through' });
  expect(proxy.seen).toContain(`GET ${plain.apiEndpoint}/datasets`);
  const refused = await run(plain, { LAS_TEST_PROXY: withAuth(proxy.url, 'user:wrong-pass') });
  expect(refused.error).toBe('ConnectionError');
  expect(refused.message).toContain('407');
  expect(refused.message).not.toContain('wrong-pass');
}, 30_000);
