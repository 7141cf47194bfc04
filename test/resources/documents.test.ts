import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, captureBody, testLas, useApiMock } from '../helpers/api.js';
import { fixture } from '../helpers/fixtures.js';
import { Document } from '../../src/resources/documents.js';
import { Prediction } from '../../src/resources/predictions.js';
import { ContentError, ValidationError } from '../../src/errors.js';
import { thrown } from '../helpers/thrown.js';

const document = fixture('document');
const prediction = fixture<{ modelId: string }>('prediction');
const id = document.documentId as string;
const encoded = encodeURIComponent(id);

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const batchId = 'las:batch:00112233445566778899aabbccddeeff';
const consentId = 'las:consent:0123456789abcdef0123456789abcdef';
const datasetId = 'las:dataset:0123456789abcdef0123456789abcdef';
const otherIds: Record<string, string> = {
  batchId: 'las:batch:ffeeddccbbaa99887766554433221100',
  consentId: 'las:consent:fedcba9876543210fedcba9876543210',
  datasetId: 'las:dataset:fedcba9876543210fedcba9876543210',
};
const filterIds: Record<string, string> = { batchId, consentId, datasetId };
const groundTruth = [
  { label: 'total_amount', value: '120.00' },
  { label: 'paid', value: true },
];

/** A nock reply that records the request's query parameters in order, exactly as sent. */
function replyRecordingQuery(into: { params?: [string, string][] }, body: object) {
  return (request: Request) => {
    into.params = [...new URL(request.url).searchParams];
    return [200, body] as const;
  };
}

