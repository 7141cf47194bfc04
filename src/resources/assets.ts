import { s, type Schema } from '../schema/index.js';
import { path } from '../http/path.js';
import type { RequestOptions } from '../http/request-options.js';
import { loadAssetContent, type ContentInput } from '../content/content.js';
import { Collection } from './collection.js';
import { Entity, type Handle, checkBody, checkId, entity, someOptions } from './entity.js';
import { assetSchema, createAssetSchema, updateAssetSchema, type AssetData, type CreateAssetOptions } from '../api/assets.js';
import { ids } from '../api/ids.js';
import { listOptionsSchema, type ListOptions } from '../api/list.js';

/** Options of `asset.update()`. */
export interface UpdateAssetOptions extends CreateAssetOptions {
  /** New content: bytes, a Blob, a stream, a file path or URL, or `{ base64 }`. */
  content?: ContentInput;
}

// The content's own checks are loadAssetContent's: it takes bytes, a Blob, a stream, a path or `{ base64 }`.
const updateAssetOptionsSchema = s.object(
  {
    ...updateAssetSchema.properties,
    content: s.optional(s.custom<ContentInput>('asset content', () => true)),
  } satisfies Record<keyof UpdateAssetOptions, Schema>,
  { minProperties: 1 },
);

/** An asset: a file (template, script, image) transitions use. */
@entity(assetSchema, { id: 'assetId' })
export class Asset extends Entity<AssetData> {
  protected get path(): string {
    return path`/assets/${this.assetId}`;
  }

  /** Loads this asset's data and content. `GET /assets/{assetId}` */
  async refresh(requestOptions?: RequestOptions): Promise<this> {
    return this.reload(undefined, requestOptions);
  }

  /** Updates content, name or description. `PATCH /assets/{assetId}` */
  async update(options: UpdateAssetOptions, requestOptions?: RequestOptions): Promise<this> {
    checkBody(updateAssetOptionsSchema, options, 'asset.update');
    const { content, ...rest } = options;
    if (content === undefined) return this.patchWith(updateAssetSchema, rest, 'asset.update', requestOptions);
    return this.patchUpload(updateAssetSchema, rest, await loadAssetContent(content), 'asset.update', requestOptions);
  }

  /** Deletes the asset. `DELETE /assets/{assetId}` */
  async delete(requestOptions?: RequestOptions): Promise<this> {
    return this.deleteWith(undefined, requestOptions);
  }
}

/** A handle on a asset (`ref(id)`): its id and its methods; `await handle.refresh()` gives the asset. */
export type AssetHandle = Handle<Asset, AssetData, 'assetId'>;

/** `las.assets`: the assets of the organization. */
export class Assets extends Collection<Asset> {
  protected readonly entity = Asset;

  /**
   * Uploads an asset. `POST /assets`. Content is bytes, a Blob, a stream, a file path or URL, or
   * `{ base64 }`.
   */
  async create(content: ContentInput, options: CreateAssetOptions = {}, requestOptions?: RequestOptions): Promise<Asset> {
    checkBody(someOptions, options, 'assets.create');
    return this.uploadAt('/assets', createAssetSchema, { ...options }, await loadAssetContent(content), 'assets.create', requestOptions);
  }

  /** Lists assets. `GET /assets` */
  list(options: ListOptions = {}, requestOptions?: RequestOptions) {
    return this.listAt('/assets', 'assets', listOptionsSchema, options, 'assets.list', requestOptions);
  }

  /** Gets one asset with its content. `GET /assets/{assetId}` */
  async get(assetId: string, requestOptions?: RequestOptions): Promise<Asset> {
    return this.ref(assetId).refresh(requestOptions);
  }

  /** Updates an asset. `PATCH /assets/{assetId}` */
  async update(assetId: string, options: UpdateAssetOptions, requestOptions?: RequestOptions): Promise<Asset> {
    return this.ref(assetId).update(options, requestOptions);
  }

  /** Deletes an asset. `DELETE /assets/{assetId}` */
  async delete(assetId: string, requestOptions?: RequestOptions): Promise<Asset> {
    return this.ref(assetId).delete(requestOptions);
  }

  /** A handle on an asset by id, without a request. */
  ref(assetId: string): AssetHandle {
    return this.handle({ assetId: checkId(assetId, ids.asset, 'assetId', 'assets') });
  }
}
