import { Collection, collectionOf } from './collection.js';
import { Entity, type Handle } from './entity.js';
import { entity } from './entity-metadata.js';
import { kinds } from '../api/kinds.js';
import type { ById, Ref, Refresh, Update } from './methods.js';
import type { OrganizationData, UpdateOrganizationOptions } from '../api/organizations.js';

/** An organization: the account everything else belongs to, with its quotas. */
@entity(kinds.organization)
export class Organization extends Entity<OrganizationData> {
  /** Loads this organization's data. `GET /organizations/{organizationId}` */
  declare refresh: Refresh<this>;

  /** Updates name or description. `PATCH /organizations/{organizationId}` */
  declare update: Update<this, UpdateOrganizationOptions>;
}

/** A handle on a organization (`ref(id)`): its id and its methods; `await handle.refresh()` gives the organization. */
export type OrganizationHandle = Handle<Organization, OrganizationData, 'organizationId'>;

/** `las.organizations`: the organization the credentials belong to. */
@collectionOf(Organization)
export class Organizations extends Collection<Organization> {
  /** Gets an organization. `GET /organizations/{organizationId}` */
  declare get: ById<Organization['refresh']>;

  /** Updates an organization. `PATCH /organizations/{organizationId}` */
  declare update: ById<Organization['update']>;

  /** A handle on an organization by id, without a request. */
  declare ref: Ref<OrganizationHandle>;
}
