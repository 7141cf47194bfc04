/**
 * The emulator's HTTPS certificate (src/emulator/tls.ts) and its server with `tls`: a local
 * authority and a server certificate for the loopback names, kept in a data directory (0600) and
 * found again, or the files given; a client trusting only the authority's file reaches it.
 */
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Auth } from '../src/auth.js';
import { routesFor } from '../src/routes/index.js';
import { createServer } from '../src/server.js';
import { Store } from '../src/store.js';
import { serialNumber, tlsMaterial, type TlsMaterial } from '../src/tls.js';
import { generateKeyPairSync } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import forge from 'node-forge';
import { WorkflowEngine } from '../src/workflow-engine.js';
import { fetchTrusting } from './tls-fetch.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'las-emulator-cert-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/**
 * The status of `GET /v1/datasets` (no token: 401) from the emulator's server over HTTPS, reached
 * at each of `hosts` by a client trusting `caFile`, then by Node's own fetch (`refused`, as it
 * trusts nothing more).
 */
async function statusOver(material: TlsMaterial, hosts: string[]): Promise<(number | string)[]> {
  const store = Store.open();
  const engine = new WorkflowEngine(store);
  const server = createServer({ routes: routesFor('2021-09-23'), auth: new Auth(store), context: { apiVersion: '2021-09-23', store, engine }, basePath: '/v1', tls: material });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const fetch = fetchTrusting(readFileSync(material.caFile, 'utf8'));
    const statuses = [];
    for (const host of hosts) statuses.push((await fetch(`https://${host}:${port}/v1/datasets`)).status);
    statuses.push(await globalThis.fetch(`https://127.0.0.1:${port}/v1/datasets`).then((answer) => answer.status, () => 'refused'));
    return statuses;
  } finally {
    engine.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

test('a made certificate serves 127.0.0.1 and localhost to a client that trusts cert.pem; Node without it refuses', async () => {
  const material = await tlsMaterial({ dataDir: dir });
  expect(material.caFile).toBe(path.join(dir, 'cert.pem'));
  expect(await statusOver(material, ['127.0.0.1', 'localhost'])).toEqual([401, 401, 'refused']);
});

test('a data directory keeps the authority and the key (0600) and gives them again; a temporary one is removed by dispose', async () => {
  const first = await tlsMaterial({ dataDir: dir });
  for (const file of ['cert.pem', 'server-cert.pem', 'server-key.pem']) expect(statSync(path.join(dir, file)).mode & 0o777).toBe(0o600);
  const again = await tlsMaterial({ dataDir: dir });
  expect({ cert: again.cert, key: again.key }).toEqual({ cert: first.cert, key: first.key });

  const temporary = await tlsMaterial({});
  expect(statSync(temporary.caFile).isFile()).toBe(true);
  temporary.dispose();
  expect(() => statSync(temporary.caFile)).toThrow();
});

test('given files are served as they are and trusted through the certificate file', async () => {
  const made = await tlsMaterial({ dataDir: dir });
  const certFile = path.join(dir, 'chain.pem');
  writeFileSync(certFile, made.cert);
  const given = await tlsMaterial({ certFile, keyFile: path.join(dir, 'server-key.pem') });
  expect({ cert: given.cert, key: given.key, caFile: given.caFile }).toEqual({ cert: made.cert, key: made.key, caFile: certFile });
  expect(await statusOver(given, ['localhost'])).toEqual([401, 'refused']);
  await expect(tlsMaterial({ certFile })).rejects.toThrow('TLS: a certificate file needs its key file');
});

test('serial numbers are positive DER integers in their shortest form, whatever the random bytes', () => {
  // The random bytes that made `00` + hex fail: a zero byte then one below 0x80 ("illegal padding").
  const unlucky = new Uint8Array(16);
  unlucky[1] = 0x11;
  expect(serialNumber(unlucky)).toBe(`0111${'00'.repeat(14)}`);
  expect(serialNumber(new Uint8Array(16).fill(0xff))).toMatch(/^7f(ff){15}$/);

  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }) as string);
  cert.serialNumber = serialNumber(unlucky);
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  cert.setSubject([{ name: 'commonName', value: 'serial' }]);
  cert.setIssuer([{ name: 'commonName', value: 'serial' }]);
  cert.sign(forge.pki.privateKeyFromPem(key), forge.md.sha256.create());
  expect(() => createSecureContext({ cert: forge.pki.certificateToPem(cert), key })).not.toThrow();
});
