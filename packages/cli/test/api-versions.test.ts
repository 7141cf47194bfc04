/**
 * `--api-version` (CLI.md "API versions"): the commands 2024-11-29 adds send exactly their request,
 * commands of the other version exit 2 naming the version that has them before anything is sent,
 * and the version is the flag's, else LAS_API_VERSION's, else the credentials file's, else the seed's.
 * The emulator speaks 2021-09-23 only, so a small scripted server answers here.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { API_VERSIONS as SDK_API_VERSIONS } from '../../../src/browser.js';
import { API_VERSIONS } from '../src/define.js';
import { cli, useTempDir } from './helpers.js';

/** A request the server got, past the token. */
interface Seen {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

const seen: Seen[] = [];
let server: Server;
let url = '';
const tmp = useTempDir('las-cli-versions-');

beforeAll(async () => {
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      const at = new URL(request.url ?? '/', url);
      response.setHeader('content-type', 'application/json');
      if (at.pathname === '/token') {
        response.end(JSON.stringify({ access_token: 'token', expires_in: 3600, token_type: 'Bearer' }));
        return;
      }
      seen.push({ method: request.method ?? '', path: at.pathname, query: Object.fromEntries(at.searchParams), body: text ? JSON.parse(text) : undefined });
      // A list answers an empty page under its key; anything else an empty entity.
      const key = LIST_KEYS.find((k) => at.pathname.endsWith(`/${k}`));
      response.end(JSON.stringify(request.method === 'GET' && key ? { [key]: [], nextToken: null } : {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen.length = 0;
});

const LIST_KEYS = ['trainings', 'transformations', 'organizations', 'deploymentEnvironments', 'plans', 'roles', 'paymentMethods', 'models', 'batches'];

function env(extra: Record<string, string> = {}): Record<string, string> {
  return { LAS_CLIENT_ID: 'id', LAS_CLIENT_SECRET: 'secret', LAS_AUTH_ENDPOINT: url, LAS_API_ENDPOINT: url, HOME: tmp.path, ...extra };
}

const MODEL = 'las:model:invoice-reader';
const TRAINING = 'las:model-training:first';
const DATASET = 'las:dataset:0123456789abcdef0123456789abcdef';
const BUNDLE = 'las:model-data-bundle:0123456789abcdef0123456789abcdef';
const TRANSFORMATION = 'las:dataset-transformation:0123456789abcdef0123456789abcdef';
const PAYMENT = 'las:payment-method:0123456789abcdef0123456789abcdef';
const PROFILE = 'las:profile:0123456789abcdef0123456789abcdef';
const PREDICTION = 'las:prediction:0123456789abcdef0123456789abcdef';

/** Each command 2024-11-29 adds, and the one request it sends. */
const COMMANDS_2024: [argv: string[], request: Omit<Seen, 'query'> & { query?: Record<string, string> }][] = [
  [['app-clients', 'get', 'las:app-client:reader'], { method: 'GET', path: '/appClients/las%3Aapp-client%3Areader', body: undefined }],
  [['models', 'get-data-bundle', MODEL, BUNDLE], { method: 'GET', path: `/models/las%3Amodel%3Ainvoice-reader/dataBundles/${encodeURIComponent(BUNDLE)}`, body: undefined }],
  [
    ['models', 'create-training', MODEL, '--data-bundle-ids', BUNDLE, '--name', 'first', '--data-scientist-assistance', 'true', '--metadata', '{"team":"a"}'],
    { method: 'POST', path: '/models/las%3Amodel%3Ainvoice-reader/trainings', body: { dataBundleIds: [BUNDLE], dataScientistAssistance: true, metadata: { team: 'a' }, name: 'first' } },
  ],
  [['models', 'list-trainings', MODEL, '--max-results', '5'], { method: 'GET', path: '/models/las%3Amodel%3Ainvoice-reader/trainings', query: { maxResults: '5' }, body: undefined }],
  [['models', 'get-training', MODEL, TRAINING], { method: 'GET', path: '/models/las%3Amodel%3Ainvoice-reader/trainings/las%3Amodel-training%3Afirst', body: undefined }],
  [
    ['models', 'update-training', MODEL, TRAINING, '--status', 'cancelled', '--description', 'null'],
    { method: 'PATCH', path: '/models/las%3Amodel%3Ainvoice-reader/trainings/las%3Amodel-training%3Afirst', body: { status: 'cancelled', description: null } },
  ],
  [
    ['datasets', 'create-transformation', DATASET, '--operations', '[{"type":"remove-duplicates"}]'],
    { method: 'POST', path: `/datasets/${encodeURIComponent(DATASET)}/transformations`, body: { operations: [{ type: 'remove-duplicates' }] } },
  ],
  [['datasets', 'list-transformations', DATASET], { method: 'GET', path: `/datasets/${encodeURIComponent(DATASET)}/transformations`, body: undefined }],
  [['datasets', 'delete-transformation', DATASET, TRANSFORMATION], { method: 'DELETE', path: `/datasets/${encodeURIComponent(DATASET)}/transformations/${encodeURIComponent(TRANSFORMATION)}`, body: undefined }],
  [['organizations', 'create', '--name', 'Acme'], { method: 'POST', path: '/organizations', body: { name: 'Acme' } }],
  [['organizations', 'list'], { method: 'GET', path: '/organizations', body: undefined }],
  [['predictions', 'get', PREDICTION], { method: 'GET', path: `/predictions/${encodeURIComponent(PREDICTION)}`, body: undefined }],
  [['deployment-environments', 'list'], { method: 'GET', path: '/deploymentEnvironments', body: undefined }],
  [['deployment-environments', 'get', 'las:deployment-environment:gpu'], { method: 'GET', path: '/deploymentEnvironments/las%3Adeployment-environment%3Agpu', body: undefined }],
  [['plans', 'list'], { method: 'GET', path: '/plans', body: undefined }],
  [['plans', 'get', 'las:plan:pro'], { method: 'GET', path: '/plans/las%3Aplan%3Apro', body: undefined }],
  [['roles', 'list'], { method: 'GET', path: '/roles', body: undefined }],
  [['roles', 'get', 'las:role:admin'], { method: 'GET', path: '/roles/las%3Arole%3Aadmin', body: undefined }],
  [['payment-methods', 'create', '--name', 'card'], { method: 'POST', path: '/paymentMethods', body: { name: 'card' } }],
  [['payment-methods', 'list'], { method: 'GET', path: '/paymentMethods', body: undefined }],
  [['payment-methods', 'get', PAYMENT], { method: 'GET', path: `/paymentMethods/${encodeURIComponent(PAYMENT)}`, body: undefined }],
  [['payment-methods', 'update', PAYMENT, '--description', 'the card'], { method: 'PATCH', path: `/paymentMethods/${encodeURIComponent(PAYMENT)}`, body: { description: 'the card' } }],
  [['payment-methods', 'delete', PAYMENT], { method: 'DELETE', path: `/paymentMethods/${encodeURIComponent(PAYMENT)}`, body: undefined }],
  [['profiles', 'get', PROFILE], { method: 'GET', path: `/profiles/${encodeURIComponent(PROFILE)}`, body: undefined }],
  [['profiles', 'update', PROFILE, '--given-name', 'Ada'], { method: 'PATCH', path: `/profiles/${encodeURIComponent(PROFILE)}`, body: { givenName: 'Ada' } }],
];

test('--api-version takes the versions the SDK speaks', () => {
  expect([...API_VERSIONS]).toEqual([...SDK_API_VERSIONS]);
});

describe.each(COMMANDS_2024)('las --api-version 2024-11-29 %j', (argv, request) => {
  test('sends exactly its request, and exits 0', async () => {
    const result = await cli(['--api-version', '2024-11-29', ...argv], { env: env() });
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(seen).toEqual([{ query: {}, ...request }]);
  });

  test('under 2021-09-23 exits 2 naming 2024-11-29, and sends nothing', async () => {
    const result = await cli(argv, { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`las: ${argv.slice(0, 2).join(' ')} is a command of API version 2024-11-29, not of 2021-09-23: choose it with --api-version 2024-11-29, LAS_API_VERSION or api_version in the credentials file\n`);
    expect(seen).toEqual([]);
  });
});

test('a command of 2021-09-23 only exits 2 under 2024-11-29, naming 2021-09-23', async () => {
  const result = await cli(['batches', 'list', '--api-version', '2024-11-29'], { env: env() });
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('is a call of API version 2021-09-23, not of 2024-11-29');
  expect(seen).toEqual([]);
});

test('an unknown --api-version is a usage error (exit 2) listing the versions', async () => {
  const result = await cli(['--api-version', '2025-01-01', 'plans', 'list'], { env: env() });
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('2021-09-23, 2024-11-29');
  expect(seen).toEqual([]);
});

describe('which version a run speaks', () => {
  function credentialsFile(apiVersion: string): string {
    const file = join(tmp.path, `credentials-${apiVersion}.cfg`);
    writeFileSync(file, `[default]\nclient_id = id\nclient_secret = secret\nauth_endpoint = ${url}\napi_endpoint = ${url}\napi_version = ${apiVersion}\n`);
    return file;
  }

  test.each<[string, string[], Record<string, string>, number]>([
    ['the flag over LAS_API_VERSION', ['--api-version', '2024-11-29'], { LAS_API_VERSION: '2021-09-23' }, 0],
    ['the flag after the command', ['plans', 'list', '--api-version', '2024-11-29'], { LAS_API_VERSION: '2021-09-23' }, 0],
    ['LAS_API_VERSION without the flag', [], { LAS_API_VERSION: '2024-11-29' }, 0],
    ['the flag saying 2021-09-23 over LAS_API_VERSION', ['--api-version', '2021-09-23'], { LAS_API_VERSION: '2024-11-29' }, 2],
    ["the seed's without either", [], {}, 2],
  ])('%s', async (_, flags, extra, code) => {
    const argv = flags.includes('plans') ? flags : [...flags, 'plans', 'list'];
    const result = await cli(argv, { env: env(extra) });
    expect(result.code).toBe(code);
    expect(seen).toEqual(code === 0 ? [{ method: 'GET', path: '/plans', query: {}, body: undefined }] : []);
  });

  test.each<[string, string[], Record<string, string>, number]>([
    ["the credentials file's api_version without the flag or LAS_API_VERSION", [], {}, 0],
    ['LAS_API_VERSION over the file', [], { LAS_API_VERSION: '2021-09-23' }, 2],
    ['the flag over the file', ['--api-version', '2021-09-23'], {}, 2],
  ])('%s', async (_, flags, extra, code) => {
    const environment = { HOME: tmp.path, LAS_CREDENTIALS_FILE: credentialsFile('2024-11-29'), ...extra };
    const result = await cli([...flags, 'plans', 'list'], { env: environment });
    expect(result.code).toBe(code);
    expect(seen).toEqual(code === 0 ? [{ method: 'GET', path: '/plans', query: {}, body: undefined }] : []);
  });
});
