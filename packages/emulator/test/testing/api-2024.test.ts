/**
 * The testing kit under API 2024-11-29: `testEmulator({ apiVersion: '2024-11-29' })` serves it,
 * `emu.las` speaks it, `seed` takes its shapes (and refuses the other version's fields up front),
 * and reset, predictWith, fail, requests and clock work as under the seed's version.
 */
import { IncompleteDocumentError, Las, ServerError, ValidationError } from 'las-sdk';
import { testEmulator, type SeedSpec, type TestEmulator } from '../../src/index.js';
import { PDF } from '../helpers.js';

const V2024 = '2024-11-29';
const FIELDS = { total: { type: 'amount', description: 'Total', maxLength: 10 } } as const;

describe('testEmulator({ apiVersion: 2024-11-29 })', () => {
  const emus: TestEmulator[] = [];
  afterAll(async () => {
    await Promise.all(emus.map((emu) => emu.close()));
  });
  const start = async (options: Parameters<typeof testEmulator>[0] = {}) => {
    const emu = await testEmulator({ apiVersion: V2024, ...options });
    emus.push(emu);
    return emu;
  };

  it('serves 2024-11-29, and emu.las speaks it: a model without width and height', async () => {
    const emu = await start();
    expect(emu.apiVersion).toBe(V2024);
    expect(emu.las.apiVersion).toBe(V2024);
    const model = await emu.las.models.create({ name: 'reader', fieldConfig: FIELDS });
    expect(await emu.las.models.get(model.modelId)).toMatchObject({ name: 'reader', fieldConfig: FIELDS });
    expect(emu.requests).toEqual([
      { method: 'POST', path: '/models', query: {}, status: 200, body: { name: 'reader', fieldConfig: FIELDS } },
      { method: 'GET', path: `/models/${model.modelId}`, query: {}, status: 200, body: undefined },
    ]);
    // The 2021-only batches are not served (the seed's version answers them).
    const batches = await fetch(`${emu.apiEndpoint}/batches`, { headers: { authorization: `Bearer ${await emu.credentials.getAccessToken()}` } });
    expect(batches.status).not.toBe(200);
  });

  it("seeds 2024's shapes: documents with name, description and metadata, models without size, users without name", async () => {
    const emu = await start();
    const ids = await emu.seed({
      datasets: [
        {
          name: 'invoices',
          documents: [{ name: 'a.pdf', content: PDF, description: 'first', metadata: { source: 'scanner' }, groundTruth: [{ label: 'total', value: '1.00' }] }],
        },
      ],
      models: [{ name: 'm', fieldConfig: FIELDS }],
      dataBundles: [{ name: 'bundle', modelId: 'm', datasetIds: ['invoices'] }],
      users: [{ name: 'ann', email: 'ann@example.com' }],
      workflows: [{ name: 'w', transitions: [{ name: 'review', transitionType: 'manual' }] }],
    });
    const las = emu.las;
    const document = await las.documents.get(ids.documents['invoices/a.pdf']);
    expect(document).toMatchObject({ name: 'a.pdf', description: 'first', metadata: { source: 'scanner' }, datasetId: ids.datasets.invoices });
    expect(await document.bytes()).toEqual(new Uint8Array(PDF));
    const model = await las.models.get(ids.models.m);
    expect(model).toMatchObject({ name: 'm', fieldConfig: FIELDS });
    expect(model).not.toHaveProperty('width');
    expect((await model.dataBundles.list().toArray()).map((bundle) => bundle.dataBundleId)).toEqual([ids.dataBundles.bundle]);
    const user = await las.users.get(ids.users.ann);
    // A 2024 user has no name (its profile has): the seed's key is not sent.
    expect(user.userId).toBe(ids.users.ann);
    expect(user).not.toHaveProperty('name');
    const execution = await las.workflows.ref(ids.workflows.w).execute({ n: 1 });
    const review = await las.transitions.ref(ids.transitions.review).execute();
    await review.succeed({ approved: true });
    expect(await execution.refresh()).toMatchObject({ status: 'succeeded', output: { approved: true } });
  });

  it('refuses a field of 2021-09-23 under 2024-11-29 before creating anything, naming both versions', async () => {
    const emu = await start();
    const spec: SeedSpec = {
      datasets: [{ name: 'invoices' }],
      models: [{ name: 'm', width: 1200, height: 1200, fieldConfig: FIELDS }],
    };
    const error = await emu.seed(spec).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toBe(
      'seed(spec): models[0].width is a field of API version 2021-09-23, not of 2024-11-29 (the emulator serves 2024-11-29); nothing was created',
    );
    expect(await emu.las.datasets.list().toArray()).toEqual([]);
    await expect(start({ seed: spec })).rejects.toThrow('models[0].width is a field of API version 2021-09-23');
  });

  it('refuses a field of 2024-11-29 under 2021-09-23 the same way', async () => {
    const emu = await start({ apiVersion: '2021-09-23' });
    const error = await emu
      .seed({ datasets: [{ name: 'invoices', documents: [{ name: 'a.pdf', content: PDF, metadata: { source: 'scanner' } }] }] })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toBe(
      'seed(spec): datasets[0].documents[0].metadata is a field of API version 2024-11-29, not of 2021-09-23 (the emulator serves 2021-09-23); nothing was created',
    );
    expect(await emu.las.datasets.list().toArray()).toEqual([]);
  });

  it("seeds a document over 256 KiB through the file server, which the user's faults there leave alone", async () => {
    const emu = await start();
    const large = new Uint8Array(Buffer.concat([PDF, Buffer.from(`%${'-'.repeat(300 * 1024)}\n`)]));
    emu.fail({ path: '/files/*', status: 503 });
    const ids = await emu.seed({ datasets: [{ name: 'scans', documents: [{ name: 'big.pdf', content: large }] }] });
    const las = new Las({ credentials: emu.credentials, apiVersion: emu.apiVersion, maxRetries: 0 });
    const document = await las.documents.get(ids.documents['scans/big.pdf']);
    expect(document).toMatchObject({ name: 'big.pdf', contentType: 'application/pdf' });
    expect(await document.bytes()).toEqual(large);
    // The fault was left for the user's own request: their PUT meets it.
    const error = await las.documents.create(large, { datasetId: ids.datasets.scans }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(IncompleteDocumentError);
    expect((error as IncompleteDocumentError).cause).toBeInstanceOf(ServerError);
  });

  it('reset() comes back to the seed of the constructor', async () => {
    const emu = await start({ seed: { models: [{ name: 'm', fieldConfig: FIELDS }] } });
    const seeded = emu.ids.models.m;
    await emu.seed({ models: [{ name: 'later', fieldConfig: FIELDS }] });
    await emu.las.models.create({ name: 'made', fieldConfig: FIELDS });
    await emu.reset();
    expect(emu.requests).toEqual([]);
    expect(emu.ids.models).toEqual({ m: seeded });
    expect((await emu.las.models.list().toArray()).map((model) => model.modelId)).toEqual([seeded]);
  });

  it('predictWith() answers the fields of the script, given the document and its bytes', async () => {
    const emu = await start({
      seed: { datasets: [{ name: 'invoices', documents: [{ name: 'a.pdf', content: PDF }] }], models: [{ name: 'm', fieldConfig: FIELDS }] },
    });
    const seen: { documentId: string; bytes: number; model: unknown }[] = [];
    emu.predictWith(emu.ids.models.m, (document, model) => {
      seen.push({ documentId: document.documentId, bytes: document.content.byteLength, model: model.modelId });
      return [{ label: 'total', value: '1.00', confidence: 0.9 }];
    });
    const prediction = await emu.las.predictions.create({ documentId: emu.ids.documents['invoices/a.pdf'], modelId: emu.ids.models.m });
    expect(prediction.predictions).toEqual([{ label: 'total', value: '1.00', confidence: 0.9 }]);
    expect(seen).toEqual([{ documentId: emu.ids.documents['invoices/a.pdf'], bytes: PDF.byteLength, model: emu.ids.models.m }]);
  });

  it('fail() plays its fault on 2024 requests, and requests records them', async () => {
    const emu = await start();
    const las = new Las({ credentials: emu.credentials, apiVersion: emu.apiVersion, maxRetries: 0 });
    emu.fail({ method: 'POST', path: '/models', status: 503 });
    await expect(las.models.create({ name: 'reader', fieldConfig: FIELDS })).rejects.toBeInstanceOf(ServerError);
    await las.models.create({ name: 'reader', fieldConfig: FIELDS });
    expect(emu.requests.map(({ method, path, status, body }) => ({ method, path, status, body }))).toEqual([
      { method: 'POST', path: '/models', status: 503, body: { name: 'reader', fieldConfig: FIELDS } },
      { method: 'POST', path: '/models', status: 200, body: { name: 'reader', fieldConfig: FIELDS } },
    ]);
  });

  it('clock.advance() takes a training from pending to succeeded', async () => {
    const emu = await start({
      seed: { datasets: [{ name: 'invoices' }], models: [{ name: 'm', fieldConfig: FIELDS }], dataBundles: [{ name: 'bundle', modelId: 'm', datasetIds: ['invoices'] }] },
    });
    const model = emu.las.models.ref(emu.ids.models.m);
    const training = await model.trainings.create({ dataBundleIds: [emu.ids.dataBundles.bundle] });
    expect(training.status).toBe('pending');
    await emu.clock.advance(60 * 60_000);
    expect((await training.refresh()).status).toBe('succeeded');
    await emu.reset();
    expect(await model.trainings.list().toArray()).toEqual([]);
  });

  it("clock.advance() moves the emulator's time: what it stamps reads it", async () => {
    const emu = await start();
    const day = 24 * 60 * 60_000;
    const before = emu.clock.now();
    await emu.clock.advance(day);
    expect(emu.clock.now()).toBeGreaterThanOrEqual(before + day);
    const dataset = await emu.las.datasets.create({ name: 'later' });
    expect(Date.parse(String(dataset.createdTime))).toBeGreaterThanOrEqual(before + day - 1000);
  });
});