describe('documents', () => {
  useApiMock();
  const las = testLas();

  describe('create', () => {
    test('from a Buffer: the content as base64, its type sniffed', async () => {
      const sent: { body?: unknown } = {};
      api().post('/documents', captureBody(sent)).matchHeader('content-type', 'application/json').reply(200, document);

      const created = await las.documents.create(pdf);

      expect(sent.body).toEqual({ content: pdf.toString('base64'), contentType: 'application/pdf' });
      expect(created).toBeInstanceOf(Document);
      expect(created.id).toBe(id);
      expect(created.createdTime).toBeInstanceOf(Date);
      expect(created.createdTime?.toISOString()).toBe('2021-09-23T08:42:38.000Z');
      expect(created.updatedTime?.toISOString()).toBe('2021-09-23T08:42:38.500Z');
    });

    test('with an explicit contentType and every option', async () => {
      const sent: { body?: unknown } = {};
      api().post('/documents', captureBody(sent)).reply(200, document);
      // Bytes no sniffer knows: only the explicit type can make this a jpeg.
      const bytes = Buffer.from('raw camera bytes');

      await las.documents.create(bytes, { contentType: 'image/jpeg', consentId, batchId, datasetId, groundTruth });

      expect(sent.body).toEqual({
        content: bytes.toString('base64'),
        contentType: 'image/jpeg',
        consentId,
        batchId,
        datasetId,
        groundTruth,
      });
    });

    test('from a file path', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'las-documents-'));
      const file = join(dir, 'invoice.pdf');
      writeFileSync(file, pdf);
      const sent: { body?: unknown } = {};
      api().post('/documents', captureBody(sent)).reply(200, document);

      try {
        const created = await las.documents.create(file, { datasetId });
        expect(created).toBeInstanceOf(Document);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }

      expect(sent.body).toEqual({ content: pdf.toString('base64'), contentType: 'application/pdf', datasetId });
    });

    test('unknown bytes without contentType are a ContentError and nothing is sent', async () => {
      const error = await thrown(las.documents.create(Buffer.from('just some text')));
      expect(error).toBeInstanceOf(ContentError);
      expect((error as Error).message).toMatch(/could not detect the content type/);
    });

    test('bad options are a ValidationError and nothing is sent', async () => {
      await expect(las.documents.create(pdf, { consentId: 'las:consent:nope' })).rejects.toThrow(ValidationError);
      await expect(las.documents.create(pdf, { groundTruth: [{ label: 'total amount', value: '1' }] })).rejects.toThrow(
        /groundTruth\[0\]\.label: must match/,
      );
    });
  });

  describe('list', () => {
    test.each(['batchId', 'consentId', 'datasetId'])('filters by one %s given as a string', async (filter) => {
      const seen: { params?: [string, string][] } = {};
      api().get('/documents').query(true).reply(replyRecordingQuery(seen, { documents: [], nextToken: null }));

      await las.documents.list({ [filter]: filterIds[filter] });

      expect(seen.params).toEqual([[filter, filterIds[filter]]]);
    });

    test.each(['batchId', 'consentId', 'datasetId'])('filters by several %s given as an array, as repeated keys', async (filter) => {
      const seen: { params?: [string, string][] } = {};
      api().get('/documents').query(true).reply(replyRecordingQuery(seen, { documents: [], nextToken: null }));

      await las.documents.list({ [filter]: [filterIds[filter], otherIds[filter]], maxResults: 5 });

      expect(seen.params).toEqual([
        [filter, filterIds[filter]],
        [filter, otherIds[filter]],
        ['maxResults', '5'],
      ]);
    });

    test('nock matches repeated keys against an array in the object form', async () => {
      api()
        .get('/documents')
        .query({ datasetId: [datasetId, otherIds.datasetId] })
        .reply(200, { documents: [document], nextToken: null });

      const page = await las.documents.list({ datasetId: [datasetId, otherIds.datasetId] });

      expect(page.items[0]).toBeInstanceOf(Document);
    });

    test('for await walks every page', async () => {
      const second = { ...document, documentId: 'las:document:ffffffffffffffffffffffffffffffff' };
      api().get('/documents').query({ batchId }).reply(200, { documents: [document], nextToken: 'page-2' });
      api().get('/documents').query({ batchId, nextToken: 'page-2' }).reply(200, { documents: [second], nextToken: null });

      const ids: string[] = [];
      for await (const d of las.documents.list({ batchId })) ids.push(d.id);

      expect(ids).toEqual([id, second.documentId]);
    });
  });

  test('get GETs the document by its URL-encoded id', async () => {
    api().get(`/documents/${encoded}`).reply(200, { ...document, content: pdf.toString('base64') });

    const got = await las.documents.get(id);

    expect(got).toBeInstanceOf(Document);
    expect(got.content).toBe(pdf.toString('base64'));
    expect(got.groundTruth).toEqual(groundTruth);
    expect(got.updatedTime?.toISOString()).toBe('2021-09-23T08:42:38.500Z');
  });

  // Fails until documents.ts is fixed: get/update/delete call this.ref(id) outside a promise, so a
  // malformed id throws synchronously instead of rejecting (`.catch()` chains never see it).
  test.each([
    ['get', () => las.documents.get(datasetId)],
    ['update', () => las.documents.update(datasetId, { datasetId })],
    ['delete', () => las.documents.delete(datasetId)],
  ])('BUG documents.ts: %s with an id of another kind should reject with a ValidationError, not throw synchronously', async (_method, call) => {
    let promise: Promise<unknown> | undefined;
    expect(() => {
      promise = call();
    }).not.toThrow();
    await expect(promise).rejects.toThrow(ValidationError);
  });

  test.each([
    ['collection', () => las.documents.update(id, { groundTruth, datasetId })],
    ['instance', () => las.documents.ref(id).update({ groundTruth, datasetId })],
  ])('update (%s) PATCHes groundTruth and datasetId and returns the Document', async (_form, update) => {
    const sent: { body?: unknown } = {};
    api().patch(`/documents/${encoded}`, captureBody(sent)).reply(200, { ...document, updatedTime: '2021-10-01T00:00:01Z' });

    const updated = await update();

    expect(sent.body).toEqual({ groundTruth, datasetId });
    expect(updated).toBeInstanceOf(Document);
    expect(updated.updatedTime?.toISOString()).toBe('2021-10-01T00:00:01.000Z');
  });

  // Fails until documents.ts is fixed: the spec's ground-truth value is a nullable string or a
  // boolean, but groundTruthSchema's union has no null, so a cleared value is rejected unsent.
  test('BUG documents.ts: update sends a ground-truth value of null, which the API accepts', async () => {
    const sent: { body?: unknown } = {};
    api().patch(`/documents/${encoded}`, captureBody(sent)).reply(200, document);

    await las.documents.update(id, { groundTruth: [{ label: 'total_amount', value: null as unknown as string }] });

    expect(sent.body).toEqual({ groundTruth: [{ label: 'total_amount', value: null }] });
  });

  test('bad update input is a ValidationError before anything is sent', async () => {
    await expect(las.documents.update(id, { datasetId: batchId })).rejects.toThrow(ValidationError);
    await expect(las.documents.ref(id).update({ groundTruth: [{ label: 'x' }] } as never)).rejects.toThrow(/groundTruth\[0\]\.value: is required/);
  });

  describe('deleteMany', () => {
    test('without deleteAll sends one DELETE /documents with the filters and returns that page', async () => {
      api()
        .delete('/documents')
        .query({ datasetId, batchId, maxResults: '2' })
        .reply(200, { documents: [document, document], nextToken: 'more' });

      const result = await las.documents.deleteMany({ datasetId, batchId, maxResults: 2 });

      expect(result.documents).toHaveLength(2);
      expect(result.documents[0]).toBeInstanceOf(Document);
      expect(result.documents[0].createdTime?.toISOString()).toBe('2021-09-23T08:42:38.000Z');
      expect(result.nextToken).toBe('more');
    });

    test('without deleteAll, a last page has no nextToken', async () => {
      api().delete('/documents').query({ consentId }).reply(200, { documents: [document], nextToken: null });
      const result = await las.documents.deleteMany({ consentId });
      expect(result.nextToken).toBeUndefined();
      expect(result.documents).toHaveLength(1);
    });

    test('with deleteAll repeats page after page until nextToken is null', async () => {
      const second = { ...document, documentId: 'las:document:ffffffffffffffffffffffffffffffff' };
      api().delete('/documents').query({ batchId }).reply(200, { documents: [document], nextToken: 'p2' });
      api().delete('/documents').query({ batchId, nextToken: 'p2' }).reply(200, { documents: [second], nextToken: 'p3' });
      api().delete('/documents').query({ batchId, nextToken: 'p3' }).reply(200, { documents: [], nextToken: null });

      const result = await las.documents.deleteMany({ batchId, deleteAll: true });

      expect(result.documents.map((d) => d.id)).toEqual([id, second.documentId]);
      expect(result.documents[1]).toBeInstanceOf(Document);
      expect(result.nextToken).toBeUndefined();
    });
  });

  test('predict POSTs /predictions with maxPages and both ids', async () => {
    const sent: { body?: unknown } = {};
    api().post('/predictions', captureBody(sent)).reply(200, prediction);

    const result = await las.documents.ref(id).predict(prediction.modelId, { maxPages: 2 });

    expect(sent.body).toEqual({ maxPages: 2, documentId: id, modelId: prediction.modelId });
    expect(result).toBeInstanceOf(Prediction);
    expect(result.predictions[0].label).toBe('total_amount');
  });

  test('predict with a bad model id is a ValidationError before anything is sent', async () => {
    await expect(las.documents.ref(id).predict(datasetId)).rejects.toThrow(/modelId: must be a model id/);
  });

});
