/**
 * testEmulator(): its own state and port, seed() in one call answering ids by name, reset()
 * back to the constructor's seed with the same url and credentials.
 */
import { fileURLToPath } from 'node:url';
import { PartialFailureError, ValidationError } from 'las-sdk';
import { testEmulator, type TestEmulator } from '../../src/index.js';
import { PDF } from '../helpers.js';

const PDF_PATH = fileURLToPath(new URL('../../../../examples/invoice.pdf', import.meta.url));

describe('testEmulator()', () => {
  const emus: TestEmulator[] = [];
  afterAll(async () => {
    await Promise.all(emus.map((emu) => emu.close()));
  });
  const start = async (options?: Parameters<typeof testEmulator>[0]) => {
    const emu = await testEmulator(options);
    emus.push(emu);
    return emu;
  };

  it('runs many at once, each on its own 127.0.0.1 port with its own state and credentials', async () => {
    const [a, b] = await Promise.all([start(), start()]);
    expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(a.url).not.toBe(b.url);
    expect(a.credentials.clientId).not.toBe(b.credentials.clientId);
    const dataset = await a.las.datasets.create({ name: 'only in a' });
    expect((await a.las.datasets.list().toArray()).map((d) => d.datasetId)).toEqual([dataset.datasetId]);
    expect(await b.las.datasets.list().toArray()).toEqual([]);
  });

  it('seeds every kind in one call and answers the ids by name', async () => {
    const emu = await start();
    const ids = await emu.seed({
      datasets: [
        {
          name: 'invoices',
          description: 'seeded',
          documents: [
            { name: 'a.pdf', content: PDF, groundTruth: [{ label: 'total', value: '1.00' }] },
            { name: 'b.pdf', content: PDF_PATH },
          ],
        },
      ],
      models: [{ name: 'm', width: 1200, height: 1200, fieldConfig: { total: { type: 'amount', description: 'Total', maxLength: 10 } } }],
      dataBundles: [{ name: 'bundle', modelId: 'm', datasetIds: ['invoices'] }],
      secrets: [{ name: 'key', data: { token: 'x' } }],
      users: [{ name: 'ann', email: 'ann@example.com' }],
      appClients: [{ name: 'web', description: 'for the screen' }],
      transitions: [{ name: 'alone', transitionType: 'docker', parameters: { imageUrl: 'example/alone' } }],
      workflows: [{ name: 'w', transitions: [{ name: 'check', transitionType: 'manual' }, { name: 'review', transitionType: 'manual' }] }],
    });
    const las = emu.las;
    const dataset = await las.datasets.get(ids.datasets.invoices);
    expect(dataset).toMatchObject({ name: 'invoices', description: 'seeded', numberOfDocuments: 2 });
    const a = await las.documents.get(ids.documents['invoices/a.pdf']);
    expect(a).toMatchObject({ datasetId: ids.datasets.invoices, contentType: 'application/pdf', groundTruth: [{ label: 'total', value: '1.00' }] });
    expect(await las.documents.get(ids.documents['invoices/b.pdf'])).toMatchObject({ datasetId: ids.datasets.invoices });
    expect(await las.models.get(ids.models.m)).toMatchObject({ name: 'm' });
    expect(await las.models.ref(ids.models.m).dataBundles.list().toArray()).toEqual([
      expect.objectContaining({ dataBundleId: ids.dataBundles.bundle, name: 'bundle', datasets: [expect.objectContaining({ datasetId: ids.datasets.invoices })] }),
    ]);
    expect(await las.secrets.list().toArray()).toEqual([expect.objectContaining({ secretId: ids.secrets.key, name: 'key' })]);
    expect(await las.users.get(ids.users.ann)).toMatchObject({ email: 'ann@example.com', name: 'ann' });
    expect((await las.appClients.list().toArray()).map((client) => client.appClientId)).toContain(ids.appClients.web);
    expect(await las.transitions.get(ids.transitions.alone)).toMatchObject({ transitionType: 'docker' });
    // The workflow's transitions: created, and chained in order as Task states named after them.
    const workflow = await las.workflows.get(ids.workflows.w);
    expect(workflow.name).toBe('w');
    const execution = await workflow.execute({ n: 1 });
    const check = await las.transitions.ref(ids.transitions.check).execute();
    expect(check.executionId).toBe(Object.values(execution.transitionExecutions ?? {}).flat()[0]);
    await check.succeed({ checked: true });
    const review = await las.transitions.ref(ids.transitions.review).execute();
    expect(review.input).toEqual({ checked: true });
    await review.succeed({ done: true });
    expect(await execution.refresh()).toMatchObject({ status: 'succeeded', output: { done: true } });
    expect(emu.ids.documents['invoices/a.pdf']).toBe(ids.documents['invoices/a.pdf']);
  });

  it('lets a specification name seeded transitions, and keeps every seed in emu.ids', async () => {
    const emu = await start({ seed: { transitions: [{ name: 'one', transitionType: 'manual' }] } });
    const ids = await emu.seed({
      workflows: [{ name: 'w', specification: { definition: { StartAt: 'S', States: { S: { Type: 'Task', Resource: 'one', End: true } } } } }],
    });
    await emu.las.workflows.ref(ids.workflows.w).execute({});
    const pending = await emu.las.transitions.ref(emu.ids.transitions.one).execute();
    expect(pending.transitionId).toBe(emu.ids.transitions.one);
    expect(Object.keys(emu.ids.transitions)).toEqual(['one']);
    expect(Object.keys(emu.ids.workflows)).toEqual(['w']);
  });

  it('checks every name before creating anything', async () => {
    const emu = await start({ seed: { datasets: [{ name: 'd' }] } });
    const refusals: [unknown, RegExp][] = [
      [{ datasets: [{ name: 'd' }] }, /datasets 'd' is seeded already/],
      [{ models: [{ fieldConfig: {} }] }, /models\[0\]\.name must be a non-empty string/],
      [{ datasets: [{ name: 'x', documents: [{ name: 'a', content: PDF }, { name: 'a', content: PDF }] }] }, /documents 'x\/a' is seeded already/],
      [{ workflows: [{ name: 'w' }] }, /needs a specification or transitions/],
      [{ dataset: [] }, /unknown key "dataset"/],
      [{ datasets: { name: 'x' } }, /datasets must be an array/],
    ];
    for (const [spec, message] of refusals) {
      const error = await emu.seed(spec as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toMatch(message);
    }
    expect(await emu.las.datasets.list().toArray()).toHaveLength(1);
  });

  it('says which entry failed half-way and what was created and kept', async () => {
    const emu = await start();
    const error = await emu
      .seed({ datasets: [{ name: 'kept' }], models: [{ name: 'bad', width: 1, height: 1, fieldConfig: {} }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartialFailureError);
    expect((error as Error).message).toMatch(/^seed: creating models 'bad' failed \(.+\); created before it, and kept: 1 datasets$/);
    expect(Object.keys(emu.ids.datasets)).toEqual(['kept']);
  });

  it('reset() goes back to the constructor seed: same url and credentials, a working las', async () => {
    const emu = await start({ seed: { datasets: [{ name: 'invoices', documents: [{ name: 'a.pdf', content: PDF }] }] } });
    const { url, credentials } = emu;
    const documentId = emu.ids.documents['invoices/a.pdf'];
    await emu.las.documents.ref(documentId).update({ groundTruth: [{ label: 'x', value: 'changed' }] });
    await emu.las.datasets.create({ name: 'made by the test' });
    await emu.seed({ models: [{ name: 'later', width: 1200, height: 1200, fieldConfig: {} }] });
    await emu.las.documents.ref(documentId).delete();
    await emu.reset();
    expect(emu.url).toBe(url);
    expect(emu.credentials).toBe(credentials);
    expect((await emu.las.datasets.list().toArray()).map((d) => d.name)).toEqual(['invoices']);
    expect((await emu.las.documents.get(documentId)).groundTruth).toBeUndefined();
    expect(await emu.las.models.list().toArray()).toEqual([]);
    expect(Object.keys(emu.ids.models)).toEqual([]);
    expect(emu.ids.documents['invoices/a.pdf']).toBe(documentId);
    // What a reset restored is a copy: changing it again and resetting again comes back once more.
    await emu.las.documents.ref(documentId).update({ groundTruth: [{ label: 'x', value: 'again' }] });
    await emu.reset();
    expect((await emu.las.documents.get(documentId)).groundTruth).toBeUndefined();
  });

  it('refuses API versions it does not serve, in one clear sentence', async () => {
    await expect(testEmulator({ apiVersion: 'v2' })).rejects.toThrow(
      new ValidationError("testEmulator(options.apiVersion): unknown API version 'v2'; it serves '2021-09-23', '2024-11-29'"),
    );
    await expect(testEmulator({ apiVersion: 20241129 as unknown as string })).rejects.toThrow(/unknown API version number; it serves/);
    const emu = await start({ apiVersion: '2021-09-23' });
    expect(emu.apiVersion).toBe('2021-09-23');
  });
});
