import { s, type Infer, type Schema } from '../schema/index.js';
import { ids } from './ids.js';
import { listSchema, oneOrMore, type ListOptions } from './list.js';

const groundTruthSchema = s.array(
  s.object({
    label: s.string({ pattern: /^[0-9A-Za-z_]+$/, minLength: 1, maxLength: 36 }),
    value: s.nullable(s.union(s.string({ minLength: 1, maxLength: 64 }), s.boolean())),
  }),
);
const contentTypeSchema = s.enum(['application/pdf', 'image/jpeg', 'image/png', 'image/tiff']);

/** The API's shape of a document. */
export const documentSchema = s.object({
  documentId: ids.document,
  contentType: contentTypeSchema,
  content: s.optional(s.string({ minLength: 1 })),
  consentId: s.optional(ids.consent),
  batchId: s.optional(ids.batch),
  datasetId: s.optional(ids.dataset),
  groundTruth: s.optional(groundTruthSchema),
  retentionInDays: s.integer({ minimum: 1 }),
  createdBy: s.nullable(s.text()),
  createdTime: s.nullable(s.timestamp()),
  updatedBy: s.nullable(s.text()),
  updatedTime: s.nullable(s.timestamp()),
});

/** Body of POST /documents. */
export const createDocumentSchema = s.object({
  content: s.string({ minLength: 1, maxLength: 6_250_000 }),
  contentType: contentTypeSchema,
  consentId: s.optional(ids.consent),
  batchId: s.optional(ids.batch),
  datasetId: s.optional(ids.dataset),
  groundTruth: s.optional(groundTruthSchema),
  retentionInDays: s.optional(s.integer({ minimum: 1 })),
});

/** Body of PATCH /documents/{documentId}. */
export const updateDocumentSchema = s.object(
  {
    groundTruth: s.optional(groundTruthSchema),
    datasetId: s.optional(ids.dataset),
    retentionInDays: s.optional(s.integer({ minimum: 1 })),
  },
  { minProperties: 1 },
);

/** A document's data as the API returns it. */
export type DocumentData = Infer<typeof documentSchema>;
/** One labelled value of a document's ground truth. */
export type GroundTruthEntry = Infer<typeof groundTruthSchema>[number];

/** Options of `document.update()`. */
export type UpdateDocumentOptions = Infer<typeof updateDocumentSchema>;
/** Which documents to list or delete: each filter takes one id or several. */
export interface DocumentFilters {
  batchId?: string | string[];
  consentId?: string | string[];
  datasetId?: string | string[];
}
/** Options of `las.documents.list()`. */
export interface ListDocumentsOptions extends DocumentFilters, ListOptions {}

/** The filters of `GET /documents` and `DELETE /documents`. */
export const documentFilters = {
  batchId: s.optional(oneOrMore(ids.batch)),
  consentId: s.optional(oneOrMore(ids.consent)),
  datasetId: s.optional(oneOrMore(ids.dataset)),
} satisfies Record<keyof DocumentFilters, Schema>;
/** The query of `GET /documents`. */
export const listDocumentsSchema = listSchema(documentFilters);
