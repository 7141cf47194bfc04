import { s, type Infer, type Schema } from '../schema/index.js';
import { auditFields } from './fields.js';
import { ids } from './ids.js';
import { listSchema, oneOrMore, type ListOptions } from './list.js';

const groundTruthSchema = s.array(
  s.object({
    /** The field (of the model's field config) the value is for. */
    label: s.string({ pattern: /^[0-9A-Za-z_]+$/, minLength: 1, maxLength: 36 }),
    /** The field's value in the document (`null` when it has none). */
    value: s.nullable(s.union(s.string({ minLength: 1, maxLength: 64 }), s.boolean())),
  }),
);
// image/webp: API version 2024-11-29 only (the version check refuses it under 2021-09-23).
const contentTypeSchema = s.enum(['application/pdf', 'image/jpeg', 'image/png', 'image/tiff', 'image/webp']);

/** The API's shape of a document. */
export const documentSchema = s.object({
  /** Id of the document. */
  documentId: ids.document,
  /** File type of the content. */
  contentType: contentTypeSchema,
  /** The file, base64-encoded. */
  content: s.optional(s.string({ minLength: 1 })),
  /** Where the file is on the file server (API version 2024-11-29): `document.bytes()` reads it. */
  fileUrl: s.optional(s.nullable(s.string())),
  /** The consent it was collected under. */
  consentId: s.optional(ids.consent),
  /** The batch it belongs to. */
  batchId: s.optional(ids.batch),
  /** The dataset the document belongs to. */
  datasetId: s.optional(ids.dataset),
  /** The correct values of the document's fields, for training. */
  groundTruth: s.optional(groundTruthSchema),
  /** Days the API keeps the document before deleting it. */
  retentionInDays: s.integer({ minimum: 1 }),
  ...auditFields,
});

/** Body of POST /documents. */
export const createDocumentSchema = s.object({
  /** The file, base64-encoded. */
  content: s.string({ minLength: 1, maxLength: 6_250_000 }),
  /** File type of the content. */
  contentType: contentTypeSchema,
  /** The consent it was collected under. */
  consentId: s.optional(ids.consent),
  /** The batch it belongs to. */
  batchId: s.optional(ids.batch),
  /** The dataset the document belongs to. */
  datasetId: s.optional(ids.dataset),
  /** The correct values of the document's fields, for training. */
  groundTruth: s.optional(groundTruthSchema),
  /** Days the API keeps the document before deleting it. */
  retentionInDays: s.optional(s.integer({ minimum: 1 })),
});

/** Body of PATCH /documents/{documentId}. */
export const updateDocumentSchema = s.object(
  {
    /** The correct values of the document's fields, for training. */
    groundTruth: s.optional(groundTruthSchema),
    /** The dataset the document belongs to. */
    datasetId: s.optional(ids.dataset),
    /** Days the API keeps the document before deleting it. */
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
  /** Only documents of this batch, or of any of these. */
  batchId?: string | string[];
  /** Only documents under this consent, or any of these. */
  consentId?: string | string[];
  /** Only documents of this dataset, or of any of these. */
  datasetId?: string | string[];
}
/** Options of `las.documents.list()`. */
export interface ListDocumentsOptions extends DocumentFilters, ListOptions {}

/** The filters of `GET /documents` and `DELETE /documents`. */
export const documentFilters = {
  /** Only documents of this batch, or of any of these. */
  batchId: s.optional(oneOrMore(ids.batch)),
  /** Only documents under this consent, or any of these. */
  consentId: s.optional(oneOrMore(ids.consent)),
  /** Only documents of this dataset, or of any of these. */
  datasetId: s.optional(oneOrMore(ids.dataset)),
} satisfies Record<keyof DocumentFilters, Schema>;
/** The query of `GET /documents`. */
export const listDocumentsSchema = listSchema(documentFilters);
