/** /assets: files (base64) that transitions use, such as a manual step's UI. */
import { createHash } from 'node:crypto';
import type { JsonObject } from '../json.js';
import type { Row } from '../store.js';
import { checkBase64 } from '../validation.js';
import type { Serving } from './kind-routes.js';
import { created, named, update } from './shared.js';

/**
 * The MD5 digest of an asset's content (its bytes, not their base64), base64-encoded as an HTTP
 * Content-MD5 is: 2024-11-29 shows it, so a client can tell whether its copy is current.
 */
export function contentMD5(content: string): string {
  return createHash('md5').update(Buffer.from(content, 'base64')).digest('base64');
}

// Under 2024-11-29 every answer shows the digest of the content, kept beside it.
function withDigest(apiVersion: string, row: Row): Row {
  if (apiVersion === '2024-11-29') row.data.contentMD5 = contentMD5(row.hidden.content as string);
  return row;
}

/** How assets are served: the content is hidden, except from GET of one asset (lists leave it out). */
export const assets: Serving = {
  table: 'assets',
  create: ({ store, apiVersion }, body, req) => {
    const content = checkBase64(body.content, 'body.content');
    const assetId = store.newId('asset');
    const data: JsonObject = { assetId, ...named(body), ...created(req.principal) };
    return withDigest(apiVersion, store.tables.assets.insert(assetId, data, { content })).data;
  },
  viewOne: (_store, row) => ({ ...row.data, content: row.hidden.content }),
  patch: ({ store, apiVersion }, row, { content, ...rest }, req) => {
    if (content !== undefined) row.hidden.content = checkBase64(content, 'body.content');
    return update(store.tables.assets, withDigest(apiVersion, row), rest, req.principal);
  },
};
