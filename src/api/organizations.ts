import { s, type Infer } from '../schema/index.js';
import { auditFields, nameAndDescription } from './fields.js';
import { partialEither, since2024, type InferEither } from './versioned.js';
import { ids } from './ids.js';

/** The API's shape of an organization: its quotas and what it has used of them. */
export const organizationSchema = s.object({
  /** Id of the organization. */
  organizationId: ids.organization,
  ...nameAndDescription,
  /** Use this month, by kind. */
  monthlyUsageSummary: s.record(),
  /** Most data bundles the organization may create per month. */
  monthlyNumberOfDataBundlesAllowed: s.integer({ minimum: 0 }),
  /** Data bundles created this month. */
  monthlyNumberOfDataBundlesCreated: s.integer({ minimum: 0 }),
  /** Most documents the organization may create per month. */
  monthlyNumberOfDocumentsAllowed: s.integer({ minimum: 0 }),
  /** Documents created this month. */
  monthlyNumberOfDocumentsCreated: s.integer({ minimum: 0 }),
  /** Most predictions the organization may create per month. */
  monthlyNumberOfPredictionsAllowed: s.integer({ minimum: 0 }),
  /** Predictions created this month. */
  monthlyNumberOfPredictionsCreated: s.integer({ minimum: 0 }),
  /** Most transition executions the organization may create per month. */
  monthlyNumberOfTransitionExecutionsAllowed: s.integer({ minimum: 0 }),
  /** Transition executions created this month. */
  monthlyNumberOfTransitionExecutionsCreated: s.integer({ minimum: 0 }),
  /** Most workflow executions the organization may create per month. */
  monthlyNumberOfWorkflowExecutionsAllowed: s.integer({ minimum: 0 }),
  /** Workflow executions created this month. */
  monthlyNumberOfWorkflowExecutionsCreated: s.integer({ minimum: 0 }),
  /** Most app clients the organization may have. */
  numberOfAppClientsAllowed: s.integer({ minimum: 0 }),
  /** App clients the organization has created. */
  numberOfAppClientsCreated: s.integer({ minimum: 0 }),
  /** Most assets the organization may have. */
  numberOfAssetsAllowed: s.integer({ minimum: 0 }),
  /** Assets the organization has created. */
  numberOfAssetsCreated: s.integer({ minimum: 0 }),
  /** Most batches the organization may have. */
  numberOfBatchesAllowed: s.integer({ minimum: 0 }),
  /** Batches the organization has created. */
  numberOfBatchesCreated: s.integer({ minimum: 0 }),
  /** Most datasets the organization may have. */
  numberOfDatasetsAllowed: s.optional(s.integer({ minimum: 0 })),
  /** Datasets the organization has created. */
  numberOfDatasetsCreated: s.optional(s.integer({ minimum: 0 })),
  /** Most models the organization may have. */
  numberOfModelsAllowed: s.integer({ minimum: 0 }),
  /** Models the organization has created. */
  numberOfModelsCreated: s.integer({ minimum: 0 }),
  /** Most secrets the organization may have. */
  numberOfSecretsAllowed: s.integer({ minimum: 0 }),
  /** Secrets the organization has created. */
  numberOfSecretsCreated: s.integer({ minimum: 0 }),
  /** Most transitions the organization may have. */
  numberOfTransitionsAllowed: s.integer({ minimum: 0 }),
  /** Transitions the organization has created. */
  numberOfTransitionsCreated: s.integer({ minimum: 0 }),
  /** Most users the organization may have. */
  numberOfUsersAllowed: s.integer({ minimum: 0 }),
  /** Users the organization has created. */
  numberOfUsersCreated: s.integer({ minimum: 0 }),
  /** Most workflows the organization may have. */
  numberOfWorkflowsAllowed: s.integer({ minimum: 0 }),
  /** Workflows the organization has created. */
  numberOfWorkflowsCreated: s.integer({ minimum: 0 }),
  /** Who changed it last. */
  updatedBy: auditFields.updatedBy,
  /** When it was last changed. */
  updatedTime: auditFields.updatedTime,
});

/** Body of POST /organizations (2024-11-29). */
export const createOrganizationSchema = s.object({
  /** Display name, for people. */
  name: s.optional(s.nullable(s.text())),
});

/** Body of PATCH /organizations/{organizationId}. */
export const updateOrganizationSchema = partialEither(
  since2024(s.object(nameAndDescription), {
    with: {
      /** The payment method the organization pays with (null for none). */
      paymentMethodId: s.nullable(s.described(s.string({ pattern: /^las:payment-method:[a-f0-9]{32}$/ }), 'a payment method id (las:payment-method:<32 hex digits>)')),
      /** The plan the organization is on. */
      planId: s.described(
        s.string({ pattern: /^(|las:organization:[a-z0-9-_]+\/)las:plan:[a-z0-9-_]+(|:@[a-z0-9-_]+|:[0-9]+)$/ }),
        'a plan id (las:plan:<name>, optionally las:organization:<slug>/ before it and :<version> after it)',
      ),
    },
  }),
  { minProperties: 1 },
);

/** An organization's data as the API returns it. */
export type OrganizationData = Infer<typeof organizationSchema>;
/** Options of `las.organizations.create()`. */
export type CreateOrganizationOptions = Infer<typeof createOrganizationSchema>;
/** Options of `organization.update()`. */
export type UpdateOrganizationOptions = InferEither<typeof updateOrganizationSchema>;
