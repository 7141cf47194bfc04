/** /documents: uploaded pdfs and images, with optional ground truth. */
import { createDocumentSchema, documentSchema, updateDocumentSchema } from 'las-sdk/api';
import type { Context } from '../context.js';
import type { JsonObject } from '../json.js';
import { route, type ApiRequest, type Route } from '../router.js';
import type { Row, Store } from '../store.js';
import { checkBase64, checkBody, queryValues, required } from '../validation.js';
import { DEFAULT_RETENTION_DAYS } from './batches.js';
import { created, listAnswer, pathId, update } from './shared.js';

const FILTERS = ['batchId', 'consentId', 'datasetId'] as const;

// Each filter takes several ids (any of them matches); different filters must all match.
function matching(store: Store, req: ApiRequest): { rows: Row[]; echo: JsonObject } {
  const echo: JsonObject = {};
  const wanted = FILTERS.map((name) => {
    const ids = queryValues(req.query, name, required(documentSchema.properties[name]));
    if (ids) echo[name] = ids;
    return [name, ids] as const;
  });
  const rows = store.tables.documents.filter((row) => wanted.every(([name, ids]) => !ids || ids.includes(row.data[name] as string)));
  return { rows, echo };
}

/** The routes of documents. */
export const documentRoutes: Route[] = [
  route('POST', '/documents', ({ store }: Context, req) => {
    const { content, ...body } = checkBody(createDocumentSchema, req.body);
    checkBase64(content, 'body.content');
    const dataset = typeof body.datasetId === 'string' ? store.tables.datasets.require(body.datasetId) : undefined;
    if (typeof body.batchId === 'string') store.tables.batches.require(body.batchId);
    const documentId = store.newId('document');
    const data: JsonObject = {
      documentId,
      ...body,
      retentionInDays: body.retentionInDays ?? dataset?.data.retentionInDays ?? DEFAULT_RETENTION_DAYS,
      ...created(req.principal),
    };
    return store.tables.documents.insert(documentId, data, { content }).data;
  }),
  route('GET', '/documents', ({ store }: Context, req) => {
    const { rows, echo } = matching(store, req);
    return listAnswer('documents', rows, req, undefined, undefined, echo);
  }),
  // Deletes one page of the matching documents; its nextToken names the next page to delete.
  route('DELETE', '/documents', ({ store }: Context, req) => {
    const { rows, echo } = matching(store, req);
    const answer = listAnswer('documents', rows, req, undefined, undefined, echo);
    for (const doc of answer.documents as JsonObject[]) store.tables.documents.delete(doc.documentId as string);
    return answer;
  }),
  route('GET', '/documents/{documentId}', ({ store }: Context, req) => {
    const row = store.tables.documents.require(pathId(req, 'documentId', documentSchema.properties.documentId));
    return { ...row.data, content: row.hidden.content };
  }),
  route('PATCH', '/documents/{documentId}', ({ store }: Context, req) => {
    const row = store.tables.documents.require(pathId(req, 'documentId', documentSchema.properties.documentId));
    const body = checkBody(updateDocumentSchema, req.body);
    if (typeof body.datasetId === 'string') store.tables.datasets.require(body.datasetId);
    return update(store.tables.documents, row, body, req.principal).data;
  }),
  route('DELETE', '/documents/{documentId}', ({ store }: Context, req) => {
    const row = store.tables.documents.require(pathId(req, 'documentId', documentSchema.properties.documentId));
    store.tables.documents.delete(row.id);
    return row.data;
  }),
];
