/**
 * Every kind of entity the API serves, one entry each: its collection's path, its id, its shapes
 * and what the API does on one entity's path. The SDK's collections and entities take their
 * plain methods (get, update, delete, ref, list), their paths and their error labels from here;
 * the emulator's plain routes and the CLI's plain commands can read the same table.
 */
import type { ObjectSchema, Schema } from '../schema/index.js';
import { ids } from './ids.js';
import { listOptionsSchema } from './list.js';
import { appClientSchema, createAppClientSchema, updateAppClientSchema } from './app-clients.js';
import { assetSchema, createAssetSchema, updateAssetSchema } from './assets.js';
import { batchSchema, createBatchSchema, updateBatchSchema } from './batches.js';
import { createDataBundleSchema, dataBundleSchema, listDataBundlesSchema, updateDataBundleSchema } from './data-bundles.js';
import { createDatasetSchema, datasetSchema, updateDatasetSchema } from './datasets.js';
import { createDocumentSchema, documentSchema, listDocumentsSchema, updateDocumentSchema } from './documents.js';
import { listLogsSchema, logSchema } from './logs.js';
import { deploymentEnvironmentSchema, listDeploymentEnvironmentsSchema } from './deployment-environments.js';
import { createPaymentMethodSchema, paymentMethodSchema, updatePaymentMethodSchema } from './payment-methods.js';
import { listPlansSchema, planSchema } from './plans.js';
import { profileSchema, updateProfileSchema } from './profiles.js';
import { roleSchema } from './roles.js';
import { createTrainingSchema, listTrainingsSchema, trainingSchema, updateTrainingSchema } from './trainings.js';
import { createTransformationSchema, listTransformationsSchema, transformationSchema } from './transformations.js';
import { createModelSchema, listModelsSchema, modelSchema, updateModelSchema } from './models.js';
import { createOrganizationSchema, organizationSchema, updateOrganizationSchema } from './organizations.js';
import { createPredictionSchema, listPredictionsSchema, predictionSchema } from './predictions.js';
import { createSecretSchema, secretSchema, updateSecretSchema } from './secrets.js';
import { listTransitionExecutionsSchema, transitionExecutionSchema, updateTransitionExecutionSchema } from './transition-executions.js';
import { createTransitionSchema, listTransitionsSchema, transitionSchema, updateTransitionSchema } from './transitions.js';
import { createUserSchema, updateUserSchema, userSchema } from './users.js';
import { listWorkflowExecutionsSchema, updateWorkflowExecutionSchema, workflowExecutionSchema } from './workflow-executions.js';
import { createWorkflowSchema, updateWorkflowSchema, workflowSchema } from './workflows.js';

/** What the API does on one entity's path: `GET`, `PATCH` (with {@link Kind.update}) and `DELETE`. */
export type EntityMethod = 'get' | 'update' | 'delete';

/** One kind of entity, as {@link kinds} describes it. */
export interface Kind {
  /** Its name, camelCase and singular (`workflowExecution`): error messages say `workflowExecution.update`. */
  readonly name: string;
  /** The kind whose entity this one's path is under (`workflow` for its executions), if any. */
  readonly parent?: string;
  /** The property holding its collection: on `Las` (`workflows`), or on the parent entity (`executions`). */
  readonly collection: string;
  /** The collection's path; a parent's id is `{field}`: `/workflows/{workflowId}/executions`. One entity's path adds `/{idField}`. */
  readonly path: string;
  /** The field holding the entity's own id (`workflowId`, `executionId`). */
  readonly idField: string;
  /** The schema of its id (one of {@link ids}). */
  readonly id: Schema;
  /** The entity's shape, as the API answers it. */
  readonly schema: ObjectSchema;
  /** The body of `POST {path}`, when the API creates this kind. */
  readonly create?: ObjectSchema;
  /** The body of `PATCH {path}/{idField}`, when the API updates this kind. */
  readonly update?: ObjectSchema;
  /** `GET {path}`, when the API lists this kind: the key of a page's items, the query's shape. */
  readonly list?: { readonly key: string; readonly query: ObjectSchema };
  /** What the API does on one entity's path. */
  readonly methods: readonly EntityMethod[];
}

