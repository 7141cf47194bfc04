import { Collection, collectionOf } from './collection.js';
import { Entity, type Handle } from './entity.js';
import { entity } from './entity-metadata.js';
import { kinds } from '../api/kinds.js';
import type { ById, List, Ref, Refresh } from './methods.js';
import type { ListOptions } from '../api/list.js';
import type { RoleData } from '../api/roles.js';

/** A role: what the users and app clients given it may do (2024-11-29; read only). */
@entity(kinds.role)
export class Role extends Entity<RoleData> {
  /** Loads this role's data. `GET /roles/{roleId}` */
  declare refresh: Refresh<this>;
}

/** A handle on a role (`ref(id)`): its id and its methods; `await handle.refresh()` gives the role. */
export type RoleHandle = Handle<Role, RoleData, 'roleId'>;

/** `las.roles`: the roles of the organization (2024-11-29). */
@collectionOf(Role)
export class Roles extends Collection<Role> {
  /** Lists roles. `GET /roles` */
  declare list: List<Role, ListOptions>;

  /** Gets one role. `GET /roles/{roleId}` */
  declare get: ById<Role['refresh']>;

  /** A handle on a role by id, without a request. */
  declare ref: Ref<RoleHandle>;
}
