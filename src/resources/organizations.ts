import { path } from '../http/path.js';
import type { RequestOptions } from '../http/request-options.js';
import { Collection } from './collection.js';
import { Entity, type Handle, checkId, entity } from './entity.js';
import { ids } from '../api/ids.js';
import { organizationSchema, updateOrganizationSchema, type OrganizationData, type UpdateOrganizationOptions } from '../api/organizations.js';

/** An organization: the account everything else belongs to, with its quotas. */
@entity(organizationSchema, { id: 'organizationId' })
export class Organization extends Entity<OrganizationData> {
  protected get path(): string {
    return path`/organizations/${this.organizationId}`;
  }

  /** Loads this organization's data. `GET /organizations/{organizationId}` */
  async refresh(requestOptions?: RequestOptions): Promise<this> {
    return this.reload(undefined, requestOptions);
  }

  /** Updates name or description. `PATCH /organizations/{organizationId}` */
  async update(options: UpdateOrganizationOptions, requestOptions?: RequestOptions): Promise<this> {
    return this.patchWith(updateOrganizationSchema, options, 'organization.update', requestOptions);
  }
}

/** A handle on a organization (`ref(id)`): its id and its methods; `await handle.refresh()` gives the organization. */
export type OrganizationHandle = Handle<Organization, OrganizationData, 'organizationId'>;

/** `las.organizations`: the organization the credentials belong to. */
export class Organizations extends Collection<Organization> {
  protected readonly entity = Organization;

  /** Gets an organization. `GET /organizations/{organizationId}` */
  async get(organizationId: string, requestOptions?: RequestOptions): Promise<Organization> {
    return this.ref(organizationId).refresh(requestOptions);
  }

  /** Updates an organization. `PATCH /organizations/{organizationId}` */
  async update(organizationId: string, options: UpdateOrganizationOptions, requestOptions?: RequestOptions): Promise<Organization> {
    return this.ref(organizationId).update(options, requestOptions);
  }

  /** A handle on an organization by id, without a request. */
  ref(organizationId: string): OrganizationHandle {
    return this.handle({ organizationId: checkId(organizationId, ids.organization, 'organizationId', 'organizations') });
  }
}
