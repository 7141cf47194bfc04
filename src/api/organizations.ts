import { s, partial, type Infer } from '../schema/index.js';
import { ids } from './ids.js';

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
