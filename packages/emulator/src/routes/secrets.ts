/** /secrets: values for transitions, stored but never shown again. */
import type { JsonObject } from '../json.js';
import type { Serving } from './kind-routes.js';
import { created, named, update } from './shared.js';

/** How secrets are served: their values are hidden. */
export const secrets: Serving = {
  table: 'secrets',
  create: ({ store }, body, req) => {
    const secretId = store.newId('secret');
    const data: JsonObject = { secretId, ...named(body), ...created(req.principal) };
    return store.tables.secrets.insert(secretId, data, { data: body.data }).data;
  },
  patch: ({ store }, row, { data, ...rest }, req) => {
    if (data !== undefined) row.hidden.data = data;
    return update(store.tables.secrets, row, rest, req.principal);
  },
};
