/**
 * The emulator's HTTPS certificate: the files given (`--cert/--key`), or a local certificate
 * authority made at start with a server certificate for 127.0.0.1, ::1 and localhost signed by
 * it. Clients trust the authority (`cert.pem`: `NODE_EXTRA_CA_CERTS`, `REQUESTS_CA_BUNDLE`); kept
 * in the data directory when there is one, so that trust survives a restart.
 */
import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type forge from 'node-forge';

/** Where the TLS material comes from. */
export interface TlsSource {
  /** The state directory: the certificate is kept (and found again) there. */
  dataDir?: string;
  /** A PEM certificate (chain) to serve instead of a made one; needs `keyFile`. */
  certFile?: string;
  /** The PEM private key of `certFile`. */
  keyFile?: string;
}

/** What the HTTPS server serves, and the file clients trust. */
export interface TlsMaterial {
  /** PEM: the server certificate followed by its issuer. */
  cert: string;
  /** PEM private key of the server certificate. */
  key: string;
  /** The certificate file a client trusts (`NODE_EXTRA_CA_CERTS`, `REQUESTS_CA_BUNDLE`). */
  caFile: string;
  /** Removes what was written to a temporary directory (nothing when kept elsewhere). */
  dispose(): void;
}

/** The file clients trust, in the data directory or a temporary one. */
export const CA_FILE = 'cert.pem';
const SERVER_CERT_FILE = 'server-cert.pem';
const SERVER_KEY_FILE = 'server-key.pem';
const VALID_DAYS = 825;
// A kept certificate that expires within this time is replaced at start.
const RENEW_BEFORE_MS = 7 * 24 * 3600 * 1000;

/** The certificate to serve: given, kept in the data directory, or made now. */
export async function tlsMaterial(source: TlsSource): Promise<TlsMaterial> {
  if (source.certFile !== undefined || source.keyFile !== undefined) {
    if (source.certFile === undefined || source.keyFile === undefined) throw new Error('TLS: a certificate file needs its key file, and a key file its certificate');
    const cert = readFileSync(source.certFile, 'utf8');
    return { cert, key: readFileSync(source.keyFile, 'utf8'), caFile: path.resolve(source.certFile), dispose: () => {} };
  }
  const dir = source.dataDir ?? mkdtempSync(path.join(tmpdir(), 'las-emulator-tls-'));
  const dispose = source.dataDir === undefined ? () => rmSync(dir, { recursive: true, force: true }) : () => {};
  const files = { ca: path.join(dir, CA_FILE), cert: path.join(dir, SERVER_CERT_FILE), key: path.join(dir, SERVER_KEY_FILE) };
  if (!usable(files)) {
    const made = await makeCertificates();
    writePrivate(files.key, made.serverKey);
    writePrivate(files.cert, made.serverCert);
    writePrivate(files.ca, made.caCert);
  }
  const ca = readFileSync(files.ca, 'utf8');
  return { cert: readFileSync(files.cert, 'utf8') + ca, key: readFileSync(files.key, 'utf8'), caFile: files.ca, dispose };
}

function usable(files: { ca: string; cert: string; key: string }): boolean {
  if (![files.ca, files.cert, files.key].every((file) => existsSync(file))) return false;
  try {
    const cert = new X509Certificate(readFileSync(files.cert));
    return Date.parse(cert.validTo) - Date.now() > RENEW_BEFORE_MS && cert.checkIP('127.0.0.1') !== undefined;
  } catch {
    return false;
  }
}

function writePrivate(file: string, text: string): void {
  writeFileSync(file, text, { mode: 0o600 });
  // The mode above applies only to a new file.
  chmodSync(file, 0o600);
}

async function makeCertificates(): Promise<{ caCert: string; serverCert: string; serverKey: string }> {
  // Loaded only when a certificate is made: the emulator without --tls never needs it.
  const { default: forge } = await import('node-forge');
  const { pki } = forge;
  // Node makes the keys (native and fast); forge only writes and signs the certificates.
  const pair = () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
    return { pem: key, privateKey: pki.privateKeyFromPem(key), publicKey: pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }) as string) };
  };
  const certificate = (subject: string, publicKey: forge.pki.PublicKey) => {
    const cert = pki.createCertificate();
    cert.publicKey = publicKey;
    cert.serialNumber = serialNumber();
    cert.validity.notBefore = new Date(Date.now() - 24 * 3600 * 1000);
    cert.validity.notAfter = new Date(Date.now() + VALID_DAYS * 24 * 3600 * 1000);
    cert.setSubject([{ name: 'commonName', value: subject }, { name: 'organizationName', value: 'las-emulator' }]);
    return cert;
  };

  const caKeys = pair();
  const ca = certificate(`las-emulator local CA ${randomBytes(4).toString('hex')}`, caKeys.publicKey);
  ca.setIssuer(ca.subject.attributes);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  ca.sign(caKeys.privateKey, forge.md.sha256.create());

  const serverKeys = pair();
  const server = certificate('localhost', serverKeys.publicKey);
  server.setIssuer(ca.subject.attributes);
  server.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 2, value: 'localhost' },
        { type: 7, ip: '127.0.0.1' },
        { type: 7, ip: '::1' },
      ],
    },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ]);
  server.sign(caKeys.privateKey, forge.md.sha256.create());
  return { caCert: pki.certificateToPem(ca), serverCert: pki.certificateToPem(server), serverKey: serverKeys.pem };
}

/**
 * A certificate serial number (hex) that is a positive DER integer in its shortest form: 16 random
 * bytes, the first one within 0x01..0x7f. node-forge writes the hex as it is given, and OpenSSL
 * refuses a serial with a needless leading zero ("illegal padding"): `00` + random bytes did that
 * for about one certificate in 512.
 */
export function serialNumber(bytes: Uint8Array = randomBytes(16)): string {
  const serial = Buffer.from(bytes);
  serial[0] = (serial[0] & 0x7f) | 0x01;
  return serial.toString('hex');
}
