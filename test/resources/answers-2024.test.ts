/**
 * Answers of API version 2024-11-29 (test/fixtures/*-2024.json): the fields 2024-11-29 adds are
 * typed on the entities (each access below is checked by tsc: `npm run typecheck` covers test/),
 * and their JSON (`JSON.stringify`) gives them back as the API sent them.
 */
import { api, fixture, testLas, useApiMock } from '../helpers/index.js';

useApiMock();
const las = testLas({ apiVersion: '2024-11-29' });
const e = encodeURIComponent;

/** The 2024-11-29 answer `name`, answered once to GET `path`. */
function answer(name: string, path: (data: Record<string, unknown>) => string): Record<string, unknown> {
  const data = fixture(`${name}-2024`);
  api().get(path(data)).reply(200, data);
  return data;
}

/** The entity as `JSON.stringify` writes it. */
function toJSON(entity: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(entity)) as Record<string, unknown>;
}

/** What its JSON must keep: the answer's fields, times aside (they come back as the SDK writes them). */
function expectKept(json: object, data: Record<string, unknown>, fields: string[]): void {
  expect(json).toMatchObject(Object.fromEntries(fields.map((field) => [field, data[field]])));
}

test('a prediction: its training, pre- and postprocess configs, error, next page, status, creator', async () => {
  const data = answer('prediction', (d) => `/predictions/${e(String(d.predictionId))}`);
  const prediction = await las.predictions.get(String(data.predictionId));
  const trainingId: string | null | undefined = prediction.trainingId;
  const maxPages: number | undefined = prediction.preprocessConfig?.maxPages;
  const strategy: string | undefined = prediction.postprocessConfig?.strategy;
  const error: string | null | undefined = prediction.error;
  const nextPage: number | null | undefined = prediction.nextPage;
  const createdBy: string | null | undefined = prediction.createdBy;
  const timestamp: number | undefined = prediction.timestamp;
  expect({ trainingId, maxPages, strategy, error, nextPage, createdBy, timestamp }).toEqual({
    trainingId: data.trainingId, maxPages: 3, strategy: 'BEST_FIRST', error: null, nextPage: null, createdBy: data.createdBy, timestamp: undefined,
  });
  expect(prediction.createdTime).toBeTruthy();
  expectKept(toJSON(prediction), data, ['trainingId', 'preprocessConfig', 'postprocessConfig', 'error', 'nextPage', 'status', 'createdBy']);
});

test('a user and an app client: roles, profile, metadata, status; no email or API key', async () => {
  const userData = answer('user', (d) => `/users/${e(String(d.userId))}`);
  const user = await las.users.get(String(userData.userId));
  const roleIds: string[] | null | undefined = user.roleIds;
  const profileId: string | null | undefined = user.profileId;
  const metadata: Record<string, unknown> | null | undefined = user.metadata;
  const status: 'inactive' | 'active' | 'invite_pending' | undefined = user.status;
  const email: string | undefined = user.email;
  expect({ roleIds, profileId, metadata, status, email }).toEqual({
    roleIds: ['las:role:admin', 'las:role:reviewer'], profileId: userData.profileId, metadata: { team: 'accounts' }, status: 'active', email: undefined,
  });
  expectKept(toJSON(user), userData, ['roleIds', 'profileId', 'metadata', 'status']);

  const clientData = answer('app-client', (d) => `/appClients/${e(String(d.appClientId))}`);
  const client = await las.appClients.get(String(clientData.appClientId));
  const clientRoles: string[] | null | undefined = client.roleIds;
  const apiKey: string | null | undefined = client.apiKey;
  expect({ clientRoles, apiKey }).toEqual({ clientRoles: ['las:role:admin'], apiKey: undefined });
  expectKept(toJSON(client), clientData, ['roleIds']);
});

test("an organization: its plan, payment method, client, retention and this month's use", async () => {
  const data = answer('organization', (d) => `/organizations/${e(String(d.organizationId))}`);
  const organization = await las.organizations.get(String(data.organizationId));
  const planId: string | null | undefined = organization.planId;
  const paymentMethodId: string | null | undefined = organization.paymentMethodId;
  const clientId: string | null | undefined = organization.clientId;
  const retention: number | undefined = organization.documentRetentionInDays;
  const gpuHours: number | undefined = organization.monthlyNumberOfGpuHoursUsed;
  const fieldPredictions: number | undefined = organization.monthlyNumberOfFieldPredictionsUsed;
  const trainings: number | undefined = organization.monthlyNumberOfTrainingsCreated;
  const batches: number | undefined = organization.numberOfBatchesAllowed;
  expect({ planId, paymentMethodId, clientId, retention, gpuHours, fieldPredictions, trainings, batches }).toEqual({
    planId: data.planId, paymentMethodId: data.paymentMethodId, clientId: data.clientId, retention: 1825, gpuHours: 1.5, fieldPredictions: 1234, trainings: 1, batches: undefined,
  });
  expectKept(toJSON(organization), data, ['planId', 'paymentMethodId', 'clientId', 'documentRetentionInDays', 'monthlyNumberOfGpuHoursUsed', 'monthlyNumberOfTransformationsAllowed']);
});

