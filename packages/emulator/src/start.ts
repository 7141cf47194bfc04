/** Starting an emulator: the store, the engine, the server and the credentials it hands out. */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Credentials } from 'las-sdk';
import { DEFAULT_API_VERSION, type ApiVersion } from 'las-sdk/api';
import { Auth, DEFAULT_TOKEN_LIFETIME_SECONDS } from './auth.js';
import { createAppClient, randomText } from './routes/app-clients.js';
import { routesFor } from './routes/index.js';
import { createOrganization } from './routes/organizations.js';
import type { Hooks } from './hooks.js';
import { internals } from './internals.js';
import { offer } from './offered.js';
import { createServer } from './server.js';
import { SERVED_API_VERSIONS } from './flags.js';
import { Store } from './store.js';
import { tlsMaterial, type TlsMaterial } from './tls.js';
import { WorkflowEngine } from './workflow-engine.js';

/** The path the API is served under, as the service's `https://api.lucidtech.ai/v1`. */
export const API_BASE_PATH = '/v1';

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Client id of the emulator's own app client; random unless given (or kept in `dataDir`). */
  clientId?: string;
  /** Its client secret; random unless given (or kept in `dataDir`). */
  clientSecret?: string;
  /**
   * Directory to keep the state in, so a restart (even after a crash) finds every change that was
   * answered; in memory only when unset. One emulator at a time: while one holds it, another
   * started on it rejects with a {@link DataDirInUseError}.
   */
  dataDir?: string;
  /**
   * Multiplies every transition's `timeoutInSeconds` (default 1). Tests of missed heartbeats pass
   * 1/60, so that the shortest timeout the API takes (60 s) passes in one second.
   */
  timeoutScale?: number;
  /**
   * Serve HTTPS with a certificate for 127.0.0.1, ::1 and localhost, signed by a local authority
   * made at the first start (kept in `dataDir`, else in a temporary directory removed on close),
   * or `certFile`/`keyFile` when given. Clients trust {@link Emulator.caFile}.
   */
  tls?: boolean;
  /** A PEM certificate (chain) to serve with `tls`, instead of a made one; needs `keyFile`. */
  certFile?: string;
  /** The PEM private key of `certFile`. */
  keyFile?: string;
  /** Lifetime of the bearer tokens handed out, in seconds. Default 3600. */
  tokenLifetimeSeconds?: number;
  /** Called with one line per request (the bin prints them). */
  log?: (line: string) => void;
  /**
   * The API version to serve, `2021-09-23` (the default, the seed's) or `2024-11-29`: its
   * operations, its shapes, its ids. A `dataDir` is served under the version it was made with.
   */
  apiVersion?: ApiVersion;
}

/** A running emulator. */
export interface Emulator {
  /** `http://127.0.0.1:<port>` (`https://` with `tls`): the auth endpoint (`POST /token`). */
  readonly url: string;
  /** The API's base URL: `url` + `/v1`. */
  readonly apiEndpoint: string;
  /** Credentials of the emulator's own app client, for `new Las({ credentials })`. */
  readonly credentials: Credentials;
  /** Id of the organization the emulator serves. */
  readonly organizationId: string;
  /** The API version it serves: clients speak it with `new Las({ apiVersion })` or `LAS_API_VERSION`. */
  readonly apiVersion: ApiVersion;
  /** Where the state is kept, when persisted. */
  readonly dataDir: string | undefined;
  /**
   * With `tls`: the PEM certificate file clients must trust (`NODE_EXTRA_CA_CERTS`,
   * `REQUESTS_CA_BUNDLE`): the local authority, or `certFile` when given.
   */
  readonly caFile: string | undefined;
  /**
   * Stops listening, closes open connections, cancels every heartbeat deadline and lets go of the
   * data directory, removing a temporary certificate. Never rejects.
   */
  close(): Promise<void>;
}

