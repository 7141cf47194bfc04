/** fail(), requests and predictWith() of a test emulator. */
import { Las } from 'las-sdk';
import { ConnectionError, ServerError, ValidationError } from 'las-sdk';
import { ELIDED, testEmulator, type TestEmulator } from '../../src/index.js';
import { PDF } from '../helpers.js';

describe('a test emulator', () => {
  let emu: TestEmulator;
  let las: Las;
  beforeAll(async () => {
    emu = await testEmulator({
      seed: {
        datasets: [{ name: 'invoices', documents: [{ name: 'a.pdf', content: PDF }] }],
        models: [
          { name: 'm', width: 1200, height: 1200, fieldConfig: { total: { type: 'amount', description: 'Total', maxLength: 10 } } },
          { name: 'other', width: 1200, height: 1200, fieldConfig: { date: { type: 'date', description: 'Date', maxLength: 10 } } },
        ],
      },
    });
    las = new Las({ credentials: emu.credentials, maxRetries: 0 });
  });
  afterEach(() => emu.reset());
  afterAll(() => emu.close());

  it('records what was sent, content elided, seeding and the token endpoint left out', async () => {
    expect(emu.requests).toEqual([]);
    const document = await las.documents.create(PDF, { datasetId: emu.ids.datasets.invoices });
    await las.documents.list({ datasetId: emu.ids.datasets.invoices, maxResults: 5 }).toArray();
    await las.documents.get('las:document:00000000000000000000000000000000').catch(() => undefined);
    expect(emu.requests).toEqual([
      { method: 'POST', path: '/documents', query: {}, status: 200, body: { content: ELIDED, contentType: 'application/pdf', datasetId: emu.ids.datasets.invoices } },
      { method: 'GET', path: '/documents', query: { datasetId: emu.ids.datasets.invoices, maxResults: '5' }, status: 200, body: undefined },
      { method: 'GET', path: '/documents/las:document:00000000000000000000000000000000', query: {}, status: 404, body: undefined },
    ]);
    expect(JSON.stringify(emu.requests)).not.toContain(PDF.toString('base64').slice(0, 40));
    expect(document.documentId).toMatch(/^las:document:/);
  });

  it('answers the next matching requests with the status and the service error body, then as usual', async () => {
    emu.fail({ method: 'POST', path: '/documents', status: 503, times: 2 });
    const retrying = new Las({ credentials: emu.credentials, maxRetries: 2 });
    const document = await retrying.documents.create(PDF);
    expect(document.documentId).toMatch(/^las:document:/);
    expect(emu.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['POST', '/documents', 503],
      ['POST', '/documents', 503],
      ['POST', '/documents', 200],
    ]);
    emu.fail({ path: '/datasets/*', status: 500, body: { message: 'scripted' } });
    const error = await las.datasets.get(emu.ids.datasets.invoices).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).status).toBe(500);
    expect((error as ServerError).body).toEqual({ message: 'scripted' });
    expect((await las.datasets.get(emu.ids.datasets.invoices)).datasetId).toBe(emu.ids.datasets.invoices);
  });

  it('matches a path by segment wildcard or RegExp, and by method', async () => {
    emu.fail({ method: 'PATCH', path: /^\/documents\//, status: 429 });
    emu.fail({ path: '/models/*', status: 404, times: Infinity });
    await expect(las.documents.get(emu.ids.documents['invoices/a.pdf'])).resolves.toBeDefined();
    await expect(las.documents.ref(emu.ids.documents['invoices/a.pdf']).update({ retentionInDays: 3 })).rejects.toMatchObject({ status: 429 });
    await expect(las.models.list().toArray()).resolves.toHaveLength(2);
    for (let i = 0; i < 3; i++) await expect(las.models.get(emu.ids.models.m)).rejects.toMatchObject({ status: 404 });
    await emu.reset();
    await expect(las.models.get(emu.ids.models.m)).resolves.toBeDefined();
  });

  it('drops the connection, or waits before answering', async () => {
    emu.fail({ path: '/datasets', drop: true });
    await expect(las.datasets.list().toArray()).rejects.toBeInstanceOf(ConnectionError);
    emu.fail({ path: '/datasets', delayMs: 150 });
    const started = performance.now();
    await las.datasets.list().toArray();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(emu.requests.map((r) => r.status)).toEqual([200]);
  });

  it('refuses a fault it cannot play, naming the option', () => {
    const refusals: [unknown, RegExp][] = [
      [{ path: '/x' }, /give a status, drop: true or a delayMs/],
      [{ status: 200 }, /status must be an error status/],
      [{ status: 503, drop: true }, /give one of drop and status/],
      [{ status: 503, times: 0 }, /times must be a whole number >= 1/],
      [{ status: 503, times: Number.NaN }, /times must be/],
      [{ delayMs: -5 }, /delayMs must be/],
      [{ status: 503, path: 'documents' }, /path must be a RegExp or a string starting with \//],
      [{ status: 503, method: 'GET /x' }, /method must be an HTTP method/],
      [{ status: 503, body: [] }, /body must be an object/],
      [{ status: 503, toString: 1 }, /unknown option "toString"/],
      [JSON.parse('{"status":503,"__proto__":1}'), /unknown option "__proto__"/],
      [null, /options must be an object/],
    ];
    for (const [options, message] of refusals) {
      expect(() => emu.fail(options as never)).toThrow(ValidationError);
      expect(() => emu.fail(options as never)).toThrow(message);
    }
  });

  it('predicts with a script for one model, or for every model, and with the simulation otherwise', async () => {
    const documentId = emu.ids.documents['invoices/a.pdf'];
    const seen: unknown[] = [];
    emu.predictWith(emu.ids.models.m, (document, model) => {
      seen.push([document.documentId, document.content.length, model.modelId]);
      return [{ label: 'total', value: '1.00', confidence: 0.9 }];
    });
    expect((await las.predictions.create({ documentId, modelId: emu.ids.models.m })).predictions).toEqual([{ label: 'total', value: '1.00', confidence: 0.9 }]);
    expect(seen).toEqual([[documentId, PDF.length, emu.ids.models.m]]);
    const simulated = (await las.predictions.create({ documentId, modelId: emu.ids.models.other })).predictions;
    expect(simulated).toEqual([expect.objectContaining({ label: 'date' })]);
    emu.predictWith('*', () => [{ label: 'any', value: null, confidence: 0 }]);
    expect((await las.predictions.create({ documentId, modelId: emu.ids.models.other })).predictions).toEqual([{ label: 'any', value: null, confidence: 0 }]);
    await emu.reset();
    expect((await las.predictions.create({ documentId, modelId: emu.ids.models.other })).predictions).toEqual(simulated);
  });

  it("answers 500 naming the script when a script throws or answers no fields", async () => {
    const documentId = emu.ids.documents['invoices/a.pdf'];
    emu.predictWith(emu.ids.models.m, () => {
      throw new Error('boom');
    });
    await expect(las.predictions.create({ documentId, modelId: emu.ids.models.m })).rejects.toMatchObject({
      status: 500,
      body: { message: `The predictWith script of ${emu.ids.models.m} threw: boom` },
    });
    emu.predictWith(emu.ids.models.m, () => [{ label: 'total', value: 1 }] as never);
    await expect(las.predictions.create({ documentId, modelId: emu.ids.models.m })).rejects.toMatchObject({
      status: 500,
      body: { message: expect.stringMatching(/answered no valid fields: predictions\[0\]/) },
    });
    expect(() => emu.predictWith(emu.ids.models.m, 'no' as never)).toThrow(TypeError);
  });
});
