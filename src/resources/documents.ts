import { omit, s } from '../schema/index.js';
import { withSignal, type RequestOptions } from '../http/request-options.js';
import type { Query, Session } from '../http/session.js';
import { loadDocumentContent, type ContentInput, type DocumentContentType } from '../content/content.js';
import { describeError, PartialFailureError } from '../errors.js';
import { Collection, collectionOf, toQuery } from './collection.js';
import { Entity, type Handle } from './entity.js';
import { entity } from './entity-metadata.js';
import { kinds } from '../api/kinds.js';
import { checkBody, checkedJson, someOptions, signalSchema } from './checks.js';
import type { ById, Delete, List, Ref, Refresh, Update } from './methods.js';
import { Prediction } from './predictions.js';
import {
  documentFilters,
  createDocumentSchema,
  type DocumentData,
  type UpdateDocumentOptions,
  type ListDocumentsOptions,
} from '../api/documents.js';
import { listSchema } from '../api/list.js';
import { since2024, type ByVersion, type OmitEither, type OmitFor } from '../api/versioned.js';
import type { ApiVersion } from '../api/versions/index.js';
import { shaped } from './shapes.js';
import { documentFileQuerySchema, type DocumentBytesOptions } from '../api/document-files.js';
import { createOnFileServer, documentBytes, documentSizeProblem, goesToFileServer } from './document-content.js';
import type { UploadContent } from '../http/document-body.js';
import { createPredictionSchema } from '../api/predictions.js';

/**
 * Options of `las.documents.create()` on a client of API version `V`: under `'2024-11-29'` its
 * fields (name, description, metadata; no `batchId`); by default those of either version.
 */
export type CreateDocumentOptions<V extends ApiVersion = '2021-09-23'> = OmitFor<typeof createDocumentSchema, 'content' | 'contentType', V> & {
  /** The content's type; detected from the bytes (pdf, jpeg, png, tiff, and webp under 2024-11-29) when omitted. */
  contentType?: DocumentContentType;
};
/** Options of `las.documents.list()` on a client of API version `V`: under `'2024-11-29'` without `batchId`. */
export type ListDocumentsOptionsOf<V extends ApiVersion> = ByVersion<V, ListDocumentsOptions, Omit<ListDocumentsOptions, 'batchId'>>;
/** Options of `las.documents.deleteMany()` on a client of API version `V`: under `'2024-11-29'` without `batchId`. */
export type DeleteDocumentsOptionsOf<V extends ApiVersion> = ByVersion<V, DeleteDocumentsOptions, Omit<DeleteDocumentsOptions, 'batchId'>>;
/** Options of `las.documents.deleteMany()`. */
export interface DeleteDocumentsOptions extends ListDocumentsOptions {
  /** Keep deleting page after page until no document matches. */
  deleteAll?: boolean;
  /** Stops the deletion, cancelling the request in flight (an `AbortError`, or a `PartialFailureError` after some pages). */
  signal?: AbortSignal;
}
/** What `deleteMany` deleted. */
export interface DeletedDocuments {
  /** The deleted documents. */
  documents: Document[];
  /** Set when more documents match: pass it again (or use `deleteAll`). */
  nextToken?: string;
}

const deleteDocumentsSchema = since2024(listSchema({ ...documentFilters, deleteAll: s.optional(s.boolean()), signal: s.optional(signalSchema) }), { without: ['batchId'] });
const predictOptionsSchema = omit(createPredictionSchema, ['documentId', 'modelId']);

/** A document: a pdf or image, with optional ground truth. */
@entity(kinds.document)
export class Document extends Entity<DocumentData> {
  /** Loads this document's data and content. `GET /documents/{documentId}` */
  declare refresh: Refresh<this>;

  /** Updates ground truth, dataset or retention. `PATCH /documents/{documentId}` */
  declare update: Update<this, UpdateDocumentOptions>;

  /** Deletes the document. `DELETE /documents/{documentId}` */
  declare delete: Delete<this>;

  /**
   * The document's content as bytes: under API version 2021-09-23 its base64 `content` (fetched
   * with `GET /documents/{documentId}` when this document holds none); under 2024-11-29 the file
   * server's `GET fileUrl`, which `options` (`width`, `height`, `page`, `rotation`, `density`,
   * `quality`) transform. Options under 2021-09-23 are a `ValidationError`.
   */
  async bytes(options: DocumentBytesOptions = {}, requestOptions?: RequestOptions): Promise<Uint8Array> {
    checkBody(documentFileQuerySchema, options, this.what('bytes'));
    return documentBytes(this.session, this, this.path, options, this.what('bytes'), requestOptions);
  }

