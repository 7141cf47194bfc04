import nock from 'nock';
import { api, captureBody, testLas, useApiMock } from '../helpers/api.js';
import { fixture } from '../helpers/fixtures.js';
import { DataBundle, DataBundles } from '../../src/resources/data-bundles.js';
import { ValidationError } from '../../src/errors.js';

const bundle = fixture('data-bundle');
const model = fixture('model');
const modelId = bundle.modelId as string;
const bundleId = bundle.dataBundleId as string;
const bundlesPath = `/models/${encodeURIComponent(modelId)}/dataBundles`;
const bundlePath = `${bundlesPath}/${encodeURIComponent(bundleId)}`;
const datasetIds = ['las:dataset:0123456789abcdef0123456789abcdef', 'las:dataset:fedcba9876543210fedcba9876543210'];

/** A nock reply that records the request's query parameters in order, as sent. */
function replyRecordingQuery(into: { params?: [string, string][] }, body: object) {
  return (request: Request) => {
    into.params = [...new URL(request.url).searchParams];
    return [200, body] as const;
  };
}

describe('data bundles', () => {
  useApiMock();
  const las = testLas();

  test('create POSTs datasetIds, name and description under the model and returns a DataBundle', async () => {
    const sent: { body?: unknown } = {};
    api().post(bundlesPath, captureBody(sent)).matchHeader('content-type', 'application/json').reply(200, bundle);

    const created = await las.models.ref(modelId).dataBundles.create({ datasetIds, name: 'Invoices Q3', description: 'Q3 data' });

    expect(sent.body).toEqual({ datasetIds, name: 'Invoices Q3', description: 'Q3 data' });
    expect(created).toBeInstanceOf(DataBundle);
    expect(created.id).toBe(bundleId);
    expect(created.modelId).toBe(modelId);
    expect(created.status).toBe('ready');
    expect(created.createdTime).toBeInstanceOf(Date);
    expect(created.createdTime?.toISOString()).toBe('2021-10-01T12:00:00.000Z');
    expect(created.updatedTime?.toISOString()).toBe('2021-10-01T12:30:45.250Z');
  });

  test('the nested datasets get Dates for their timestamps, and none where the API sent none', async () => {
    api().post(bundlesPath).reply(200, bundle);

    const created = await las.models.ref(modelId).dataBundles.create({ datasetIds });

    const [first, second] = created.datasets;
    expect(first.createdTime).toBeInstanceOf(Date);
    expect(first.createdTime?.toISOString()).toBe('2021-09-23T08:42:38.000Z');
    expect(first.updatedTime?.toISOString()).toBe('2021-09-24T10:11:12.500Z');
    expect(second.datasetId).toBe(datasetIds[1]);
    expect(second).not.toHaveProperty('createdTime');
  });

  test('the collection of a model got from the API works too', async () => {
    const sent: { body?: unknown } = {};
    api().get(`/models/${encodeURIComponent(modelId)}`).reply(200, model);
    api().post(bundlesPath, captureBody(sent)).reply(200, bundle);

    const got = await las.models.get(modelId);
    const created = await got.dataBundles.create({ datasetIds: [datasetIds[0]] });

    expect(sent.body).toEqual({ datasetIds: [datasetIds[0]] });
    expect(created).toBeInstanceOf(DataBundle);
  });

  test('bad create input is a ValidationError before anything is sent', async () => {
    const bundles = las.models.ref(modelId).dataBundles;
    await expect(bundles.create({ datasetIds: ['las:dataset:not-hex'] })).rejects.toThrow(ValidationError);
    await expect(bundles.create({ datasetIds: 'las:dataset:0123456789abcdef0123456789abcdef' as never })).rejects.toThrow(
      /datasetIds: must be an array/,
    );
    await expect(bundles.create({ datasetIds, status: 'ready' } as never)).rejects.toThrow(/status: is not a known property/);
  });

  test('list GETs the model\'s bundles with maxResults, nextToken and a status', async () => {
    api()
      .get(bundlesPath)
      .query({ maxResults: '3', nextToken: 'abc', status: 'ready' })
      .reply(200, { dataBundles: [bundle], nextToken: null });

    const page = await las.models.ref(modelId).dataBundles.list({ maxResults: 3, nextToken: 'abc', status: 'ready' });

    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toBeInstanceOf(DataBundle);
    expect(page.items[0].createdTime?.toISOString()).toBe('2021-10-01T12:00:00.000Z');
    expect(page.hasNextPage()).toBe(false);
  });

  test('under 2024-11-29 list filters by its statuses (running, succeeded, failed) and refuses the seed\'s, nothing sent', async () => {
    const las2024 = testLas({ apiVersion: '2024-11-29' });
    api().get(bundlesPath).query({ status: 'succeeded' }).reply(200, { dataBundles: [], nextToken: null });
    expect((await las2024.models.ref(modelId).dataBundles.list({ status: 'succeeded' })).items).toEqual([]);
    await expect(las2024.models.ref(modelId).dataBundles.list({ status: 'ready' })).rejects.toThrow(ValidationError);
    await expect(las.models.ref(modelId).dataBundles.list({ status: 'succeeded' })).rejects.toThrow(ValidationError);
  });

  test('list sends several statuses as repeated keys', async () => {
    const seen: { params?: [string, string][] } = {};
    api()
      .get(bundlesPath)
      .query(true)
      .reply(replyRecordingQuery(seen, { dataBundles: [], nextToken: null }));

    await las.models.ref(modelId).dataBundles.list({ status: ['processing', 'failed'] });

    expect(seen.params).toEqual([
      ['status', 'processing'],
      ['status', 'failed'],
    ]);
  });

  test.each([
    ['collection', () => las.models.ref(modelId).dataBundles.update(bundleId, { name: 'Renamed', description: 'New text' })],
    ['instance', () => las.models.ref(modelId).dataBundles.ref(bundleId).update({ name: 'Renamed', description: 'New text' })],
  ])('update (%s) PATCHes name and description and returns the DataBundle', async (_form, update) => {
    const sent: { body?: unknown } = {};
    api().patch(bundlePath, captureBody(sent)).reply(200, { ...bundle, name: 'Renamed', description: 'New text' });

    const updated = await update();

    expect(sent.body).toEqual({ name: 'Renamed', description: 'New text' });
    expect(updated).toBeInstanceOf(DataBundle);
    expect(updated.name).toBe('Renamed');
    expect(updated.updatedTime?.toISOString()).toBe('2021-10-01T12:30:45.250Z');
  });

  test('update on a listed bundle PATCHes the path built from its own ids', async () => {
    const sent: { body?: unknown } = {};
    api().get(bundlesPath).query({}).reply(200, { dataBundles: [bundle], nextToken: null });
    api().patch(bundlePath, captureBody(sent)).reply(200, bundle);

    const [listed] = (await las.models.ref(modelId).dataBundles.list()).items;
    await listed.update({ description: 'From the list' });

    expect(sent.body).toEqual({ description: 'From the list' });
  });

  test('bad update input is a ValidationError before anything is sent', async () => {
    const bundles = las.models.ref(modelId).dataBundles;
    await expect(bundles.update(bundleId, { name: 42 as never })).rejects.toThrow(ValidationError);
    await expect(bundles.ref(bundleId).update({ status: 'ready' } as never)).rejects.toThrow(/status: is not a known property/);
    await expect(bundles.update('las:dataset:0123456789abcdef0123456789abcdef', { name: 'x' })).rejects.toThrow(
      /dataBundleId: must be a model-data-bundle id/,
    );
    await expect(bundles.delete('las:dataset:0123456789abcdef0123456789abcdef')).rejects.toThrow(ValidationError);
  });

  test('delete through handles of the model and the bundle sends exactly one DELETE', async () => {
    const requests: string[] = [];
    const unmatched = (request: Request) => requests.push(`unmatched ${request.method} ${request.url}`);
    nock.emitter.on('no match', unmatched);
    api()
      .delete(bundlePath)
      .reply((request: Request) => {
        requests.push(`${request.method} ${new URL(request.url).pathname}`);
        return [200, bundle];
      });

    try {
      await las.models.ref(modelId).dataBundles.ref(bundleId).delete();
    } finally {
      nock.emitter.removeListener('no match', unmatched);
    }

    expect(requests).toEqual([`DELETE /v1${bundlePath}`]);
  });

  test('the collection keeps its model id', () => {
    const bundles = las.models.ref(modelId).dataBundles;
    expect(bundles).toBeInstanceOf(DataBundles);
    expect(bundles.modelId).toBe(modelId);
  });

});
