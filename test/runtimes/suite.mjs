/* global fetch, Blob, TextEncoder, AbortController, setTimeout */
/**
 * The runtime suite: one set of checks of las-sdk as users call it, run unchanged on every
 * runtime (scripts/runtimes.mjs runs it on Node 22 and 24, Bun, Deno, workerd and Chromium).
 * It takes the SDK as imported there and a config from the runner, and never throws: it returns
 * one result per check.
 */

/**
 * @typedef {object} SuiteConfig
 * @property {string} runtime name shown in the results
 * @property {string} gate URL of the gate in front of the emulator (test/runtimes/gate.mjs): auth endpoint, API at /v1
 * @property {string} clientId
 * @property {string} clientSecret
 * @property {boolean} environment whether the LAS_* variables are set where the SDK reads them (else `new Las()` must refuse, naming the runtime)
 * @property {string} closedPort a port on 127.0.0.1 where nothing listens
 * @property {string} [proxy] a proxy URL to send through (its log is checked by the runner); absent: the option must be refused
 * @property {boolean} provesNotSent whether this runtime's fetch tells a refused connection apart (the SDK then says nothing was applied)
 */

/** @typedef {{ name: string, ok: boolean, detail?: string }} CheckResult */

// The smallest PDF header the SDK sniffs as application/pdf.
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const ABSENT_DATASET = `las:dataset:${'0'.repeat(32)}`;

/**
 * @param {any} sdk the las-sdk module
 * @param {SuiteConfig} config
 * @returns {Promise<{ runtime: string, results: CheckResult[] }>}
 */
