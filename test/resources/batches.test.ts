import { api, captureBody, testLas, useApiMock } from '../helpers/api.js';
import { fixture } from '../helpers/fixtures.js';
import { Batch } from '../../src/resources/batches.js';
import { PartialFailureError, ServerError, ValidationError } from '../../src/errors.js';
import { thrown } from '../helpers/thrown.js';

const batch = fixture('batch');
const doc = fixture('document');
const id = batch.batchId as string;
const encoded = encodeURIComponent(id);

describe('batches', () => {
  useApiMock();
  const las = testLas();

  test('create POSTs the options as the body and returns a Batch', async () => {
    const sent: { body?: unknown } = {};
    api().post('/batches', captureBody(sent)).matchHeader('content-type', 'application/json').reply(200, batch);

    const created = await las.batches.create({
      name: 'October upload',
      description: 'Scanned receipts, October 2021',
      containsPersonallyIdentifiableInformation: true,
    });

    expect(sent.body).toEqual({
      name: 'October upload',
      description: 'Scanned receipts, October 2021',
      containsPersonallyIdentifiableInformation: true,
    });
    expect(created).toBeInstanceOf(Batch);
    expect(created.id).toBe(id);
    expect(created.numDocuments).toBe(42);
    expect(created.createdTime).toBeInstanceOf(Date);
    // The fixture's time is at +01:00.
    expect(created.createdTime?.toISOString()).toBe('2021-11-05T13:03:22.654Z');
  });

  test('create with no options sends an empty object', async () => {
    const sent: { body?: unknown } = {};
    api().post('/batches', captureBody(sent)).reply(200, batch);
    await las.batches.create();
    expect(sent.body).toEqual({});
  });

  test('null is sent as null', async () => {
    const sent: { body?: unknown } = {};
    api().patch(`/batches/${encoded}`, captureBody(sent)).reply(200, batch);
    await las.batches.update(id, { description: null as unknown as string });
    expect(sent.body).toEqual({ description: null });
  });

  test.each([
    ['collection', () => las.batches.delete(id)],
    ['instance', () => las.batches.ref(id).delete()],
  ])('delete (%s) DELETEs only the batch and returns it', async (_form, remove) => {
    api().delete(`/batches/${encoded}`).reply(200, batch);
    const deleted = await remove();
    expect(deleted).toBeInstanceOf(Batch);
    expect(deleted.id).toBe(id);
    expect(deleted.name).toBe('October upload');
  });

  test.each([
    ['collection', () => las.batches.delete(id, { deleteDocuments: true })],
    ['instance', () => las.batches.ref(id).delete({ deleteDocuments: true })],
  ])('delete with deleteDocuments (%s) empties the batch page by page, then deletes it', async (_form, remove) => {
    const order: string[] = [];
    api().delete('/documents').query({ batchId: id }).reply(200, () => {
      order.push('documents 1');
      return { documents: [doc], nextToken: 'more' };
    });
    api().delete('/documents').query({ batchId: id, nextToken: 'more' }).reply(200, () => {
      order.push('documents 2');
      return { documents: [doc], nextToken: null };
    });
    api().delete(`/batches/${encoded}`).reply(200, () => {
      order.push('batch');
      return batch;
    });

    const deleted = await remove();

    expect(order).toEqual(['documents 1', 'documents 2', 'batch']);
    expect(deleted).toBeInstanceOf(Batch);
    expect(deleted.id).toBe(id);
  });

  test('a failure while deleting documents says how many were deleted and keeps the batch', async () => {
    api().delete('/documents').query({ batchId: id }).reply(200, { documents: [doc, doc, doc], nextToken: 'more' });
    api().delete('/documents').query({ batchId: id, nextToken: 'more' }).reply(500, { message: 'boom' });
    // No interceptor for DELETE /batches/{id}: were it sent, nock would refuse it and the error would differ.

    const error = await thrown(las.batches.delete(id, { deleteDocuments: true }));

    expect(error).toBeInstanceOf(PartialFailureError);
    expect((error as PartialFailureError).completed).toBe(3);
    expect((error as Error).message).toMatch(/after 3 were deleted/);
    expect((error as Error).message).toContain(id);
    expect((error as Error).cause).toBeInstanceOf(ServerError);
  });

  test('bad input is a ValidationError before anything is sent', async () => {
    expect(() => las.batches.ref('las:dataset:0123456789abcdef0123456789abcdef')).toThrow(ValidationError);
    await expect(las.batches.create({ name: 42 as unknown as string })).rejects.toThrow(ValidationError);
    await expect(las.batches.create({ retentionInDays: 30 } as never)).rejects.toThrow(/retentionInDays: is not a known property/);
    await expect(las.batches.update(id, { description: 'x'.repeat(4097) })).rejects.toThrow(/description: must be at most 4096/);
    await expect(las.batches.delete('batch-1')).rejects.toThrow(ValidationError);
  });

  test('a batch has no refresh: the API cannot GET one by id', () => {
    expect('refresh' in las.batches.ref(id)).toBe(false);
    expect('get' in las.batches).toBe(false);
  });
});
