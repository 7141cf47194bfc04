/**
 * /documents: uploaded pdfs and images, with optional ground truth. Under API version 2024-11-29 a
 * document has a name, a description and metadata, and its bytes go to the file server
 * (files/file-server.ts) at its `fileUrl`, or inline in `POST /documents` as before.
 */
import { documentSchema, orderSchema, s } from 'las-sdk/api';
import type { Context } from '../context.js';
import { fileUrlOf, newFileId, setContent } from '../files/document-files.js';
import { documentContentType } from '../files/sniff.js';
import type { JsonObject } from '../json.js';
import { route, type ApiRequest } from '../router.js';
import type { Row, Store } from '../store.js';
import { checkBase64, queryValue, queryValues, required } from '../validation.js';
import { DEFAULT_RETENTION_DAYS } from './batches.js';
import type { Listing, Serving } from './kind-routes.js';
import { created, listAnswer, named, update } from './shared.js';

const FILTERS = ['batchId', 'consentId', 'datasetId'] as const;

// The one sort key of GET /documents (2024-11-29: its answer's `sortBy` enum).
const sortBySchema = s.enum(['createdTime']);

// The most characters of base64 a document's JSON holds (the spec's bound on `content`).
const MAX_INLINE_BASE64 = 6_250_000;

// Each filter takes several ids (any of them matches); different filters must all match. The
// query of 2024-11-29 adds `documentId`, `sortBy` and `order` (its answer echoes the last two).
function matching(req: ApiRequest, all: readonly Row[]): Listing {
  const echo: JsonObject = {};
  const wanted = FILTERS.map((name) => {
    const ids = queryValues(req.query, name, required(documentSchema.properties[name]));
    if (ids) echo[name] = ids;
    return [name, ids] as const;
  });
  const documentId = queryValue(req.query, 'documentId', documentSchema.properties.documentId);
  const sortBy = queryValue(req.query, 'sortBy', sortBySchema);
  const order = queryValue(req.query, 'order', orderSchema);
  const rows = all.filter(
    (row) => (documentId === undefined || row.id === documentId) && wanted.every(([name, ids]) => !ids || ids.includes(row.data[name] as string)),
  );
  if (sortBy) echo.sortBy = sortBy;
  if (order) echo.order = order;
  const ordering = { key: sortBy ? (row: Row) => row.data[sortBy] as string | null : undefined, descending: order === 'descending' };
  return { rows, ordering, echo };
}

// 2021-09-23: content and its type are required, and kept as sent.
function createInline({ store }: Context, { content, ...body }: JsonObject, req: ApiRequest): JsonObject {
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
}

// 2024-11-29: content is optional (the bytes may go to the fileUrl instead); without a contentType
// the content's is read from its bytes, as the file server does.
function createWithFile({ store }: Context, { content, contentType, metadata, name, description, ...body }: JsonObject, req: ApiRequest): JsonObject {
  const bytes = content === undefined ? undefined : Buffer.from(checkBase64(content, 'body.content'), 'base64');
  const type = bytes && typeof contentType !== 'string' ? documentContentType(bytes) : contentType;
  const dataset = typeof body.datasetId === 'string' ? store.tables.datasets.require(body.datasetId) : undefined;
  const documentId = store.newId('document');
  const data: JsonObject = {
    documentId,
    ...body,
    ...named({ name, description }),
    metadata: metadata ?? null,
    // Absent until known: the spec's enum of it has no null.
    ...(typeof type === 'string' && { contentType: type }),
    retentionInDays: body.retentionInDays ?? dataset?.data.retentionInDays ?? DEFAULT_RETENTION_DAYS,
    ...created(req.principal),
  };
  const row = store.tables.documents.insert(documentId, data, { fileId: newFileId() });
  if (bytes && typeof type === 'string') setContent(store, row, bytes, type, req.principal);
  return view(store, row);
}

// A document of 2024-11-29 shows where its file is.
function view(store: Store, row: Row): JsonObject {
  const fileUrl = fileUrlOf(store, row);
  return fileUrl === undefined ? row.data : { ...row.data, fileUrl };
}

/** How documents are served: the content is hidden, except from GET of one document. */
export const documents: Serving = {
  table: 'documents',
  create: (ctx, body, req) => (ctx.apiVersion === '2021-09-23' ? createInline(ctx, body, req) : createWithFile(ctx, body, req)),
  list: matching,
  view,
  // Under 2024-11-29 the content is inline only while the spec's bound holds it; the fileUrl has it always.
  viewOne: (store, row) => {
    const { content } = row.hidden;
    const inline = typeof content === 'string' && (row.hidden.fileId === undefined || content.length <= MAX_INLINE_BASE64);
    return inline ? { ...view(store, row), content } : view(store, row);
  },
  patch: ({ store }, row, { groundTruth, ...body }, req) => {
    if (typeof body.datasetId === 'string') store.tables.datasets.require(body.datasetId);
    // 2024-11-29 takes null to clear the ground truth; its document has none then (never null).
    if (groundTruth === null) delete row.data.groundTruth;
    return update(store.tables.documents, row, groundTruth === null || groundTruth === undefined ? body : { ...body, groundTruth }, req.principal);
  },
  routes: [
    // Deletes one page of the matching documents; its nextToken names the next page to delete.
    route('DELETE', '/documents', ({ store }: Context, req) => {
      const { rows, echo } = matching(req, store.tables.documents.rows());
      const answer = listAnswer('documents', rows, req, (row) => view(store, row), undefined, echo);
      for (const doc of answer.documents as JsonObject[]) store.tables.documents.delete(doc.documentId as string);
      return answer;
    }),
  ],
};
