/**
 * A document over 256 KiB under API version 2024-11-29 (its bytes to the file server) takes that
 * version's fields as a small one does: name, description, metadata and its ground truth go in the
 * POST; the other version's fields are refused before anything is sent.
 */
import nock from 'nock';
import { api, captureBody, testLas, TOKEN, useApiMock } from '../helpers/api.js';
import { fixture } from '../helpers/fixtures.js';
import { ValidationError } from '../../src/errors.js';

const FILES = 'https://files.las.test';
const documentId = fixture<{ documentId: string }>('document').documentId;
const FILE_PATH = `/documents/${encodeURIComponent(documentId)}`;
const datasetId = 'las:dataset:0123456789abcdef0123456789abcdef';
const large = Buffer.concat([Buffer.from('%PDF-1.4\n', 'latin1'), Buffer.alloc(300_000, 0x2d)]);

describe('documents.create over the file server (2024-11-29)', () => {
  useApiMock();
  const las = testLas({ apiVersion: '2024-11-29' });

  test('sends name, description and metadata in the POST, then the bytes in the PUT', async () => {
    const sent: { body?: unknown } = {};
    const { content: _none, ...data } = fixture('document');
    api().post('/documents', captureBody(sent)).reply(200, { ...data, name: 'scan.pdf', description: 'a scan', metadata: { source: 'scanner' }, fileUrl: `${FILES}${FILE_PATH}` });
    nock(FILES, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
      .put(FILE_PATH)
      .reply(200, '');

    await las.documents.create(large, { datasetId, name: 'scan.pdf', description: 'a scan', metadata: { source: 'scanner' } });

    expect(sent.body).toEqual({ datasetId, name: 'scan.pdf', description: 'a scan', metadata: { source: 'scanner' }, contentType: 'application/pdf' });
  });

  test('refuses a field of 2021-09-23 (batchId) naming the version, before anything is sent', async () => {
    const error = await las.documents.create(large, { batchId: 'las:batch:0123456789abcdef0123456789abcdef' } as never).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain('batchId is a field of API version 2021-09-23');
  });
});
