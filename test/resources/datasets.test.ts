import { api, captureBody, testLas, useApiMock } from '../helpers/api.js';
import { fixture } from '../helpers/fixtures.js';
import { Dataset } from '../../src/resources/datasets.js';
import { Document } from '../../src/resources/documents.js';
import { PartialFailureError, ServerError, ValidationError } from '../../src/errors.js';
import { thrown } from '../helpers/thrown.js';

const dataset = fixture('dataset');
const id = dataset.datasetId as string;
const encoded = encodeURIComponent(id);

describe('datasets', () => {
  useApiMock();
  const las = testLas();

  test('create POSTs the options as the body and returns a Dataset', async () => {
    const sent: { body?: unknown } = {};
    api().post('/datasets', captureBody(sent)).matchHeader('content-type', 'application/json').reply(200, dataset);

    const created = await las.datasets.create({ name: 'Invoices 2021', description: 'Supplier invoices' });

    expect(sent.body).toEqual({ name: 'Invoices 2021', description: 'Supplier invoices' });
    expect(created).toBeInstanceOf(Dataset);
    expect(created.id).toBe(id);
    expect(created.numberOfDocuments).toBe(12);
    expect(created.createdTime).toBeInstanceOf(Date);
    expect(created.createdTime?.toISOString()).toBe('2021-09-23T08:42:38.000Z');
    expect(created.updatedTime?.toISOString()).toBe('2021-09-24T10:11:12.123Z');
  });

  test('create with no options sends an empty object', async () => {
    const sent: { body?: unknown } = {};
    api().post('/datasets', captureBody(sent)).reply(200, dataset);
    await las.datasets.create();
    expect(sent.body).toEqual({});
  });

  test('null is sent as null, undefined is left out', async () => {
    const sent: { body?: unknown } = {};
    api().patch(`/datasets/${encoded}`, captureBody(sent)).reply(200, dataset);
    await las.datasets.update(id, { name: undefined, description: null as unknown as string });
    expect(sent.body).toEqual({ description: null });
  });

  test.each([
    ['collection', () => las.datasets.delete(id, { deleteDocuments: true })],
    ['instance', () => las.datasets.ref(id).delete({ deleteDocuments: true })],
  ])('delete with deleteDocuments (%s) empties the dataset page by page first', async (_form, remove) => {
    const doc = fixture('document');
    api().delete('/documents').query({ datasetId: id }).reply(200, { documents: [doc], nextToken: 'more' });
    api().delete('/documents').query({ datasetId: id, nextToken: 'more' }).reply(200, { documents: [doc], nextToken: null });
    api().delete(`/datasets/${encoded}`).reply(200, dataset);

    const deleted = await remove();

    expect(deleted).toBeInstanceOf(Dataset);
  });

  test('a failure while deleting documents says how many were deleted and keeps the dataset', async () => {
    const doc = fixture('document');
    api().delete('/documents').query({ datasetId: id }).reply(200, { documents: [doc, doc], nextToken: 'more' });
    api().delete('/documents').query({ datasetId: id, nextToken: 'more' }).reply(500, { message: 'boom' });

    const error = await thrown(las.datasets.delete(id, { deleteDocuments: true }));

    expect(error).toBeInstanceOf(PartialFailureError);
    expect((error as PartialFailureError).completed).toBe(2);
    expect((error as Error).message).toMatch(/after 2 were deleted/);
    expect((error as Error).cause).toBeInstanceOf(ServerError);
  });

  test('bad input is a ValidationError before anything is sent', async () => {
    await expect(las.datasets.get('las:document:0123')).rejects.toThrow(ValidationError);
    await expect(las.datasets.create({ name: 42 as unknown as string })).rejects.toThrow(/name: must be a string/);
    await expect(las.datasets.create({ bogus: true } as never)).rejects.toThrow(/bogus: is not a known property/);
  });

  test('documents deleted with the dataset are Document instances', async () => {
    const doc = fixture('document');
    api().delete('/documents').query({ datasetId: id }).reply(200, { documents: [doc], nextToken: null });
    const result = await las.documents.deleteMany({ datasetId: id, deleteAll: true });
    expect(result.documents[0]).toBeInstanceOf(Document);
  });
});
