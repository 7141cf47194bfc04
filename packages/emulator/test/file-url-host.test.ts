/**
 * A document's fileUrl (API 2024-11-29) names the host the client reached the emulator at, by the
 * request's Host header: on this machine it is `localhost` on the client's port (a forwarded port
 * too); another host only over https and only when it names the emulator (its bound address, any
 * host when it listens on all of them); otherwise `http(s)://localhost:<its port>`. The spec's
 * pattern for it, `^http://localhost.*|^https://.*`, holds for every answer.
 */
import http from 'node:http';
import { setFileListener, type FileListener } from '../src/files/document-files.js';
import { startEmulator, type Emulator } from '../src/index.js';
import { internals } from '../src/internals.js';
import { answerChecker } from './answer-schemas.js';

const check = answerChecker([], '2024-11-29');

let emu: Emulator;
let port: number;
beforeAll(async () => {
  emu = await startEmulator({ apiVersion: '2024-11-29' });
  port = Number(new URL(emu.url).port);
});
afterAll(async () => {
  await emu?.close();
});

/** `POST /documents` sent to the emulator with `host` as its Host header; the answer's fileUrl. */
async function fileUrlReachedAt(host: string): Promise<string> {
  const token = await emu.credentials.getAccessToken();
  const body = await new Promise<string>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: '/v1/documents', headers: { host, authorization: `Bearer ${token}`, 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`${res.statusCode}: ${text}`))));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
  const document = JSON.parse(body) as { fileUrl: string };
  expect(check('#/components/schemas/Document', document)).toBeUndefined();
  const url = new URL(document.fileUrl);
  expect(url.pathname).toMatch(/^\/files\/[0-9a-f]{32}$/);
  return url.origin;
}

/** Runs `test` as though the emulator listened as `listener` says (tests bind only 127.0.0.1 over http). */
async function listening(listener: Omit<FileListener, 'port'>, test: () => Promise<void>): Promise<void> {
  const { store } = internals.get(emu) as NonNullable<ReturnType<typeof internals.get>>;
  setFileListener(store, { ...listener, port });
  try {
    await test();
  } finally {
    setFileListener(store, { secure: false, address: '127.0.0.1', port });
  }
}

test('over http on 127.0.0.1: localhost on the port the client used; any other host gets localhost on its own port', async () => {
  expect(await fileUrlReachedAt(`127.0.0.1:${port}`)).toBe(`http://localhost:${port}`);
  expect(await fileUrlReachedAt('localhost:9000')).toBe('http://localhost:9000');
  expect(await fileUrlReachedAt('127.0.0.1:9000')).toBe('http://localhost:9000');
  expect(await fileUrlReachedAt('[::1]:9001')).toBe('http://localhost:9001');
  expect(await fileUrlReachedAt('localhost')).toBe('http://localhost');
  // Not a host the emulator is bound to, and over http the spec allows only localhost.
  expect(await fileUrlReachedAt('192.168.1.5:9000')).toBe(`http://localhost:${port}`);
  for (const bad of ['localhost:99999', 'user@localhost:9000', 'localhost:9000/x', 'evil.example#localhost', '']) {
    expect(await fileUrlReachedAt(bad)).toBe(`http://localhost:${port}`);
  }
});

test('bound to all addresses: over https the host the client reached, over http still localhost', async () => {
  await listening({ secure: true, address: '0.0.0.0' }, async () => {
    expect(await fileUrlReachedAt('emu.example:8443')).toBe('https://emu.example:8443');
    expect(await fileUrlReachedAt('192.168.1.5:8443')).toBe('https://192.168.1.5:8443');
    expect(await fileUrlReachedAt('[fe80::1]:8443')).toBe('https://[fe80::1]:8443');
    expect(await fileUrlReachedAt('emu.example:443')).toBe('https://emu.example');
    expect(await fileUrlReachedAt('127.0.0.1:8443')).toBe('https://localhost:8443');
  });
  await listening({ secure: true, address: '::' }, async () => {
    expect(await fileUrlReachedAt('emu.example:8443')).toBe('https://emu.example:8443');
  });
  await listening({ secure: false, address: '0.0.0.0' }, async () => {
    expect(await fileUrlReachedAt('emu.example:8080')).toBe(`http://localhost:${port}`);
    expect(await fileUrlReachedAt('localhost:8080')).toBe('http://localhost:8080');
  });
});

test('bound to one address over https: that address, and no other host', async () => {
  await listening({ secure: true, address: '192.168.1.5' }, async () => {
    expect(await fileUrlReachedAt('192.168.1.5:8443')).toBe('https://192.168.1.5:8443');
    expect(await fileUrlReachedAt('emu.example:8443')).toBe(`https://localhost:${port}`);
  });
});
