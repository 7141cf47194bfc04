import { s, partial, type Infer } from '../schema/index.js';
import { ids } from './ids.js';

const contentSchema = s.string({ minLength: 1, maxLength: 6_250_000 });

/** The API's shape of an asset. */
export const assetSchema = s.object({
  assetId: ids.asset,
  content: s.optional(s.string({ minLength: 1 })),
  name: s.nullable(s.text()),
  description: s.nullable(s.text()),
  createdBy: s.nullable(s.text()),
  createdTime: s.nullable(s.timestamp()),
  updatedBy: s.nullable(s.text()),
  updatedTime: s.nullable(s.timestamp()),
});

/** Body of POST /assets. */
export const createAssetSchema = s.object({
  content: contentSchema,
  name: s.optional(s.nullable(s.text())),
  description: s.optional(s.nullable(s.text())),
});

/** Body of PATCH /assets/{assetId}: the spec sets no upper bound on `content` here. */
export const updateAssetSchema = partial(
  s.object({ content: s.string({ minLength: 1 }), name: s.nullable(s.text()), description: s.nullable(s.text()) }),
  { minProperties: 1 },
);

/** An asset's data as the API returns it (`content` is base64). */
export type AssetData = Infer<typeof assetSchema>;
/** Options of `las.assets.create()`. */
export type CreateAssetOptions = Omit<Infer<typeof createAssetSchema>, 'content'>;
