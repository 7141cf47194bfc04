import vm from 'node:vm';
import { TimeoutError, ValidationError } from '../../src/errors.js';
import type { RequestOptions } from '../../src/http/request-options.js';
import { Las } from '../../src/las.js';
import { API_KEY, serverCredentials, startServer, type TestServer } from '../helpers/server.js';
import { thrown } from '../helpers/thrown.js';

let server: TestServer;

beforeEach(async () => {
  server = await startServer();
});

afterEach(async () => {
  await server.close();
});

const DATASET = 'las:dataset:0123456789abcdef0123456789abcdef';
const busy = { status: 503, headers: { 'Retry-After': '0' }, body: { message: 'busy' } } as const;

function client(maxRetries = 0): Las {
  return new Las({ credentials: serverCredentials(server, { apiKey: API_KEY }), maxRetries });
}

describe('request options are checked before anything is sent', () => {
  test.each<[string, unknown, RegExp]>([
    ['an unknown option', { timout: 5 }, /^requestOptions: unknown option "timout" \(known: signal, timeout, totalTimeout, maxRetries, headers\)$/],
    ['a timeout of 0', { timeout: 0 }, /^requestOptions: timeout must be a whole number of milliseconds from 1 to 2147483647$/],
    ['a totalTimeout as a string', { totalTimeout: '100' }, /^requestOptions: totalTimeout must be a whole number/],
    ['11 retries', { maxRetries: 11 }, /^requestOptions: maxRetries must be a whole number from 0 to 10$/],
    ['a signal that is not one', { signal: { aborted: true } }, /^requestOptions: signal must be an AbortSignal$/],
    ['headers as a Headers', { headers: new Headers({ a: 'b' }) }, /^requestOptions: headers must be a plain object/],
    ['a header that is not a string', { headers: { 'x-n': 5 } }, /^requestOptions: headers has a value for "x-n" that is not a string$/],
    ['a header with a line break', { headers: { 'x-n': 'a\r\nInjected: 1' } }, /^requestOptions: headers has a value for "x-n" with a line break or NUL$/],
    ['a header name fetch refuses', { headers: { 'x n': 'a' } }, /^requestOptions: headers has an invalid header name "x n"$/],
    ['Authorization', { headers: { Authorization: 'Bearer mine' } }, /^requestOptions: headers may not set "Authorization": the SDK sets it from its credentials$/],
    ['authorization in lower case', { headers: { authorization: 'Bearer mine' } }, /may not set "authorization"/],
    ['X-Api-Key', { headers: { 'X-API-KEY': 'mine' } }, /may not set "X-API-KEY"/],
    ['options that are not an object', 5_000, /^requestOptions: the options must be an object$/],
  ])('%s is refused', async (_, options, message) => {
    const error = await thrown(client().datasets.get(DATASET, options as RequestOptions));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(message);
    expect(server.tokenRequests).toEqual([]);
    expect(server.requests).toEqual([]);
  });

  test('a header value is never echoed', async () => {
    const error = await thrown(client().datasets.get(DATASET, { headers: { authorization: 'Bearer my-own-secret' } }));
    expect((error as Error).message).not.toContain('my-own-secret');
  });
});

describe('per call values override the client\'s', () => {
  test('maxRetries, both ways', async () => {
    server.handle(() => busy);
    await expect(client(0).datasets.get(DATASET, { maxRetries: 2 })).rejects.toThrow();
    expect(server.requests).toHaveLength(3);
    await expect(client(2).datasets.get(DATASET, { maxRetries: 0 })).rejects.toThrow();
    expect(server.requests).toHaveLength(4);
  });

  test('totalTimeout bounds the call with its retries', async () => {
    server.handle(() => ({ status: 503, headers: { 'Retry-After': '2' }, body: {} }));
    const started = performance.now();
    await expect(client(5).datasets.get(DATASET, { totalTimeout: 300 })).rejects.toBeInstanceOf(TimeoutError);
    // Without it, five retries 2 s apart: well over 5 s.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(server.requests).toHaveLength(1);
  });

  // One test of "a plain object" for the whole SDK (schema's isPlainObject): a body from another realm was accepted, its headers refused.
  test('headers made in another realm (a vm context, a worker\'s message) are a plain object too', async () => {
    const headers = vm.runInNewContext('({ "X-Trace": "t2" })') as Record<string, string>;
    await client().datasets.get(DATASET, { headers });
    expect(server.requests[0].headers['x-trace']).toBe('t2');
  });

  test('headers go with the request; the SDK\'s Authorization and X-Api-Key stay', async () => {
    await client().datasets.get(DATASET, { headers: { 'X-Trace': 't1' } });
    expect(server.requests[0].headers).toMatchObject({ 'x-trace': 't1', authorization: 'Bearer token-1', 'x-api-key': API_KEY });
  });
});

describe('las.withOptions', () => {
  test('new defaults and headers, one token for both, the original unchanged', async () => {
    const las = client(0);
    const patient = las.withOptions({ maxRetries: 2, headers: { 'X-Team': 'ocr' } });
    server.reply(busy, { body: { datasetId: DATASET } });

    await patient.datasets.get(DATASET);
    server.reply(busy);
    await expect(las.datasets.get(DATASET)).rejects.toThrow();

    expect(server.requests.map((r) => [r.headers['x-team'], r.headers.authorization])).toEqual([
      ['ocr', 'Bearer token-1'],
      ['ocr', 'Bearer token-1'],
      [undefined, 'Bearer token-1'],
    ]);
    expect(server.tokenRequests).toHaveLength(1);
    expect(patient).toBeInstanceOf(Las);
  });

  test('its options are checked like the constructor\'s; credentials are not among them', () => {
    expect(() => client().withOptions({ timeout: -1 })).toThrow(/^las\.withOptions: timeout must be a whole number/);
    expect(() => client().withOptions({ credentials: undefined } as never)).toThrow(/^las\.withOptions: unknown option "credentials"/);
    expect(() => client().withOptions({ headers: { Authorization: 'x' } })).toThrow(ValidationError);
  });
});
