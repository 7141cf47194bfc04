/* global setTimeout */
/**
 * A gate in front of the emulator for the runtime suite: it forwards every request, counts token
 * requests, answers CORS for a page, and fails on demand. A request with `X-Gate: <fault>:<key>`
 * gets the fault the first time that key is seen and goes through afterwards:
 * `503` (Service Unavailable), `401` (an expired token), `400` (a body with details), `slow` (the
 * answer waits 3 s). `GET /gate/tokens` answers `{ "tokens": n }`.
 */
import http from 'node:http';

const FAULTS = {
  503: { status: 503, body: { message: 'Service Unavailable' } },
  401: { status: 401, body: { message: 'The incoming token has expired' } },
  400: { status: 400, body: { message: 'Bad request from the gate', details: { field: 'name' } } },
};

/**
 * @param {string} target the emulator's URL (`http://127.0.0.1:<port>`)
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function startGate(target) {
  let tokens = 0;
  const seen = new Set();
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();
  const server = http.createServer((request, response) => {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-expose-headers': '*',
    };
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        ...cors,
        'access-control-allow-methods': 'GET, POST, PATCH, DELETE',
        'access-control-allow-headers': request.headers['access-control-request-headers'] ?? '*',
      });
      response.end();
      return;
    }
    if (request.url === '/gate/tokens') {
      response.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify({ tokens }));
      return;
    }
    if (request.method === 'POST' && request.url?.startsWith('/token')) tokens++;
    const gate = String(request.headers['x-gate'] ?? '');
    const [fault] = gate.split(':');
    const first = gate !== '' && !seen.has(gate);
    seen.add(gate);
    if (first && fault in FAULTS) {
      const { status, body } = FAULTS[/** @type {keyof typeof FAULTS} */ (fault)];
      request.resume();
      response.writeHead(status, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify(body));
      return;
    }
    const forward = () => {
      const headers = { ...request.headers };
      delete headers['x-gate'];
      const upstream = http.request(new URL(request.url ?? '/', target), { method: request.method, headers }, (answer) => {
        response.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...cors });
        answer.pipe(response);
      });
      upstream.on('error', () => response.destroy());
      request.pipe(upstream);
    };
    if (fault === 'slow') setTimeout(forward, 3000).unref();
    else forward();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}
