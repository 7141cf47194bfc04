import { s, partial, type Infer } from '../schema/index.js';
import { ids } from '../schema/ids.js';
import { path } from '../http/path.js';
import type { RequestOptions } from '../http/request-options.js';
import { Collection } from './collection.js';
import { Entity, checkId, entity } from './entity.js';

/** The API's shape of an organization: its quotas and what it has used of them. */
export const organizationSchema = s.object({
  organizationId: ids.organization,
  name: s.nullable(s.text()),
  description: s.nullable(s.text()),
  monthlyUsageSummary: s.record(),
  monthlyNumberOfDataBundlesAllowed: s.integer({ minimum: 0 }),
  monthlyNumberOfDataBundlesCreated: s.integer({ minimum: 0 }),
  monthlyNumberOfDocumentsAllowed: s.integer({ minimum: 0 }),
  monthlyNumberOfDocumentsCreated: s.integer({ minimum: 0 }),
  monthlyNumberOfPredictionsAllowed: s.integer({ minimum: 0 }),
  monthlyNumberOfPredictionsCreated: s.integer({ minimum: 0 }),
  monthlyNumberOfTransitionExecutionsAllowed: s.integer({ minimum: 0 }),
  monthlyNumberOfTransitionExecutionsCreated: s.integer({ minimum: 0 }),
  monthlyNumberOfWorkflowExecutionsAllowed: s.integer({ minimum: 0 }),
  monthlyNumberOfWorkflowExecutionsCreated: s.integer({ minimum: 0 }),
  numberOfAppClientsAllowed: s.integer({ minimum: 0 }),
  numberOfAppClientsCreated: s.integer({ minimum: 0 }),
  numberOfAssetsAllowed: s.integer({ minimum: 0 }),
  numberOfAssetsCreated: s.integer({ minimum: 0 }),
  numberOfBatchesAllowed: s.integer({ minimum: 0 }),
  numberOfBatchesCreated: s.integer({ minimum: 0 }),
  numberOfDatasetsAllowed: s.optional(s.integer({ minimum: 0 })),
  numberOfDatasetsCreated: s.optional(s.integer({ minimum: 0 })),
  numberOfModelsAllowed: s.integer({ minimum: 0 }),
  numberOfModelsCreated: s.integer({ minimum: 0 }),
  numberOfSecretsAllowed: s.integer({ minimum: 0 }),
  numberOfSecretsCreated: s.integer({ minimum: 0 }),
  numberOfTransitionsAllowed: s.integer({ minimum: 0 }),
  numberOfTransitionsCreated: s.integer({ minimum: 0 }),
  numberOfUsersAllowed: s.integer({ minimum: 0 }),
  numberOfUsersCreated: s.integer({ minimum: 0 }),
  numberOfWorkflowsAllowed: s.integer({ minimum: 0 }),
  numberOfWorkflowsCreated: s.integer({ minimum: 0 }),
  updatedBy: s.nullable(s.text()),
  updatedTime: s.nullable(s.timestamp()),
});

/** Body of PATCH /organizations/{organizationId}. */
export const updateOrganizationSchema = partial(s.object({ name: s.nullable(s.text()), description: s.nullable(s.text()) }), {
  minProperties: 1,
});

/** An organization's data as the API returns it. */
export type OrganizationData = Infer<typeof organizationSchema>;
/** Options of `organization.update()`. */
export type UpdateOrganizationOptions = Infer<typeof updateOrganizationSchema>;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface Organization extends OrganizationData {}

/** An organization: the account everything else belongs to, with its quotas. */
@entity(organizationSchema)
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Organization extends Entity {
  /** The organization id. */
  get id(): string {
    return this.organizationId;
  }

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
  ref(organizationId: string): Organization {
    return this.handle({ organizationId: checkId(organizationId, ids.organization, 'organizationId', 'organizations') });
  }
}
