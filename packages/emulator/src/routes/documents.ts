/** /documents: uploaded pdfs and images, with optional ground truth. */
import { documentSchema } from 'las-sdk/api';
import type { Context } from '../context.js';
import type { JsonObject } from '../json.js';
import { route, type ApiRequest } from '../router.js';
import type { Row } from '../store.js';
import { checkBase64, queryValues, required } from '../validation.js';
import { DEFAULT_RETENTION_DAYS } from './batches.js';
import type { Listing, Serving } from './kind-routes.js';
import { created, listAnswer, update } from './shared.js';

const FILTERS = ['batchId', 'consentId', 'datasetId'] as const;

// Each filter takes several ids (any of them matches); different filters must all match.
function matching(req: ApiRequest, all: readonly Row[]): Listing {
  const echo: JsonObject = {};
  const wanted = FILTERS.map((name) => {
    const ids = queryValues(req.query, name, required(documentSchema.properties[name]));
    if (ids) echo[name] = ids;
    return [name, ids] as const;
  });
  const rows = all.filter((row) => wanted.every(([name, ids]) => !ids || ids.includes(row.data[name] as string)));
  return { rows, echo };
}

/** How documents are served: the content is hidden, except from GET of one document. */
export const documents: Serving = {
  table: 'documents',
  create: ({ store }, { content, ...body }, req) => {
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
  },
  list: matching,
  viewOne: (_store, row) => ({ ...row.data, content: row.hidden.content }),
  patch: ({ store }, row, body, req) => {
    if (typeof body.datasetId === 'string') store.tables.datasets.require(body.datasetId);
    return update(store.tables.documents, row, body, req.principal);
  },
  routes: [
    // Deletes one page of the matching documents; its nextToken names the next page to delete.
    route('DELETE', '/documents', ({ store }: Context, req) => {
      const { rows, echo } = matching(req, store.tables.documents.rows());
      const answer = listAnswer('documents', rows, req, undefined, undefined, echo);
      for (const doc of answer.documents as JsonObject[]) store.tables.documents.delete(doc.documentId as string);
      return answer;
    }),
  ],
};
