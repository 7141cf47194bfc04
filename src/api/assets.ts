import { s, partial, type Infer } from '../schema/index.js';
import { auditFields, nameAndDescription, optionalNameAndDescription } from './fields.js';
import { ids } from './ids.js';

const contentSchema = s.string({ minLength: 1, maxLength: 6_250_000 });

/** The API's shape of an asset. */
export const assetSchema = s.object({
  /** Id of the asset. */
  assetId: ids.asset,
  /** The asset (e.g. a manual task's HTML), base64-encoded. */
  content: s.optional(s.string({ minLength: 1 })),
  /** MD5 checksum of the content, base64 (2024-11-29). */
  contentMD5: s.optional(s.nullable(s.text())),
  ...nameAndDescription,
  ...auditFields,
});

/** Body of POST /assets. */
export const createAssetSchema = s.object({
  /** The asset (e.g. a manual task's HTML), base64-encoded. */
  content: contentSchema,
  ...optionalNameAndDescription,
});

/** Body of PATCH /assets/{assetId}: the spec sets no upper bound on `content` here. */
export const updateAssetSchema = partial(
  s.object({
    /** The asset (e.g. a manual task's HTML), base64-encoded. */
    content: s.string({ minLength: 1 }),
    ...nameAndDescription,
  }),
  { minProperties: 1 },
);

/** An asset's data as the API returns it (`content` is base64). */
export type AssetData = Infer<typeof assetSchema>;
/** Options of `las.assets.create()`. */
export type CreateAssetOptions = Omit<Infer<typeof createAssetSchema>, 'content'>;
