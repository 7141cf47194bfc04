/**
 * A request the transport never started cannot have been applied: the Session must not say it may
 * have been (Bun's stand-in undici threw `agent.dispatch is not a function` for every request, and
 * each POST was reported as maybe applied). And an undici whose Agent cannot dispatch at all is
 * not used: the platform's fetch sends instead.
 */
import { jest } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { thrown } from '../helpers/thrown.js';

let agentKind: 'throws' | 'no-dispatch' = 'throws';
class FakeAgent {
  constructor() {
    if (agentKind === 'throws') Object.assign(this, { dispatch: () => { throw new TypeError('dispatch refused'); } });
  }
  async close(): Promise<void> {}
}
jest.unstable_mockModule('undici', () => ({ Agent: FakeAgent, ProxyAgent: FakeAgent, EnvHttpProxyAgent: FakeAgent }));
const { createNodeFetch } = await import('../../src/http/transport.js');
const { Las } = await import('../../src/las.js');
const { ConnectionError } = await import('../../src/errors.js');

const tokens = { getAccessToken: async () => 'token' };

test('a POST whose dispatch threw before sending is a ConnectionError that was not applied', async () => {
  agentKind = 'throws';
  const las = new Las({ tokenProvider: tokens, apiEndpoint: 'http://127.0.0.1:9/v1', fetch: createNodeFetch() as typeof fetch, maxRetries: 0, logLevel: 'off' });
  const error = await thrown(las.datasets.create({ name: 'x' }));
  expect(error).toBeInstanceOf(ConnectionError);
  expect((error as InstanceType<typeof ConnectionError>).mayHaveBeenApplied).toBe(false);
  expect((error as Error).message).toContain('dispatch refused');
  expect((error as Error).message).not.toContain('may have received');
});

test('an undici Agent without dispatch is not used: the global fetch sends the request', async () => {
  agentKind = 'no-dispatch';
  const server = http.createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"datasets":[]}'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const las = new Las({ tokenProvider: tokens, apiEndpoint: `http://127.0.0.1:${port}/v1`, fetch: createNodeFetch() as typeof fetch, maxRetries: 0, logLevel: 'off' });
    const page = await las.datasets.list();
    expect(page.items).toEqual([]);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