test('a model: its training, postprocess config, owner, version, statistics, metadata; no width or height', async () => {
  const data = answer('model', (d) => `/models/${e(String(d.modelId))}`);
  const model = await las.models.get(String(data.modelId));
  const trainingId: string | null | undefined = model.trainingId;
  const organizationId: string | undefined = model.organizationId;
  const version: number | undefined = model.version;
  const running: number | undefined = model.numberOfRunningTrainings;
  const statistics: Record<string, unknown> | null | undefined = model.statistics;
  const metadata: Record<string, unknown> | null | undefined = model.metadata;
  const width: number | undefined = model.width;
  expect({ trainingId, organizationId, version, running, statistics, metadata, width, strategy: model.postprocessConfig?.strategy }).toEqual({
    trainingId: data.trainingId, organizationId: 'las:organization:cradl', version: 4, running: 0, statistics: { accuracy: 0.93 }, metadata: { owner: 'accounts' }, width: undefined, strategy: 'BEST_FIRST',
  });
  expectKept(toJSON(model), data, ['trainingId', 'postprocessConfig', 'organizationId', 'version', 'numberOfRunningTrainings', 'statistics', 'metadata']);
});

test('a workflow: status, mail in, metadata and monthly executions', async () => {
  const data = answer('workflow', (d) => `/workflows/${e(String(d.workflowId))}`);
  const workflow = await las.workflows.get(String(data.workflowId));
  const status: 'development' | 'production' | undefined = workflow.status;
  const secretId: string | undefined = workflow.emailConfig?.secretId;
  const metadata: Record<string, unknown> | null | undefined = workflow.metadata;
  const allowed: number | undefined = workflow.monthlyNumberOfWorkflowExecutionsAllowed;
  const created: number | undefined = workflow.monthlyNumberOfWorkflowExecutionsCreated;
  expect({ status, secretId, metadata, allowed, created }).toEqual({ status: 'production', secretId: 'las:secret:eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', metadata: { owner: 'accounts' }, allowed: 1000, created: 12 });
  expectKept(toJSON(workflow), data, ['status', 'emailConfig', 'metadata', 'monthlyNumberOfWorkflowExecutionsAllowed', 'monthlyNumberOfWorkflowExecutionsCreated']);
});

test('a document: name, description, metadata and checksum', async () => {
  const data = answer('document', (d) => `/documents/${e(String(d.documentId))}`);
  const document = await las.documents.get(String(data.documentId));
  const name: string | null | undefined = document.name;
  const description: string | null | undefined = document.description;
  const metadata: Record<string, unknown> | null | undefined = document.metadata;
  const contentMD5: string | null | undefined = document.contentMD5;
  expect({ name, description, metadata, contentMD5 }).toEqual({ name: 'Invoice 42', description: 'March', metadata: { source: 'mail' }, contentMD5: data.contentMD5 });
  expectKept(toJSON(document), data, ['name', 'description', 'metadata', 'contentMD5', 'fileUrl']);
});

test('a dataset, data bundle, asset and the executions: metadata, retention, checksum, creator, output', async () => {
  /** The seed's answer `name` with what 2024-11-29 adds, answered once to GET `path`. */
  function with2024(name: string, added: Record<string, unknown>, path: (data: Record<string, unknown>) => string): Record<string, unknown> {
    const data = { ...fixture(name), ...added };
    api().get(path(data)).reply(200, data);
    return data;
  }
  const id = (data: Record<string, unknown>, key: string) => e(String(data[key]));

  const datasetData = with2024('dataset', { metadata: { year: 2024 } }, (d) => `/datasets/${id(d, 'datasetId')}`);
  const dataset = await las.datasets.get(String(datasetData.datasetId));
  const datasetMetadata: Record<string, unknown> | null | undefined = dataset.metadata;
  expect(datasetMetadata).toEqual({ year: 2024 });
  expectKept(toJSON(dataset), datasetData, ['metadata']);

  const bundleData = with2024('data-bundle', { retentionInDays: 30 }, (d) => `/models/${id(d, 'modelId')}/dataBundles/${id(d, 'dataBundleId')}`);
  const bundle = await las.models.ref(String(bundleData.modelId)).dataBundles.get(String(bundleData.dataBundleId));
  const retentionInDays: number | undefined = bundle.retentionInDays;
  expect(retentionInDays).toBe(30);
  expectKept(toJSON(bundle), bundleData, ['retentionInDays']);

  const assetData = with2024('asset', { contentMD5: 'XrY7u+Ae7tCTyyK7j1rNww==' }, (d) => `/assets/${id(d, 'assetId')}`);
  const asset = await las.assets.get(String(assetData.assetId));
  const contentMD5: string | null | undefined = asset.contentMD5;
  expect(contentMD5).toBe('XrY7u+Ae7tCTyyK7j1rNww==');
  expectKept(toJSON(asset), assetData, ['contentMD5']);

  const startedBy = 'las:app-client:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
  const workflowRun = with2024('workflow-execution', { createdBy: startedBy }, (d) => `/workflows/${id(d, 'workflowId')}/executions/${id(d, 'executionId')}`);
  const run = await las.workflows.ref(String(workflowRun.workflowId)).executions.get(String(workflowRun.executionId));
  const createdBy: string | null | undefined = run.createdBy;
  expect(createdBy).toBe(startedBy);
  expectKept(toJSON(run), workflowRun, ['createdBy']);

  const transitionRun = with2024('transition-execution', { output: { approved: true } }, (d) => `/transitions/${id(d, 'transitionId')}/executions/${id(d, 'executionId')}`);
  const step = await las.transitions.ref(String(transitionRun.transitionId)).executions.get(String(transitionRun.executionId));
  const output: Record<string, unknown> | null | undefined = step.output;
  expect(output).toEqual({ approved: true });
  expectKept(toJSON(step), transitionRun, ['output']);
});
