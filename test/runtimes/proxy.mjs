/* global Buffer */
/**
 * A forward proxy on 127.0.0.1 for tests: absolute-form requests (`GET http://host/path`) are
 * forwarded, CONNECT opens a tunnel. It records what went through it (never a credential), and
 * with `auth` ("user:password") answers 407 to a request without that Proxy-Authorization.
 */
import http from 'node:http';
import net from 'node:net';

/**
 * @param {{ auth?: string }} [options]
 * @returns {Promise<{ url: string, seen: string[], close(): Promise<void> }>}
 */
export async function startProxy(options = {}) {
  /** @type {string[]} */
  const seen = [];
  const expected = options.auth === undefined ? undefined : `Basic ${Buffer.from(options.auth).toString('base64')}`;
  const allowed = (/** @type {http.IncomingMessage} */ request) => expected === undefined || request.headers['proxy-authorization'] === expected;
  /** @type {Set<net.Socket>} */
  const sockets = new Set();
  const server = http.createServer((request, response) => {
    if (!allowed(request)) {
      seen.push(`refused ${request.method} ${request.url}`);
      response.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"' }).end();
      return;
    }
    seen.push(`${request.method} ${request.url}`);
    let target;
    try {
      target = new URL(request.url ?? '');
    } catch {
      response.writeHead(400).end('absolute-form expected');
      return;
    }
    const headers = { ...request.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = http.request(target, { method: request.method, headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  server.on('connect', (request, client, head) => {
    if (!allowed(request)) {
      seen.push(`refused CONNECT ${request.url}`);
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    seen.push(`CONNECT ${request.url}`);
    const [host, port] = splitHostPort(request.url ?? '');
    const upstream = net.connect(port, host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [upstream, client]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        upstream.destroy();
        client.destroy();
      });
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {net.AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}`,
    seen,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

/** "127.0.0.1:443" → ["127.0.0.1", 443]; "[::1]:443" → ["::1", 443]. */
function splitHostPort(authority) {
  const at = authority.lastIndexOf(':');
  return [authority.slice(0, at).replace(/^\[|\]$/g, ''), Number(authority.slice(at + 1))];
}
