/**
 * `testEmulator()`: an emulator for a user's own tests, in memory on its own port, with the
 * tools a test needs: seeding in one call, reset, its own clock, scripted predictions, injected
 * faults and the record of what was sent.
 */
import { randomBytes } from 'node:crypto';
import { ValidationError, type Credentials, type Las } from 'las-sdk';
import type { ApiVersion } from 'las-sdk/api';
import { internals } from '../internals.js';
import { API_BASE_PATH, startEmulator } from '../start.js';
import { checkApiVersion } from './api-version.js';
import { Faults, type FailOptions } from './faults.js';
import { PredictionScripts, type PredictionScript } from './predict-with.js';
import { RequestLog, decodedPath, type RecordedRequest } from './requests.js';
import { copyIds, noIds, seed, type SeededIds, type SeedSpec } from './seed.js';
import { restoreSnapshot, takeSnapshot } from './snapshot.js';

/** Options of {@link testEmulator}. */
export interface TestEmulatorOptions {
  /**
   * The API version to serve: `'2021-09-23'` (the default, the seed's) or `'2024-11-29'` (the
   * service today). `emu.las`, `seed` and `las-emulator exec` speak it.
   */
  apiVersion?: string;
  /** What to create before the emulator is handed over; {@link TestEmulator.reset} comes back to it. */
  seed?: SeedSpec;
  /** Port to listen on (default 0: a free one). */
  port?: number;
}

/** The emulator's own time. */
export interface TestClock {
  /** Epoch milliseconds by the emulator: the real time plus what it was advanced by. */
  now(): number;
  /**
   * Moves the emulator's time `ms` forward and runs everything due on the way, in order: heartbeat
   * deadlines and transition timeouts fail their executions (and workflows), tokens and refresh
   * tokens expire. Never touches the test's own timers, faked or not.
   */
  advance(ms: number): Promise<void>;
}

/** A running test emulator. */
export interface TestEmulator {
  /** `http://127.0.0.1:<port>`: the auth endpoint. */
  readonly url: string;
  /** The API's base URL: `url` + `/v1`. */
  readonly apiEndpoint: string;
  /** Credentials of the emulator's app client, for the code under test. */
  readonly credentials: Credentials;
  /** A `Las` bound to it (default options: the SDK's own retries). */
  readonly las: Las;
  /** The API version it serves: give it to your own client, `new Las({ credentials: emu.credentials, apiVersion: emu.apiVersion })`. */
  readonly apiVersion: ApiVersion;
  /** Ids by name of everything seeded so far (by the constructor and by {@link seed}). */
  readonly ids: SeededIds;
  /** The emulator's time. */
  readonly clock: TestClock;
  /** Every API request received since the start (or the last reset), and the file server's (2024-11-29), oldest first; content and tokens left out. */
  readonly requests: readonly RecordedRequest[];
  /** Creates what `spec` names (see {@link SeedSpec}); answers the ids of what it created, by name. */
  seed(spec: SeedSpec): Promise<SeededIds>;
  /**
   * Predictions of `modelId` (`'*'`: of every model without its own script) come from `script`,
   * given the document (with its bytes) and the model; the simulation makes the others.
   */
  predictWith(modelId: string, script: PredictionScript): void;
  /** The next matching requests answer an error status, wait, or have their connection dropped. */
  fail(options: FailOptions): void;
  /**
   * Back to the state right after `testEmulator()` resolved: the constructor's seed and nothing
   * since, no scripts, faults or recorded requests. Same url and credentials; tokens handed out
   * stay valid until they expire, and the clock keeps its time (it only moves forward).
   */
  reset(): Promise<void>;
  /** Stops it. Never rejects. */
  close(): Promise<void>;
}

/** Starts a test emulator (its own state, on its own port of 127.0.0.1); resolves once it listens and is seeded. */
export async function testEmulator(options: TestEmulatorOptions = {}): Promise<TestEmulator> {
  if (options === null || typeof options !== 'object') throw new ValidationError('testEmulator(options): options must be an object');
  const apiVersion = checkApiVersion(options.apiVersion, 'testEmulator(options.apiVersion)');
  // Loaded here, not with the emulator: a plain emulator never loads the SDK's client.
  const { Las } = await import('las-sdk');
  const emulator = await startEmulator({ port: options.port, apiVersion });
  const { store, engine, hooks } = internals.get(emulator) as NonNullable<ReturnType<typeof internals.get>>;
  // Seeding goes through the SDK, marked so that it is neither recorded nor faulted.
  const seedMark = randomBytes(16).toString('hex');
  const seeding = new Las({ credentials: emulator.credentials, apiVersion, maxRetries: 0 }).withOptions({ headers: { [SEED_HEADER]: seedMark } });
  const faults = new Faults();
  const scripts = new PredictionScripts();
  const log = new RequestLog();
  const ours = (headers: Record<string, string | string[] | undefined>) => headers[SEED_HEADER] === seedMark;
  hooks.fault = async (method, pathname, headers) => (ours(headers) ? undefined : faults.play(method, apiPath(pathname)));
  hooks.record = (method, url, headers, body, status) => {
    if (!ours(headers)) log.record(method, url, body, status);
  };
  hooks.predict = (document, model) => scripts.predict(document, model);
  let ids = noIds();
  try {
    if (options.seed !== undefined) await seed(seeding, options.seed, ids, apiVersion);
  } catch (error) {
    await emulator.close();
    throw error;
  }
  const seeded = copyIds(ids);
  const snapshot = takeSnapshot(store);
  const clock = store.clock;
  return {
    url: emulator.url,
    apiEndpoint: emulator.apiEndpoint,
    credentials: emulator.credentials,
    las: new Las({ credentials: emulator.credentials, apiVersion }),
    apiVersion,
    get ids() {
      return ids;
    },
    clock: { now: () => clock.now(), advance: async (ms) => clock.advance(ms) },
    get requests() {
      return log.list;
    },
    seed: async (spec) => seed(seeding, spec, ids, apiVersion),
    predictWith: (modelId, script) => scripts.set(modelId, script),
    fail: (failure) => faults.add(failure),
    async reset() {
      restoreSnapshot(store, snapshot);
      engine.rearm();
      faults.clear();
      scripts.clear();
      log.clear();
      ids = copyIds(seeded);
    },
    close: async () => emulator.close(),
  };
}

/** The header that marks the requests of `seed()`. */
const SEED_HEADER = 'x-las-emulator-seed';

// The path as the SDK's paths read: without the API's base path (the token endpoint's stays /token).
function apiPath(pathname: string): string {
  return decodedPath(pathname.startsWith(`${API_BASE_PATH}/`) ? pathname.slice(API_BASE_PATH.length) : pathname);
}