  /** Runs a model on this document. `POST /predictions` */
  async predict(modelId: string, options: OmitEither<typeof createPredictionSchema, 'documentId' | 'modelId'> = {}, requestOptions?: RequestOptions): Promise<Prediction> {
    const what = this.what('predict');
    checkBody(shaped(this.session, predictOptionsSchema, options, what), options, what);
    // Checked once, as a whole body, under this method's name: then sent as predictions.create sends it.
    const fields = { ...options, documentId: this.documentId, modelId };
    const body = checkedJson(shaped(this.session, createPredictionSchema, fields, what, { method: 'POST', path: kinds.prediction.path }), fields, what);
    return Prediction.fromApi(this.session, await this.session.post(kinds.prediction.path, body, requestOptions));
  }
}

/** A handle on a document (`ref(id)`): its id and its methods; `await handle.refresh()` gives the document. */
export type DocumentHandle = Handle<Document, DocumentData, 'documentId'>;

/** `las.documents`: the documents of the organization. */
@collectionOf(Document)
export class Documents<V extends ApiVersion = '2021-09-23'> extends Collection<Document> {
  /**
   * Uploads a document. `POST /documents`. Content is bytes, a Blob, a stream, a file path or
   * URL, or `{ base64 }`; its type is detected when `contentType` is omitted. Inline base64 takes
   * at most 4,687,500 bytes. Under API version 2024-11-29 larger content, up to 64 MiB, goes to the
   * file server: `POST /documents` without it, then `PUT` to the answered `fileUrl`; a failure of
   * the PUT is an `IncompleteDocumentError` naming the document created without content.
   */
  async create(content: ContentInput, options: CreateDocumentOptions<V> = {} as CreateDocumentOptions<V>, requestOptions?: RequestOptions): Promise<Document> {
    checkBody(someOptions, options, this.what('create'));
    const loaded = await loadDocumentContent(content, options.contentType);
    const fields = { ...options, contentType: loaded.contentType };
    if (goesToFileServer(this.session, loaded.content)) {
      return this.hydrate(await createOnFileServer(this.session, fields, loaded.content, this.what('create'), requestOptions));
    }
    return this.uploadWith(fields, loaded.content, requestOptions);
  }

  /** Lists documents, optionally filtered. `GET /documents` */
  declare list: List<Document, ListDocumentsOptionsOf<V>>;

  /** Gets one document with its content. `GET /documents/{documentId}` */
  declare get: ById<Document['refresh']>;

  /** Updates a document. `PATCH /documents/{documentId}` */
  declare update: ById<Document['update']>;

  /** Deletes one document. `DELETE /documents/{documentId}` */
  declare delete: ById<Document['delete']>;

  /**
   * Deletes the documents matching the filters, a page per request. `DELETE /documents`. With
   * `deleteAll`, repeats until none match; a failure part-way is a {@link PartialFailureError}
   * saying how many were deleted. `signal` (here or in `requestOptions`) goes with every request.
   */
  async deleteMany(options: DeleteDocumentsOptionsOf<V> = {}, requestOptions?: RequestOptions): Promise<DeletedDocuments> {
    checkBody(shaped(this.session, deleteDocumentsSchema, options, this.what('deleteMany')), options, this.what('deleteMany'));
    const { deleteAll, signal, ...filters } = options;
    const query = toQuery(filters as Query);
    const perRequest = withSignal(requestOptions, signal);
    if (!deleteAll) {
      const page = await this.session.delete<{ documents: unknown[]; nextToken?: string | null }>('/documents', query, perRequest);
      return { documents: page.documents.map((d) => this.hydrate(d)), nextToken: page.nextToken ?? undefined };
    }
    return { documents: await deleteAllDocuments(this.session, query, 'documents', perRequest) };
  }

  /** A handle on a document by id, without a request. */
  declare ref: Ref<DocumentHandle>;

  /**
   * Why `content` is too large for {@link create} under this client's API version, or undefined.
   * @internal
   */
  sizeProblem(content: UploadContent): string | undefined {
    return documentSizeProblem(this.session, content);
  }
}

/**
 * `DELETE /documents` with `query` until no document matches; returns every deleted document.
 * @internal
 */
export async function deleteAllDocuments(session: Session, query: Query, what: string, requestOptions?: RequestOptions): Promise<Document[]> {
  const deleted: Document[] = [];
  let nextToken = query.nextToken as string | undefined;
  do {
    let page: { documents: unknown[]; nextToken?: string | null };
    try {
      page = await session.delete('/documents', { ...query, nextToken }, requestOptions);
    } catch (cause) {
      throw new PartialFailureError(
        `Deleting the documents of ${what} failed after ${deleted.length} were deleted: ${describeError(cause)}. Nothing else was deleted; call again to delete the rest.`,
        { cause, completed: deleted.length },
      );
    }
    deleted.push(...page.documents.map((d) => Document.fromApi(session, d)));
    nextToken = page.nextToken ?? undefined;
  } while (nextToken);
  return deleted;
}
