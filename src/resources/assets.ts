import { s, type Schema } from '../schema/index.js';
import type { RequestOptions } from '../http/request-options.js';
import { loadAssetContent, type ContentInput } from '../content/content.js';
import { Collection, collectionOf } from './collection.js';
import { Entity, type Handle } from './entity.js';
import { entity } from './entity-metadata.js';
import { kinds } from '../api/kinds.js';
import { checkBody, someOptions } from './checks.js';
import type { ById, Delete, List, Ref, Refresh } from './methods.js';
import { updateAssetSchema, type AssetData, type CreateAssetOptions } from '../api/assets.js';
import type { ListOptions } from '../api/list.js';

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
@entity(kinds.asset)
export class Asset extends Entity<AssetData> {
  /** Loads this asset's data and content. `GET /assets/{assetId}` */
  declare refresh: Refresh<this>;

  /** Updates content, name or description. `PATCH /assets/{assetId}` */
  async update(options: UpdateAssetOptions, requestOptions?: RequestOptions): Promise<this> {
    checkBody(updateAssetOptionsSchema, options, this.what('update'));
    const { content, ...rest } = options;
    if (content === undefined) return this.patchWith(rest, requestOptions);
    return this.patchUpload(rest, await loadAssetContent(content), requestOptions);
  }

  /** Deletes the asset. `DELETE /assets/{assetId}` */
  declare delete: Delete<this>;
}

/** A handle on a asset (`ref(id)`): its id and its methods; `await handle.refresh()` gives the asset. */
export type AssetHandle = Handle<Asset, AssetData, 'assetId'>;

/** `las.assets`: the assets of the organization. */
@collectionOf(Asset)
export class Assets extends Collection<Asset> {
  /**
   * Uploads an asset. `POST /assets`. Content is bytes, a Blob, a stream, a file path or URL, or
   * `{ base64 }`.
   */
  async create(content: ContentInput, options: CreateAssetOptions = {}, requestOptions?: RequestOptions): Promise<Asset> {
    checkBody(someOptions, options, this.what('create'));
    return this.uploadWith({ ...options }, await loadAssetContent(content), requestOptions);
  }

  /** Lists assets. `GET /assets` */
  declare list: List<Asset, ListOptions>;

  /** Gets one asset with its content. `GET /assets/{assetId}` */
  declare get: ById<Asset['refresh']>;

  /** Updates an asset. `PATCH /assets/{assetId}` */
  declare update: ById<Asset['update']>;

  /** Deletes an asset. `DELETE /assets/{assetId}` */
  declare delete: ById<Asset['delete']>;

  /** A handle on an asset by id, without a request. */
  declare ref: Ref<AssetHandle>;
}