const crud = ['get', 'update', 'delete'] as const;

/** Every kind of entity, by name. */
export const kinds = {
  /** App clients: credentials for programs and login pages. */
  appClient: {
    name: 'appClient', collection: 'appClients', path: '/appClients', idField: 'appClientId', id: ids.appClient, schema: appClientSchema,
    create: createAppClientSchema, update: updateAppClientSchema, list: { key: 'appClients', query: listOptionsSchema }, methods: crud,
  },
  /** Assets: files transitions use. */
  asset: {
    name: 'asset', collection: 'assets', path: '/assets', idField: 'assetId', id: ids.asset, schema: assetSchema,
    create: createAssetSchema, update: updateAssetSchema, list: { key: 'assets', query: listOptionsSchema }, methods: crud,
  },
  /** Batches of documents. */
  batch: {
    name: 'batch', collection: 'batches', path: '/batches', idField: 'batchId', id: ids.batch, schema: batchSchema,
    create: createBatchSchema, update: updateBatchSchema, list: { key: 'batches', query: listOptionsSchema }, methods: ['update', 'delete'],
  },
  /** Data bundles: a model's datasets, bundled for training. */
  dataBundle: {
    name: 'dataBundle', parent: 'model', collection: 'dataBundles', path: '/models/{modelId}/dataBundles', idField: 'dataBundleId', id: ids.dataBundle, schema: dataBundleSchema,
    create: createDataBundleSchema, update: updateDataBundleSchema, list: { key: 'dataBundles', query: listDataBundlesSchema }, methods: crud,
  },
  /** Datasets of documents to train on. */
  dataset: {
    name: 'dataset', collection: 'datasets', path: '/datasets', idField: 'datasetId', id: ids.dataset, schema: datasetSchema,
    create: createDatasetSchema, update: updateDatasetSchema, list: { key: 'datasets', query: listOptionsSchema }, methods: crud,
  },
  /** Documents: pdfs and images. */
  document: {
    name: 'document', collection: 'documents', path: '/documents', idField: 'documentId', id: ids.document, schema: documentSchema,
    create: createDocumentSchema, update: updateDocumentSchema, list: { key: 'documents', query: listDocumentsSchema }, methods: crud,
  },
  /** Deployment environments: where trained models run (2024-11-29). */
  deploymentEnvironment: {
    name: 'deploymentEnvironment', collection: 'deploymentEnvironments', path: '/deploymentEnvironments', idField: 'deploymentEnvironmentId',
    id: ids.deploymentEnvironment, schema: deploymentEnvironmentSchema, list: { key: 'deploymentEnvironments', query: listDeploymentEnvironmentsSchema }, methods: ['get'],
  },
  /** Logs of transition executions. */
  log: {
    name: 'log', collection: 'logs', path: '/logs', idField: 'logId', id: ids.log, schema: logSchema,
    list: { key: 'logs', query: listLogsSchema }, methods: ['get'],
  },
  /** Models. */
  model: {
    name: 'model', collection: 'models', path: '/models', idField: 'modelId', id: ids.model, schema: modelSchema,
    create: createModelSchema, update: updateModelSchema, list: { key: 'models', query: listModelsSchema }, methods: crud,
  },
  /** The organization. */
  organization: {
    name: 'organization', collection: 'organizations', path: '/organizations', idField: 'organizationId', id: ids.organization, schema: organizationSchema,
    create: createOrganizationSchema, update: updateOrganizationSchema, list: { key: 'organizations', query: listOptionsSchema }, methods: ['get', 'update'],
  },
  /** Payment methods of the organization (2024-11-29). */
  paymentMethod: {
    name: 'paymentMethod', collection: 'paymentMethods', path: '/paymentMethods', idField: 'paymentMethodId', id: ids.paymentMethod, schema: paymentMethodSchema,
    create: createPaymentMethodSchema, update: updatePaymentMethodSchema, list: { key: 'paymentMethods', query: listOptionsSchema }, methods: crud,
  },
  /** Plans the service offers (2024-11-29). */
  plan: {
    name: 'plan', collection: 'plans', path: '/plans', idField: 'planId', id: ids.plan, schema: planSchema,
    list: { key: 'plans', query: listPlansSchema }, methods: ['get'],
  },
  /** Predictions of models on documents. */
  prediction: {
    name: 'prediction', collection: 'predictions', path: '/predictions', idField: 'predictionId', id: ids.prediction, schema: predictionSchema,
    create: createPredictionSchema, list: { key: 'predictions', query: listPredictionsSchema }, methods: ['get'],
  },
  /** Profiles: a person's own data (2024-11-29). */
  profile: {
    name: 'profile', collection: 'profiles', path: '/profiles', idField: 'profileId', id: ids.profile, schema: profileSchema,
    update: updateProfileSchema, methods: ['get', 'update'],
  },
  /** Roles: what users and app clients may do (2024-11-29). */
  role: {
    name: 'role', collection: 'roles', path: '/roles', idField: 'roleId', id: ids.role, schema: roleSchema,
    list: { key: 'roles', query: listOptionsSchema }, methods: ['get'],
  },
  /** Secrets for transitions. */
  secret: {
    name: 'secret', collection: 'secrets', path: '/secrets', idField: 'secretId', id: ids.secret, schema: secretSchema,
    create: createSecretSchema, update: updateSecretSchema, list: { key: 'secrets', query: listOptionsSchema }, methods: ['update', 'delete'],
  },
  /** Trainings of a model (2024-11-29). */
  training: {
    name: 'training', parent: 'model', collection: 'trainings', path: '/models/{modelId}/trainings', idField: 'trainingId', id: ids.training, schema: trainingSchema,
    create: createTrainingSchema, update: updateTrainingSchema, list: { key: 'trainings', query: listTrainingsSchema }, methods: ['get', 'update'],
  },
  /** Transformations of a dataset (2024-11-29). */
  transformation: {
    name: 'transformation', parent: 'dataset', collection: 'transformations', path: '/datasets/{datasetId}/transformations', idField: 'transformationId',
    id: ids.transformation, schema: transformationSchema,
    create: createTransformationSchema, list: { key: 'transformations', query: listTransformationsSchema }, methods: ['delete'],
  },
  /** Transitions: the steps of workflows. */
  transition: {
    name: 'transition', collection: 'transitions', path: '/transitions', idField: 'transitionId', id: ids.transition, schema: transitionSchema,
    create: createTransitionSchema, update: updateTransitionSchema, list: { key: 'transitions', query: listTransitionsSchema }, methods: crud,
  },
  /** Executions of a transition. */
  transitionExecution: {
    name: 'transitionExecution', parent: 'transition', collection: 'executions', path: '/transitions/{transitionId}/executions', idField: 'executionId',
    id: ids.transitionExecution, schema: transitionExecutionSchema,
    update: updateTransitionExecutionSchema, list: { key: 'executions', query: listTransitionExecutionsSchema }, methods: ['get', 'update'],
  },
  /** Users of the organization. */
  user: {
    name: 'user', collection: 'users', path: '/users', idField: 'userId', id: ids.user, schema: userSchema,
    create: createUserSchema, update: updateUserSchema, list: { key: 'users', query: listOptionsSchema }, methods: crud,
  },
  /** Executions of a workflow. */
  workflowExecution: {
    name: 'workflowExecution', parent: 'workflow', collection: 'executions', path: '/workflows/{workflowId}/executions', idField: 'executionId',
    id: ids.workflowExecution, schema: workflowExecutionSchema,
    update: updateWorkflowExecutionSchema, list: { key: 'executions', query: listWorkflowExecutionsSchema }, methods: crud,
  },
  /** Workflows. */
  workflow: {
    name: 'workflow', collection: 'workflows', path: '/workflows', idField: 'workflowId', id: ids.workflow, schema: workflowSchema,
    create: createWorkflowSchema, update: updateWorkflowSchema, list: { key: 'workflows', query: listOptionsSchema }, methods: crud,
  },
} as const satisfies Record<string, Kind>;
