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
  /** Most batches the organization may have (2021-09-23; 2024-11-29 has no batches). */
  numberOfBatchesAllowed: s.optional(s.integer({ minimum: 0 })),
  /** Batches the organization has created (2021-09-23). */
  numberOfBatchesCreated: s.optional(s.integer({ minimum: 0 })),
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
  /** The plan the organization is on (2024-11-29). */
  planId: s.optional(s.nullable(ids.plan)),
  /** The payment method the organization pays with (2024-11-29). */
  paymentMethodId: s.optional(s.nullable(ids.paymentMethod)),
  /** The OAuth client id of the organization (2024-11-29). */
  clientId: s.optional(s.nullable(s.string({ pattern: /^[0-9a-z]+$/ }))),
  /** Days a document is kept before it is deleted (2024-11-29). */
  documentRetentionInDays: s.optional(s.integer({ minimum: 1 })),
  /** Deployments the organization may have, by kind (2024-11-29). */
  deploymentsAllowed: s.optional(s.record()),
  /** Deployments the organization has, by kind (2024-11-29). */
  deploymentsCreated: s.optional(s.record()),
  /** Models in use this month (2024-11-29). */
  monthlyNumberOfActiveModelsUsed: s.optional(s.integer({ minimum: 0 })),
  /** Most field predictions per month (2024-11-29). */
  monthlyNumberOfFieldPredictionsAllowed: s.optional(s.integer({ minimum: 0 })),
  /** Field predictions made this month (2024-11-29). */
  monthlyNumberOfFieldPredictionsUsed: s.optional(s.integer({ minimum: 0 })),
  /** GPU hours used this month (2024-11-29). */
  monthlyNumberOfGpuHoursUsed: s.optional(s.number({ minimum: 0 })),
  /** Model deployment units used this month (2024-11-29). */
  monthlyNumberOfModelDeploymentUnitsUsed: s.optional(s.integer({ minimum: 0 })),
  /** Most page predictions per month (2024-11-29). */
  monthlyNumberOfPagePredictionsAllowed: s.optional(s.integer({ minimum: 0 })),
  /** Page predictions made this month (2024-11-29). */
  monthlyNumberOfPagePredictionsUsed: s.optional(s.integer({ minimum: 0 })),
  /** Minutes of production workflows this month (2024-11-29). */
  monthlyNumberOfProductionWorkflowMinutesUsed: s.optional(s.integer({ minimum: 0 })),
  /** Most trainings per month (2024-11-29). */
  monthlyNumberOfTrainingsAllowed: s.optional(s.integer({ minimum: 0 })),
  /** Trainings created this month (2024-11-29). */
  monthlyNumberOfTrainingsCreated: s.optional(s.integer({ minimum: 0 })),
  /** Most transformations per month (2024-11-29). */
  monthlyNumberOfTransformationsAllowed: s.optional(s.integer({ minimum: 0 })),
  /** Transformations created this month (2024-11-29). */
  monthlyNumberOfTransformationsCreated: s.optional(s.integer({ minimum: 0 })),
  /** User minutes used this month (2024-11-29). */
  monthlyNumberOfUserMinutesUsed: s.optional(s.number({ minimum: 0 })),
  /** When it was created (2024-11-29). */
  createdTime: s.optional(auditFields.createdTime),
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
