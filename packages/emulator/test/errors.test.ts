/**
 * Every error answer is JSON `{ message }` in the service's words (API Gateway and Cognito):
 * the ones the routes give, and the ones Node's HTTP parser gives before any route runs.
 */
import net from 'node:net';
import { startDirect } from './direct-server.js';
import { raw, useEmulator } from './helpers.js';

const t = useEmulator();

const MISSING = `las:dataset:${'0'.repeat(32)}`;

describe("the service's wording", () => {
  test('no Authorization header: 401 Unauthorized; one that is not a bearer token: the same', async () => {
    expect(await raw(t.emu, 'GET', '/datasets', { token: null })).toEqual({ status: 401, body: { message: 'Unauthorized' } });
    const basic = await raw(t.emu, 'GET', '/datasets', { token: null, headers: { authorization: 'Basic eDp5' } });
    expect(basic).toEqual({ status: 401, body: { message: 'Unauthorized' } });
  });

  test('a bearer token the server never handed out: 403 {"message":"Forbidden"}, exactly', async () => {
    expect(await raw(t.emu, 'GET', '/datasets', { token: 'made-up' })).toEqual({ status: 403, body: { message: 'Forbidden' } });
  });

  test('a path or a method the API does not have: 403 Missing Authentication Token, with or without a token', async () => {
    const answer = { status: 403, body: { message: 'Missing Authentication Token' } };
    expect(await raw(t.emu, 'GET', '/nothing')).toEqual(answer);
    expect(await raw(t.emu, 'GET', '/nothing', { token: null })).toEqual(answer);
    expect(await raw(t.emu, 'PUT', '/datasets')).toEqual(answer);
    expect(await raw(t.emu, 'DELETE', '/organizations')).toEqual(answer);
    const outside = await fetch(`${t.emu.url}/elsewhere`);
    expect({ status: outside.status, body: await outside.json() }).toEqual(answer);
  });

  test('an unknown id of an existing route stays a 404 naming it', async () => {
    expect(await raw(t.emu, 'GET', `/datasets/${MISSING}`)).toEqual({ status: 404, body: { message: `Dataset ${MISSING} not found` } });
  });
});

describe('echoed values are capped', () => {
  test('a megabyte-long unknown key or state type gives a message of at most 500 characters naming the field', async () => {
    const key = 'k'.repeat(1_000_000);
    const unknown = await raw(t.emu, 'POST', '/datasets', { body: { [key]: 1 } });
    expect(unknown.status).toBe(400);
    const message = unknown.body.message as string;
    expect(message.length).toBeLessThanOrEqual(500);
    expect(message).toMatch(/^body\.k+…: is not a known property$/);

    const definition = { StartAt: 'A', States: { A: { Type: 'x'.repeat(1_000_000), End: true } } };
    const type = await raw(t.emu, 'POST', '/workflows', { body: { specification: { definition } } });
    expect(type.status).toBe(400);
    expect((type.body.message as string).length).toBeLessThanOrEqual(500);
    expect(type.body.message).toMatch(/^body\.specification\.definition\.States\.A\.Type: must be one of Task, Pass, Choice, Succeed, Fail/);
  });
});

/** Sends `request` on a raw socket and resolves with everything the server wrote before closing. */
function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.write(request);
  });
}

/** Status and JSON body of a raw HTTP answer. */
function parse(response: string): { status: number; type: string | undefined; body: unknown } {
  const [head, body] = response.split('\r\n\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(head)?.[1]);
  const type = /\r\ncontent-type: ([^\r]*)/i.exec(head)?.[1];
  return { status, type, body: JSON.parse(body) };
}

describe("answers Node's HTTP parser gives", () => {
  const port = () => Number(new URL(t.emu.url).port);

  test('headers larger than the limit: 431 with a JSON message', async () => {
    const response = await rawExchange(port(), `GET /v1/datasets HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`);
    expect(parse(response)).toEqual({
      status: 431,
      type: 'application/json',
      body: { message: expect.stringMatching(/^The request headers are larger than \d+ bytes$/) },
    });
  });

  test('a malformed request: 400 with a JSON message', async () => {
    const response = await rawExchange(port(), 'NOT HTTP AT ALL\r\n\r\n');
    expect(parse(response)).toEqual({ status: 400, type: 'application/json', body: { message: expect.stringMatching(/^The request is not valid HTTP/) } });
  });

  test('headers not received in time: 408 with a JSON message', async () => {
    // Short limits so the test does not wait Node's minute; the check runs every 50 ms.
    const direct = await startDirect((server) => Object.assign(server, { headersTimeout: 300, requestTimeout: 300, connectionsCheckingInterval: 50 }));
    try {
      const response = await rawExchange((direct.server.address() as net.AddressInfo).port, 'GET /v1/datasets HTTP/1.1\r\nHost: x\r\n');
      expect(parse(response)).toEqual({ status: 408, type: 'application/json', body: { message: 'The request was not received in time' } });
    } finally {
      await direct.close();
    }
  });

  test('a request target no URL can hold (//): 403 as any path the API does not have, not a 500', async () => {
    const response = await fetch(`${t.emu.url}//`);
    expect({ status: response.status, body: await response.json() }).toEqual({ status: 403, body: { message: 'Missing Authentication Token' } });
  });
});
