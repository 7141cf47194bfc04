/** /assets: files (base64) that transitions use, such as a manual step's UI. */
import { assetSchema, createAssetSchema, updateAssetSchema } from 'las-sdk/api';
import type { Context } from '../context.js';
import type { JsonObject } from '../json.js';
import { route, type Route } from '../router.js';
import type { Row } from '../store.js';
import { checkBase64, checkBody } from '../validation.js';
import { created, listAnswer, orNull, pathId, update } from './shared.js';

// Content is large: lists leave it out, GET of one asset includes it.
const withContent = (row: Row): JsonObject => ({ ...row.data, content: row.hidden.content });

/** The routes of assets. */
export const assetRoutes: Route[] = [
  route('POST', '/assets', ({ store }: Context, req) => {
    const body = checkBody(createAssetSchema, req.body);
    const content = checkBase64(body.content, 'body.content');
    const assetId = store.newId('asset');
    const data: JsonObject = { assetId, name: orNull(body.name), description: orNull(body.description), ...created(req.principal) };
    return store.tables.assets.insert(assetId, data, { content }).data;
  }),
  route('GET', '/assets', ({ store }: Context, req) => listAnswer('assets', store.tables.assets.rows(), req)),
  route('GET', '/assets/{assetId}', ({ store }: Context, req) =>
    withContent(store.tables.assets.require(pathId(req, 'assetId', assetSchema.properties.assetId))),
  ),
  route('PATCH', '/assets/{assetId}', ({ store }: Context, req) => {
    const row = store.tables.assets.require(pathId(req, 'assetId', assetSchema.properties.assetId));
    const { content, ...rest } = checkBody(updateAssetSchema, req.body);
    if (content !== undefined) row.hidden.content = checkBase64(content, 'body.content');
    return update(store.tables.assets, row, rest, req.principal).data;
  }),
  route('DELETE', '/assets/{assetId}', ({ store }: Context, req) => {
    const row = store.tables.assets.require(pathId(req, 'assetId', assetSchema.properties.assetId));
    store.tables.assets.delete(row.id);
    return row.data;
  }),
];
