/** /users: the users of the organization. */
import type { JsonObject } from '../json.js';
import type { Serving } from './kind-routes.js';
import { created } from './shared.js';

/** How users are served. */
export const users: Serving = {
  table: 'users',
  create: ({ store }, { appClientId, ...body }, req) => {
    // The app client a user is invited through must exist; the user's data does not keep it.
    if (typeof appClientId === 'string') store.tables.appClients.require(appClientId);
    const userId = store.newId('user');
    const data: JsonObject = { userId, ...body, ...created(req.principal) };
    return store.tables.users.insert(userId, data).data;
  },
};
