import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { Auth } from '../src/auth.js';
import { routesFor } from '../src/routes/index.js';
import { createServer } from '../src/server.js';
import { Store } from '../src/store.js';
import { WorkflowEngine } from '../src/workflow-engine.js';

/** The emulator's HTTP server over a store the test can look into, with a token for its API. */
export interface DirectServer {
  server: http.Server;
  store: Store;
  apiEndpoint: string;
  token: string;
  close(): Promise<void>;
}

/**
 * Starts the emulator's server without `startEmulator`: the test sees the store, and may set
 * the server's timeouts (`configure`) before it listens.
 */
export async function startDirect(configure: (server: http.Server) => void = () => {}): Promise<DirectServer> {
  const store = Store.open();
  const engine = new WorkflowEngine(store);
  const server = createServer({ routes: routesFor('2021-09-23'), auth: new Auth(store), context: { apiVersion: '2021-09-23', store, engine }, basePath: '/v1' });
  configure(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const token = 'direct-test-token';
  store.tokens.set(token, { appClientId: 'las:app-client:direct', expiresAt: Date.now() + 3_600_000 });
  return {
    server,
    store,
    apiEndpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    token,
    async close() {
      engine.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
