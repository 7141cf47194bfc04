/**
 * Every operation of API version 2024-11-29 (its spec's facts, test/fixtures/las-oas-2024-11-29.facts.json)
 * and the SDK call that sends it, with arguments of the 2024 forms: the seed of the Prism run of
 * that spec (contract-2024.test.ts) and of the recording run (operations-2024.test.ts).
 */
import type { Las } from '../../src/las.js';

/** A client of 2024-11-29: the calls below type-check against its version's types. */
type Las2024 = Las<'2024-11-29'>;

/** The SDK's call of one operation, on a client speaking 2024-11-29. */
export type Call = (las: Las2024) => PromiseLike<unknown>;

const hex = (seed: string) => seed.repeat(32).slice(0, 32);
/** Ids of the 2024-11-29 forms; only their form matters. */
export const ID = {
  appClient: `las:app-client:${hex('a1')}`,
  asset: `las:asset:${hex('a2')}`,
  dataset: `las:dataset:${hex('d1')}`,
  document: `las:document:${hex('d3')}`,
  log: `las:log:${hex('e1')}`,
  model: `las:model:${hex('f1')}`,
  dataBundle: `las:model-data-bundle:${hex('f2')}`,
  training: 'las:model-training:invoices-2024',
  transformation: `las:dataset-transformation:${hex('f3')}`,
  deploymentEnvironment: 'las:organization:cradl/las:deployment-environment:eu-standard:@latest',
  organization: `las:organization:${hex('0a')}`,
  paymentMethod: `las:payment-method:${hex('0c')}`,
  plan: 'las:organization:cradl/las:plan:starter:3',
  prediction: `las:prediction:${hex('0d')}`,
  profile: `las:profile:${hex('0e')}`,
  role: 'las:role:document-reader',
  secret: `las:secret:${hex('5e')}`,
  transition: `las:transition:${hex('7a')}`,
  transitionExecution: `las:transition-execution:${hex('7b')}`,
  user: `las:user:${hex('0b')}`,
  workflow: `las:workflow:${hex('9a')}`,
  workflowExecution: `las:workflow-execution:${hex('9b')}`,
};

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const model = (las: Las2024) => las.models.ref(ID.model);
const dataset = (las: Las2024) => las.datasets.ref(ID.dataset);
const transitionExecution = (las: Las2024) => las.transitions.ref(ID.transition).executions.ref(ID.transitionExecution);
const workflowExecution = (las: Las2024) => las.workflows.ref(ID.workflow).executions.ref(ID.workflowExecution);

