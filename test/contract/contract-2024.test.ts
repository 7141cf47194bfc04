/**
 * Contract suite of API version 2024-11-29: every operation of its spec (the facts-only copy,
 * test/fixtures/las-oas-2024-11-29.facts.json), sent by the SDK on a client speaking 2024-11-29
 * through the call operations-2024.ts names for it, to Stoplight Prism serving that copy. Prism
 * answers a request its spec does not allow with 400/422 and `sl-violations`: each call must be
 * answered 2xx without violations. The last test counts the operations sent valid and fails on one
 * not exercised.
 */
import { Las } from '../../src/index.js';
import { SPEC_2024_PATH, specOperations } from '../helpers/spec.js';
import { OPERATIONS_2024 } from './operations-2024.js';
import { startPrism, type Prism } from './prism.js';
import { Recorder, describeRejections, isRejected, type Exchange } from './recorder.js';

const SPEC_2024 = SPEC_2024_PATH;
const operations = specOperations('2024-11-29');

/**
 * The SDK's requests, through the recorder, asking Prism for a static answer on /documents: its
 * faker (json-schema-faker under Prism 5.14.2) throws on the 2024 `Document`'s recursive
 * `groundTruthList` for nearly every seed (500 "Cannot read properties of undefined"). Prism
 * validates the request alike either way; only how it makes up the answer changes.
 */
function fetchThrough(recorder: Recorder): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    if (/^\/documents(\/|$)/.test(new URL(request.url).pathname)) request.headers.set('Prefer', 'dynamic=false');
    return recorder.fetch(request);
  };
}

/** Prism let it through: a 2xx answer, and no violation of the spec noted on it. */
function isValid(exchange: Exchange): boolean {
  return !isRejected(exchange) && exchange.violations === undefined;
}

describe('the SDK against the 2024-11-29 spec (Prism)', () => {
  const recorder = new Recorder(operations);
  let prism: Prism | undefined;
  let las: Las<'2024-11-29'>;

  beforeAll(async () => {
    prism = await startPrism({ spec: SPEC_2024, seed: 1 });
    las = new Las({
      apiVersion: '2024-11-29',
      apiEndpoint: prism.url,
      tokenProvider: { getAccessToken: async () => 'contract-suite-token' },
      fetch: fetchThrough(recorder),
      maxRetries: 0,
      timeout: 15_000,
    });
  }, 60_000);

  afterAll(async () => {
    await prism?.stop();
  });

  test.each(Object.entries(OPERATIONS_2024))('%s', async (key, call) => {
    const mark = recorder.mark();
    let failure: unknown;
    try {
      await call(las);
    } catch (error) {
      failure = error;
    }
    const sent = recorder.since(mark);
    const invalid = sent.filter((exchange) => !isValid(exchange));
    if (invalid.length > 0) throw new Error(`Prism refused what the SDK sent for ${key}:\n${describeRejections(invalid)}${invalid.some(isRejected) ? '' : ' (2xx with sl-violations)'}`);
    if (failure !== undefined) throw failure;
    expect(sent.map((exchange) => exchange.operation)).toContain(key);
  });

  test('every operation of the spec was sent valid (89 of 89)', () => {
    const valid = new Set(recorder.exchanges.filter(isValid).map((exchange) => exchange.operation));
    const missing = operations.filter((operation) => !valid.has(operation.key)).map((operation) => operation.key);
    const outside = recorder.exchanges.filter((exchange) => exchange.operation === undefined).map((exchange) => `${exchange.method} ${exchange.pathname}`);
    process.stdout.write(
      `las-sdk contract coverage (2024-11-29): ${operations.length - missing.length} of ${operations.length} operations sent valid` +
        `${missing.length ? `; not: ${missing.join(', ')}` : ''}\n`,
    );
    expect(operations).toHaveLength(89);
    expect(outside).toEqual([]);
    expect(missing).toEqual([]);
  });
});
