/** /assets: files (base64) that transitions use, such as a manual step's UI. */
import type { JsonObject } from '../json.js';
import { checkBase64 } from '../validation.js';
import type { Serving } from './kind-routes.js';
import { created, named, update } from './shared.js';

/** How assets are served: the content is hidden, except from GET of one asset (lists leave it out). */
export const assets: Serving = {
  table: 'assets',
  create: ({ store }, body, req) => {
    const content = checkBase64(body.content, 'body.content');
    const assetId = store.newId('asset');
    const data: JsonObject = { assetId, ...named(body), ...created(req.principal) };
    return store.tables.assets.insert(assetId, data, { content }).data;
  },
  viewOne: (_store, row) => ({ ...row.data, content: row.hidden.content }),
  patch: ({ store }, row, { content, ...rest }, req) => {
    if (content !== undefined) row.hidden.content = checkBase64(content, 'body.content');
    return update(store.tables.assets, row, rest, req.principal);
  },
};
