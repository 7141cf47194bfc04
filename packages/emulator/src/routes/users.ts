/**
 * /users: the users of the organization. Under 2024-11-29 a user has roles, metadata, a status and
 * a profile (made with it, deleted with it) which holds the e-mail address a 2021-09-23 user has.
 */
import type { JsonObject } from '../json.js';
import type { Row, Store } from '../store.js';
import type { Serving } from './kind-routes.js';
import { createProfile } from './profiles.js';
import { checkRoleIds } from './roles.js';
import { created, update } from './shared.js';

/**
 * A user as the served version shows it. Under 2024-11-29 the e-mail address is the profile's: the
 * user keeps it only as the name a person signs in with (../oauth.ts, the ID token's claim).
 */
function view(store: Store, row: Row): JsonObject {
  if (store.meta.apiVersion !== '2024-11-29') return row.data;
  const { email: _signInName, ...shown } = row.data;
  return shown;
}

/** How users are served. */
export const users: Serving = {
  table: 'users',
  view,
  create: ({ apiVersion, store }, { appClientId, ...body }, req) => {
    // The app client a user is invited through must exist; the user's data does not keep it.
    if (typeof appClientId === 'string') store.tables.appClients.require(appClientId);
    const userId = store.newId('user');
    if (apiVersion !== '2024-11-29') {
      const data: JsonObject = { userId, ...body, ...created(req.principal) };
      return store.tables.users.insert(userId, data).data;
    }
    checkRoleIds(store, body.roleIds);
    const data: JsonObject = {
      userId,
      email: body.email,
      roleIds: body.roleIds ?? [],
      metadata: body.metadata ?? {},
      profileId: createProfile(store, body.email as string),
      // The emulator sends no invitation: the user is active at once.
      status: 'active',
      ...created(req.principal),
    };
    return view(store, store.tables.users.insert(userId, data));
  },
  patch: ({ store }, row, body, req) => {
    checkRoleIds(store, body.roleIds);
    return update(store.tables.users, row, body, req.principal);
  },
  remove: ({ store }, row) => {
    if (typeof row.data.profileId === 'string') store.tables.profiles.delete(row.data.profileId);
  },
};
