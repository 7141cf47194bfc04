import { s, type Infer, type Schema } from '../schema/index.js';
import { auditFields } from './fields.js';
import { ids } from './ids.js';
import { listSchema, oneOrMore, orderSchema, type ListOptions, type SortOrder } from './list.js';
import { optionalNameAndDescription } from './fields.js';
import { since2024, type InferEither } from './versioned.js';

const groundTruthSchema = s.array(
  s.object({
    /** The field (of the model's field config) the value is for. */
    label: s.string({ pattern: /^[0-9A-Za-z_]+$/, minLength: 1, maxLength: 36 }),
    /** The field's value in the document (`null` when it has none). */
    value: s.nullable(s.union(s.string({ minLength: 1, maxLength: 64 }), s.boolean())),
  }),
);
// 2024-11-29's ground truth: longer values, numbers, the pages a value is on, how sure it is,
// and lines of a table (a list of entries, or of lists of entries) as a value.
const groundTruth2024Schema = s.array(
  s.object({
    /** The field (of the model's field config) the value is for. */
    label: s.string({ pattern: /^[0-9A-Za-z-_]+$/, minLength: 1, maxLength: 36 }),
    /** The field's value in the document (`null` when it has none; a list for the lines of a table). */
    value: s.nullable(s.union(s.string({ maxLength: 1024 }), s.boolean(), s.number(), s.array(s.any()))),
    /** The pages the value is on. */
    pages: s.optional(s.array(s.integer())),
    /** How sure the one who labelled it is, 0 to 1. */
    confidence: s.optional(s.number({ minimum: 0, maximum: 1 })),
  }),
);
/** What 2024-11-29 adds to a document's create and update bodies: name, description, metadata, its ground truth's shape. */
const documentFields2024 = {
  ...optionalNameAndDescription,
  /** Your own data about it: any JSON object. */
  metadata: s.optional(s.record()),
  /** The correct values of the document's fields, for training. */
  groundTruth: s.optional(groundTruth2024Schema),
};

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
  /** MD5 checksum of the content, base64 (2024-11-29). */
  contentMD5: s.optional(s.nullable(s.text())),
  /** Name and description, for people (2024-11-29). */
  ...optionalNameAndDescription,
  /** Your own data about it: any JSON object (2024-11-29). */
  metadata: s.optional(s.nullable(s.record())),
  ...auditFields,
});

/**
 * Body of POST /documents (under 2024-11-29 with name, description and metadata, without
 * batchId; its content and contentType are optional there: the file server takes the bytes).
 */
export const createDocumentSchema = since2024(s.object({
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
}), {
  without: ['batchId'],
  with: {
    ...documentFields2024,
    /** The file, base64-encoded (or none: the bytes go to the file server). */
    content: s.optional(s.string({ minLength: 1, maxLength: 6_250_000 })),
    /** File type of the content. */
    contentType: s.optional(s.nullable(contentTypeSchema)),
  },
});

/** Body of PATCH /documents/{documentId} (under 2024-11-29 with name, description and metadata). */
export const updateDocumentSchema = since2024(s.object(
  {
    /** The correct values of the document's fields, for training. */
    groundTruth: s.optional(groundTruthSchema),
    /** The dataset the document belongs to. */
    datasetId: s.optional(ids.dataset),
    /** Days the API keeps the document before deleting it. */
    retentionInDays: s.optional(s.integer({ minimum: 1 })),
  },
  { minProperties: 1 },
), { with: { ...documentFields2024, groundTruth: s.optional(s.nullable(groundTruth2024Schema)) } });

/** A document's data as the API returns it. */
export type DocumentData = Infer<typeof documentSchema>;
/** One labelled value of a document's ground truth. */
export type GroundTruthEntry = Infer<typeof groundTruthSchema>[number];

/** Options of `document.update()`. */
export type UpdateDocumentOptions = InferEither<typeof updateDocumentSchema>;
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
export interface ListDocumentsOptions extends DocumentFilters, ListOptions {
  /** Only this document: 2024-11-29 only. */
  documentId?: string;
  /** The field the list is sorted by: 2024-11-29 only. */
  sortBy?: string;
  /** Sort direction: 2024-11-29 only. */
  order?: SortOrder;
}

/** The filters of `GET /documents` and `DELETE /documents`. */
export const documentFilters = {
  /** Only documents of this batch, or of any of these. */
  batchId: s.optional(oneOrMore(ids.batch)),
  /** Only documents under this consent, or any of these. */
  consentId: s.optional(oneOrMore(ids.consent)),
  /** Only documents of this dataset, or of any of these. */
  datasetId: s.optional(oneOrMore(ids.dataset)),
} satisfies Record<keyof DocumentFilters, Schema>;
/** The query of `GET /documents` (under 2024-11-29 without batchId, with documentId, sortBy and order). */
export const listDocumentsSchema = since2024(listSchema(documentFilters), {
  without: ['batchId'],
  with: {
    /** Only this document. */
    documentId: s.optional(ids.document),
    /** The field the list is sorted by. */
    sortBy: s.optional(s.string()),
    /** Sort direction. */
    order: s.optional(orderSchema),
  },
});
