import { s, partial, type Infer } from '../schema/index.js';
import { path } from '../http/path.js';
import { Collection } from './collection.js';
import { Entity, checkId, entity } from './entity.js';

/** The API's shape of an organization: its quotas and what it has used of them. */
export const organizationSchema = s.object({
  organizationId: s.id('organization'),
  name: s.text(),
  description: s.text(),
  monthlyUsageSummary: s.record(),
  monthlyNumberOfDataBundlesAllowed: s.integer(),
  monthlyNumberOfDataBundlesCreated: s.integer(),
  monthlyNumberOfDocumentsAllowed: s.integer(),
  monthlyNumberOfDocumentsCreated: s.integer(),
  monthlyNumberOfPredictionsAllowed: s.integer(),
  monthlyNumberOfPredictionsCreated: s.integer(),
  monthlyNumberOfTransitionExecutionsAllowed: s.integer(),
  monthlyNumberOfTransitionExecutionsCreated: s.integer(),
  monthlyNumberOfWorkflowExecutionsAllowed: s.integer(),
  monthlyNumberOfWorkflowExecutionsCreated: s.integer(),
  numberOfAppClientsAllowed: s.integer(),
  numberOfAppClientsCreated: s.integer(),
  numberOfAssetsAllowed: s.integer(),
  numberOfAssetsCreated: s.integer(),
  numberOfBatchesAllowed: s.integer(),
  numberOfBatchesCreated: s.integer(),
  numberOfDatasetsAllowed: s.optional(s.integer()),
  numberOfDatasetsCreated: s.optional(s.integer()),
  numberOfModelsAllowed: s.integer(),
  numberOfModelsCreated: s.integer(),
  numberOfSecretsAllowed: s.integer(),
  numberOfSecretsCreated: s.integer(),
  numberOfTransitionsAllowed: s.integer(),
  numberOfTransitionsCreated: s.integer(),
  numberOfUsersAllowed: s.integer(),
  numberOfUsersCreated: s.integer(),
  numberOfWorkflowsAllowed: s.integer(),
  numberOfWorkflowsCreated: s.integer(),
  updatedBy: s.text(),
  updatedTime: s.timestamp(),
});

/** Body of PATCH /organizations/{organizationId}. */
export const updateOrganizationSchema = partial(s.object({ name: s.text(), description: s.text() }));

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
  async refresh(): Promise<this> {
    return this.reload();
  }

  /** Updates name or description. `PATCH /organizations/{organizationId}` */
  async update(options: UpdateOrganizationOptions): Promise<this> {
    return this.patchWith(updateOrganizationSchema, options, 'organization.update');
  }
}

/** `las.organizations`: the organization the credentials belong to. */
export class Organizations extends Collection<Organization> {
  protected readonly entity = Organization;

  /** Gets an organization. `GET /organizations/{organizationId}` */
  async get(organizationId: string): Promise<Organization> {
    return this.ref(organizationId).refresh();
  }

  /** Updates an organization. `PATCH /organizations/{organizationId}` */
  async update(organizationId: string, options: UpdateOrganizationOptions): Promise<Organization> {
    return this.ref(organizationId).update(options);
  }

  /** A handle on an organization by id, without a request. */
  ref(organizationId: string): Organization {
    return this.handle({ organizationId: checkId(organizationId, 'organization', 'organizations') });
  }
}
