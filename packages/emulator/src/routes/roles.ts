/** Roles, read-only (2024-11-29): seeded by ../offered.ts; users and app clients name them in `roleIds`. */
import { badRequest } from '../http-error.js';
import type { Json } from '../json.js';
import type { Store } from '../store.js';
import type { Serving } from './kind-routes.js';

/** How roles are served: listed and read, never changed. */
export const roles: Serving = { table: 'roles' };

/** Checks that every role of `roleIds` (a checked body's field) exists: a 400 naming the first that does not. */
export function checkRoleIds(store: Store, roleIds: Json | undefined, name = 'body.roleIds'): void {
  if (!Array.isArray(roleIds)) return;
  roleIds.forEach((roleId, i) => {
    if (!store.tables.roles.get(roleId as string)) throw badRequest(`${name}[${i}]: no role ${String(roleId)}; GET /roles lists them`);
  });
}