/** Every operation of 2024-11-29, by `METHOD /path/{param}`, and its call. */
export const OPERATIONS_2024: Record<string, Call> = {
  'DELETE /appClients/{appClientId}': (las) => las.appClients.delete(ID.appClient),
  'DELETE /assets/{assetId}': (las) => las.assets.delete(ID.asset),
  'DELETE /datasets/{datasetId}': (las) => las.datasets.delete(ID.dataset),
  'DELETE /datasets/{datasetId}/transformations/{transformationId}': (las) => dataset(las).transformations.delete(ID.transformation),
  'DELETE /documents': (las) => las.documents.deleteMany({ datasetId: ID.dataset }),
  'DELETE /documents/{documentId}': (las) => las.documents.delete(ID.document),
  'DELETE /models/{modelId}': (las) => las.models.delete(ID.model),
  'DELETE /models/{modelId}/dataBundles/{dataBundleId}': (las) => model(las).dataBundles.delete(ID.dataBundle),
  'DELETE /paymentMethods/{paymentMethodId}': (las) => las.paymentMethods.delete(ID.paymentMethod),
  'DELETE /secrets/{secretId}': (las) => las.secrets.delete(ID.secret),
  'DELETE /transitions/{transitionId}': (las) => las.transitions.delete(ID.transition),
  'DELETE /users/{userId}': (las) => las.users.delete(ID.user),
  'DELETE /workflows/{workflowId}': (las) => las.workflows.delete(ID.workflow),
  'DELETE /workflows/{workflowId}/executions/{executionId}': (las) => las.workflows.ref(ID.workflow).executions.delete(ID.workflowExecution),
  'GET /appClients': (las) => las.appClients.list(),
  'GET /appClients/{appClientId}': (las) => las.appClients.get(ID.appClient),
  'GET /assets': (las) => las.assets.list(),
  'GET /assets/{assetId}': (las) => las.assets.get(ID.asset),
  'GET /datasets': (las) => las.datasets.list(),
  'GET /datasets/{datasetId}': (las) => las.datasets.get(ID.dataset),
  'GET /datasets/{datasetId}/transformations': (las) => dataset(las).transformations.list({ status: ['running', 'failed'] }),
  'GET /deploymentEnvironments': (las) => las.deploymentEnvironments.list({ owner: 'las:organization:cradl' }),
  'GET /deploymentEnvironments/{deploymentEnvironmentId}': (las) => las.deploymentEnvironments.get(ID.deploymentEnvironment),
  'GET /documents': (las) => las.documents.list({ datasetId: ID.dataset }),
  'GET /documents/{documentId}': (las) => las.documents.get(ID.document),
  'GET /logs': (las) => las.logs.list(),
  'GET /logs/{logId}': (las) => las.logs.get(ID.log),
  'GET /models': (las) => las.models.list(),
  'GET /models/{modelId}': (las) => las.models.get(ID.model, { statisticsLastNDays: 7 }),
  'GET /models/{modelId}/dataBundles': (las) => model(las).dataBundles.list(),
  'GET /models/{modelId}/dataBundles/{dataBundleId}': (las) => model(las).dataBundles.get(ID.dataBundle),
  'GET /models/{modelId}/trainings': (las) => model(las).trainings.list({ status: 'running' }),
  'GET /models/{modelId}/trainings/{trainingId}': (las) => model(las).trainings.get(ID.training),
  'GET /organizations': (las) => las.organizations.list(),
  'GET /organizations/{organizationId}': (las) => las.organizations.get(ID.organization),
  'GET /paymentMethods': (las) => las.paymentMethods.list(),
  'GET /paymentMethods/{paymentMethodId}': (las) => las.paymentMethods.get(ID.paymentMethod),
  'GET /plans': (las) => las.plans.list({ owner: ['las:organization:cradl'] }),
  'GET /plans/{planId}': (las) => las.plans.get(ID.plan),
  'GET /predictions': (las) => las.predictions.list(),
  'GET /predictions/{predictionId}': (las) => las.predictions.get(ID.prediction),
  'GET /profiles/{profileId}': (las) => las.profiles.get(ID.profile),
  'GET /roles': (las) => las.roles.list(),
  'GET /roles/{roleId}': (las) => las.roles.get(ID.role),
  'GET /secrets': (las) => las.secrets.list(),
  'GET /transitions': (las) => las.transitions.list(),
  'GET /transitions/{transitionId}': (las) => las.transitions.get(ID.transition),
  'GET /transitions/{transitionId}/executions': (las) => las.transitions.ref(ID.transition).executions.list(),
  'GET /transitions/{transitionId}/executions/{executionId}': (las) => las.transitions.ref(ID.transition).executions.get(ID.transitionExecution),
  'GET /users': (las) => las.users.list(),
  'GET /users/{userId}': (las) => las.users.get(ID.user),
  'GET /workflows': (las) => las.workflows.list(),
  'GET /workflows/{workflowId}': (las) => las.workflows.get(ID.workflow),
  'GET /workflows/{workflowId}/executions': (las) => las.workflows.ref(ID.workflow).executions.list(),
  'GET /workflows/{workflowId}/executions/{executionId}': (las) => las.workflows.ref(ID.workflow).executions.get(ID.workflowExecution),
  'PATCH /appClients/{appClientId}': (las) => las.appClients.update(ID.appClient, { name: 'Invoice portal' }),
  'PATCH /assets/{assetId}': (las) => las.assets.update(ID.asset, { name: 'Review UI' }),
  'PATCH /datasets/{datasetId}': (las) => las.datasets.update(ID.dataset, { name: 'Invoices' }),
  'PATCH /documents/{documentId}': (las) => las.documents.update(ID.document, { datasetId: ID.dataset }),
  'PATCH /models/{modelId}': (las) => las.models.update(ID.model, { name: 'Invoices' }),
  'PATCH /models/{modelId}/dataBundles/{dataBundleId}': (las) => model(las).dataBundles.update(ID.dataBundle, { name: 'Q3' }),
  'PATCH /models/{modelId}/trainings/{trainingId}': (las) => model(las).trainings.update(ID.training, { status: 'cancelled' }),
  'PATCH /organizations/{organizationId}': (las) => las.organizations.update(ID.organization, { name: 'Acme AS' }),
  'PATCH /paymentMethods/{paymentMethodId}': (las) => las.paymentMethods.update(ID.paymentMethod, { stripeSetupIntentSecret: 'seti_secret' }),
  'PATCH /profiles/{profileId}': (las) => las.profiles.update(ID.profile, { givenName: 'Kari' }),
  'PATCH /secrets/{secretId}': (las) => las.secrets.update(ID.secret, { description: 'SMTP' }),
  'PATCH /transitions/{transitionId}': (las) => las.transitions.update(ID.transition, { name: 'Review' }),
  'PATCH /transitions/{transitionId}/executions/{executionId}': (las) => transitionExecution(las).succeed({ total: '100' }),
  'PATCH /users/{userId}': (las) => las.users.update(ID.user, { roleIds: [ID.role] }),
  'PATCH /workflows/{workflowId}': (las) => las.workflows.update(ID.workflow, { name: 'Invoices' }),
  'PATCH /workflows/{workflowId}/executions/{executionId}': (las) => workflowExecution(las).update({ nextTransitionId: ID.transition }),
  'POST /appClients': (las) => las.appClients.create(),
  'POST /assets': (las) => las.assets.create(PDF),
  'POST /datasets': (las) => las.datasets.create(),
  'POST /datasets/{datasetId}/transformations': (las) => dataset(las).transformations.create({ operations: [{ type: 'remove-duplicates' }] }),
  'POST /documents': (las) => las.documents.create(PDF),
  'POST /models': (las) => las.models.create({ fieldConfig: { total: { type: 'amount', maxLength: 12 } } }),
  'POST /models/{modelId}/dataBundles': (las) => model(las).dataBundles.create({ datasetIds: [ID.dataset] }),
  'POST /models/{modelId}/trainings': (las) => model(las).trainings.create({ dataBundleIds: [ID.dataBundle] }),
  'POST /organizations': (las) => las.organizations.create({ name: 'Acme AS' }),
  'POST /paymentMethods': (las) => las.paymentMethods.create({ name: 'Company card' }),
  'POST /predictions': (las) => las.predictions.create({ documentId: ID.document, modelId: ID.model }),
  'POST /secrets': (las) => las.secrets.create({ password: 'hunter2' }),
  'POST /transitions': (las) => las.transitions.create('manual'),
  'POST /transitions/{transitionId}/executions': (las) => las.transitions.ref(ID.transition).execute(),
  'POST /transitions/{transitionId}/executions/{executionId}/heartbeats': (las) => transitionExecution(las).heartbeat(),
  'POST /users': (las) => las.users.create('kari@example.com'),
  'POST /workflows': (las) => las.workflows.create({ definition: { StartAt: 'review', States: {} } } as never),
  'POST /workflows/{workflowId}/executions': (las) => las.workflows.ref(ID.workflow).execute({ documentId: ID.document }),
};