/** Starts an emulator; resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  if (!options.tls && (options.certFile !== undefined || options.keyFile !== undefined)) {
    throw new Error('startEmulator: certFile and keyFile are served only with tls: true');
  }
  const apiVersion = options.apiVersion ?? DEFAULT_API_VERSION;
  if (!(SERVED_API_VERSIONS as readonly unknown[]).includes(apiVersion)) {
    throw new Error(`startEmulator: apiVersion must be one of ${SERVED_API_VERSIONS.join(', ')}, got ${JSON.stringify(apiVersion)}`);
  }
  const store = Store.open(options.dataDir);
  let engine: WorkflowEngine | undefined;
  let tls: TlsMaterial | undefined;
  let started: { server: http.Server; clientId: string; clientSecret: string; organizationId: string };
  const hooks: Hooks = {};
  try {
    // After Store.open: the data directory exists and is this emulator's.
    servedVersion(store, apiVersion, options.dataDir);
    offer(store, apiVersion);
    if (options.tls) tls = await tlsMaterial({ dataDir: options.dataDir, certFile: options.certFile, keyFile: options.keyFile });
    const { clientId, clientSecret } = ownAppClient(store, options);
    const organizationId = (store.meta.organizationId ??= createOrganization(store, store.meta.defaultAppClientId as string).id);
    store.touch();
    const failure = store.commit();
    if (failure) throw failure;
    engine = new WorkflowEngine(store, { timeoutScale: options.timeoutScale });
    const auth = new Auth(store, options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS);
    const server = createServer({ routes: routesFor(apiVersion), auth, context: { apiVersion, store, engine, hooks }, basePath: API_BASE_PATH, log: options.log, tls });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    started = { server, clientId, clientSecret, organizationId };
  } catch (error) {
    engine?.close();
    tls?.dispose();
    await store.close();
    throw error;
  }
  const { server, clientId, clientSecret, organizationId } = started;
  const { address, port } = server.address() as AddressInfo;
  const url = `${tls ? 'https' : 'http'}://${urlHost(address)}:${port}`;
  const apiEndpoint = `${url}${API_BASE_PATH}`;
  let closing: Promise<void> | undefined;
  const emulator: Emulator = {
    url,
    apiEndpoint,
    credentials: new Credentials({ clientId, clientSecret, authEndpoint: url, apiEndpoint }),
    organizationId,
    apiVersion,
    dataDir: options.dataDir,
    caFile: tls?.caFile,
    async close() {
      // Every change was saved when it was answered: closing only lets go of the files.
      closing ??= new Promise<void>((resolve) => {
        engine?.close();
        store.clock.close();
        server.close(() => {
          tls?.dispose();
          resolve(store.close());
        });
        server.closeAllConnections();
      });
      return closing;
    },
  };
  internals.set(emulator, { apiVersion, store, engine: engine as WorkflowEngine, hooks });
  return emulator;
}

// A data directory keeps the version it was made under: its entities have that version's shapes.
function servedVersion(store: Store, apiVersion: ApiVersion, dataDir: string | undefined): void {
  const made = store.meta.apiVersion ?? (store.meta.organizationId === undefined ? undefined : DEFAULT_API_VERSION);
  if (made !== undefined && made !== apiVersion) {
    throw new Error(
      `${dataDir} holds the state of an emulator of API ${made}; serve it with apiVersion ${made} (--api-version ${made}), ` +
        `or give API ${apiVersion} a directory of its own`,
    );
  }
  store.meta.apiVersion = apiVersion;
}

// The emulator's own app client: the one named by the options, else the one it had before a
// restart, else a new one with random credentials.
function ownAppClient(store: Store, options: EmulatorOptions): { clientId: string; clientSecret: string } {
  const clients = store.tables.appClients;
  const wanted = options.clientId ?? (store.meta.defaultAppClientId ? clients.get(store.meta.defaultAppClientId)?.data.clientId : undefined);
  const existing = clients.rows().find((row) => row.data.clientId === wanted && typeof row.hidden.clientSecret === 'string');
  if (existing) {
    if (options.clientSecret !== undefined) {
      existing.hidden.clientSecret = options.clientSecret;
      clients.changed();
    }
    store.meta.defaultAppClientId = existing.id;
    return { clientId: existing.data.clientId as string, clientSecret: existing.hidden.clientSecret as string };
  }
  const body = { name: 'las-emulator', description: 'The app client of the local emulator' };
  const secret = options.clientSecret ?? randomText(51);
  const { row } = createAppClient(store, { body, clientId: options.clientId ?? randomText(26), clientSecret: secret });
  store.meta.defaultAppClientId = row.id;
  return { clientId: row.data.clientId as string, clientSecret: secret };
}

// A wildcard address is reached through loopback; IPv6 literals need brackets in a URL.
function urlHost(address: string): string {
  if (address === '0.0.0.0') return '127.0.0.1';
  if (address === '::') return '[::1]';
  return address.includes(':') ? `[${address}]` : address;
}
