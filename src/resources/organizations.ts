import { Collection, collectionOf } from './collection.js';
import { Entity, type Handle } from './entity.js';
import { entity } from './entity-metadata.js';
import { kinds } from '../api/kinds.js';
import type { RequestOptions } from '../http/request-options.js';
import type { ById, List, Ref, Refresh, Update } from './methods.js';
import type { ListOptions } from '../api/list.js';
import type { CreateOrganizationOptions, OrganizationData, UpdateOrganizationOptions } from '../api/organizations.js';

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

/** `las.organizations`: the organization the credentials belong to (and under 2024-11-29, the ones they may see or create). */
@collectionOf(Organization)
export class Organizations extends Collection<Organization> {
  /** Creates an organization (2024-11-29). `POST /organizations` */
  async create(options: CreateOrganizationOptions = {}, requestOptions?: RequestOptions): Promise<Organization> {
    return this.createWith(options, requestOptions);
  }

  /** Lists the organizations the credentials may see (2024-11-29). `GET /organizations` */
  declare list: List<Organization, ListOptions>;

  /** Gets an organization. `GET /organizations/{organizationId}` */
  declare get: ById<Organization['refresh']>;

  /** Updates an organization. `PATCH /organizations/{organizationId}` */
  declare update: ById<Organization['update']>;

  /** A handle on an organization by id, without a request. */
  declare ref: Ref<OrganizationHandle>;
}