export async function runSuite(sdk, config) {
  const apiEndpoint = `${config.gate}/v1`;
  const credentials = () => new sdk.Credentials({ clientId: config.clientId, clientSecret: config.clientSecret, authEndpoint: config.gate, apiEndpoint });
  const las = new sdk.Las({ credentials: credentials(), logLevel: 'off' });
  const tokens = async () => (await (await fetch(`${config.gate}/gate/tokens`)).json()).tokens;
  let unique = 0;
  const gate = (fault) => ({ headers: { 'X-Gate': `${fault}:${config.runtime}:${++unique}` } });

  /** @type {Record<string, () => Promise<void>>} */
  const checks = {
    async 'credentials from the environment'() {
      if (config.environment) {
        const page = await new sdk.Las({ logLevel: 'off' }).datasets.list();
        expect(Array.isArray(page.items), 'a page of datasets');
        return;
      }
      const error = await thrown(() => new sdk.Las());
      expect(error instanceof sdk.MissingCredentialsError, `MissingCredentialsError, got ${describe(error)}`);
      const named = config.runtime === 'workerd' ? /in workerd/ : /in a browser/;
      expect(named.test(error.message), `the message names the runtime: ${error.message}`);
      const content = await thrown(() => las.documents.create('/tmp/a.pdf'));
      expect(content instanceof sdk.ContentError && named.test(content.message), `a file path refused naming the runtime: ${describe(content)}`);
    },
    async 'explicit credentials: create, get, update, delete'() {
      const created = await las.datasets.create({ name: `runtime ${config.runtime}` });
      expect(created.name === `runtime ${config.runtime}`, 'created with its name');
      const got = await las.datasets.get(created.datasetId);
      expect(got.datasetId === created.datasetId && got.createdTime instanceof Date, 'got back, its time a Date');
      const updated = await las.datasets.update(created.datasetId, { description: 'updated' });
      expect(updated.description === 'updated', 'updated');
      await las.datasets.delete(created.datasetId);
      const gone = await thrown(() => las.datasets.get(created.datasetId));
      expect(gone instanceof sdk.NotFoundError, `deleted: a get is NotFoundError, got ${describe(gone)}`);
    },
    async 'for await over pages'() {
      const made = [];
      for (let i = 0; i < 3; i++) made.push((await las.datasets.create({ name: `page ${i}` })).datasetId);
      const seen = [];
      for await (const dataset of las.datasets.list({ maxResults: 1 })) seen.push(dataset.datasetId);
      expect(made.every((id) => seen.includes(id)), `every dataset walked, one a page (${seen.length} seen)`);
      expect(new Set(seen).size === seen.length, 'none twice');
      for (const id of made) await las.datasets.delete(id);
    },
    async 'a document from bytes and from a Blob'() {
      const fromBytes = await las.documents.create(PDF);
      expect(fromBytes.contentType === 'application/pdf', `bytes sniffed as a pdf, got ${fromBytes.contentType}`);
      const fromBlob = await las.documents.create(new Blob([PDF]), { contentType: 'application/pdf' });
      expect(fromBlob.contentType === 'application/pdf', `Blob sent as a pdf, got ${fromBlob.contentType}`);
      await las.documents.delete(fromBytes.documentId);
      await las.documents.delete(fromBlob.documentId);
    },
    async '404 is a NotFoundError'() {
      const error = await thrown(() => las.datasets.get(ABSENT_DATASET));
      expect(error instanceof sdk.NotFoundError && error.status === 404, `NotFoundError 404, got ${describe(error)}`);
    },
    async '400 is a BadRequestError with the body'() {
      const error = await thrown(() => las.datasets.get(ABSENT_DATASET, gate(400)));
      expect(error instanceof sdk.BadRequestError, `BadRequestError, got ${describe(error)}`);
      expect(error.body?.details?.field === 'name', `the body kept: ${JSON.stringify(error.body)}`);
    },
    async '401 then one fresh token and the call goes through'() {
      await las.datasets.list();
      const before = await tokens();
      const page = await las.datasets.list({}, gate(401));
      expect(Array.isArray(page.items), 'answered after the refresh');
      expect((await tokens()) === before + 1, 'exactly one new token');
    },
    async 'a 503 is retried'() {
      /** @type {string[]} */
      const events = [];
      const retrying = new sdk.Las({
        credentials: credentials(),
        logLevel: 'off',
        hooks: { onRetry: (event) => events.push(`retry ${event.attempt} after ${event.status}`) },
      });
      const page = await retrying.datasets.list({}, gate(503));
      expect(Array.isArray(page.items), 'answered');
      expect(events.join() === 'retry 2 after 503', `one retry after the 503: ${events.join()}`);
    },
    async 'a per-call signal aborts'() {
      const controller = new AbortController();
      setTimeout(() => controller.abort(new Error('stop')), 100);
      const error = await thrown(() => las.datasets.list({}, { ...gate('slow'), signal: controller.signal }));
      expect(error instanceof sdk.AbortError, `AbortError, got ${describe(error)}`);
    },
    async 'a per-call timeout'() {
      const error = await thrown(() => las.datasets.list({}, { ...gate('slow'), timeout: 200, maxRetries: 0 }));
      expect(error instanceof sdk.TimeoutError, `TimeoutError, got ${describe(error)}`);
    },
    async 'request hooks'() {
      /** @type {string[]} */
      const events = [];
      const hooked = new sdk.Las({
        credentials: credentials(),
        logLevel: 'off',
        hooks: {
          onRequest: (event) => events.push(`request ${event.method} ${event.path}`),
          onResponse: (event) => events.push(`response ${event.status}`),
        },
      });
      await hooked.datasets.list();
      expect(events.join() === 'request GET /datasets,response 200', `events: ${events.join()}`);
    },
    async 'one token for concurrent calls'() {
      const fresh = new sdk.Las({ credentials: credentials(), logLevel: 'off' });
      const before = await tokens();
      await Promise.all([1, 2, 3, 4, 5].map(() => fresh.datasets.list()));
      expect((await tokens()) === before + 1, `one token request for five calls (${(await tokens()) - before})`);
    },
    async 'a refused connection is not reported as maybe applied'() {
      const closed = `http://127.0.0.1:${config.closedPort}`;
      const nowhere = new sdk.Las({ tokenProvider: { getAccessToken: async () => 'token' }, apiEndpoint: closed, maxRetries: 0, logLevel: 'off' });
      const error = await thrown(() => nowhere.datasets.create({ name: 'never sent' }));
      expect(error instanceof sdk.ConnectionError, `ConnectionError, got ${describe(error)}`);
      if (config.provesNotSent) {
        expect(error.mayHaveBeenApplied === false && !/may have received/.test(error.message), `not maybe applied: ${error.message}`);
      }
    },
    async 'the proxy option'() {
      if (config.proxy === undefined) {
        const error = await thrown(() => new sdk.Las({ credentials: credentials(), proxy: 'http://user:secret@127.0.0.1:1' }));
        expect(error instanceof sdk.ValidationError, `refused with a ValidationError, got ${describe(error)}`);
        expect(!error.message.includes('secret'), 'the proxy password is not in the message');
        return;
      }
      const proxied = new sdk.Las({ credentials: credentials(), proxy: config.proxy, logLevel: 'off' });
      const page = await proxied.datasets.list();
      expect(Array.isArray(page.items), 'answered through the proxy');
    },
  };

  /** @type {CheckResult[]} */
  const results = [];
  for (const [name, check] of Object.entries(checks)) {
    try {
      await check();
      results.push({ name, ok: true });
    } catch (error) {
      results.push({ name, ok: false, detail: describe(error) });
    }
  }
  return { runtime: config.runtime, results };
}

function expect(condition, what) {
  if (!condition) throw new Error(`expected ${what}`);
}

/** What `call` threw or rejected with; an Error saying so if it did not. */
async function thrown(call) {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, got none');
}

function describe(error) {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
