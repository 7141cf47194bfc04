import nock from 'nock';
import { AbortError, TimeoutError } from '../../src/errors.js';
import type { RequestOptions } from '../../src/http/request-options.js';
import { Las } from '../../src/las.js';
import { API_BASE, API_ORIGIN, TOKEN, testLas, useApiMock } from '../helpers/api.js';
import { fixture } from '../helpers/fixtures.js';
import { serverCredentials, startServer, type TestServer } from '../helpers/server.js';
import { thrown } from '../helpers/thrown.js';

/**
 * Every method of API.md's table, once: the request it sends and a reply it takes. Each is run
 * with request options (extra headers, a timeout, a signal) to see that they reach the request.
 */
interface Row {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Below the API base, percent-encoded as sent. */
  path: string;
  reply: object;
  call: (las: Las, options: RequestOptions) => Promise<unknown>;
}

const enc = encodeURIComponent;
const data = (name: string) => fixture(name);
const id = (name: string, key: string) => data(name)[key] as string;
const appClientId = id('app-client', 'appClientId');
const assetId = id('asset', 'assetId');
const batchId = id('batch', 'batchId');
const datasetId = id('dataset', 'datasetId');
const documentId = id('document', 'documentId');
const logId = id('log', 'logId');
const modelId = id('model', 'modelId');
const bundleId = id('data-bundle', 'dataBundleId');
const organizationId = id('organization', 'organizationId');
const secretId = id('secret', 'secretId');
const transitionId = id('transition-execution', 'transitionId');
const tExecutionId = id('transition-execution', 'executionId');
const userId = id('user', 'userId');
const workflowId = id('workflow-execution', 'workflowId');
const wExecutionId = id('workflow-execution', 'executionId');
const pdf = Buffer.from('%PDF-1.7\n%test\n');
const page = (key: string, name: string) => ({ [key]: [data(name)], nextToken: null });
const tExecution = `/transitions/${enc(transitionId)}/executions/${enc(tExecutionId)}`;
const wExecution = `/workflows/${enc(workflowId)}/executions/${enc(wExecutionId)}`;
const bundle = `/models/${enc(modelId)}/dataBundles/${enc(bundleId)}`;

// prettier-ignore
const rows: Row[] = [
  { name: 'appClients.create', method: 'POST', path: '/appClients', reply: data('app-client'), call: async (las, o) => las.appClients.create({}, o) },
  { name: 'appClients.list', method: 'GET', path: '/appClients', reply: page('appClients', 'app-client'), call: async (las, o) => las.appClients.list({}, o) },
  { name: 'appClients.update', method: 'PATCH', path: `/appClients/${enc(appClientId)}`, reply: data('app-client'), call: async (las, o) => las.appClients.update(appClientId, { name: 'n' }, o) },
  { name: 'appClient.update', method: 'PATCH', path: `/appClients/${enc(appClientId)}`, reply: data('app-client'), call: async (las, o) => las.appClients.ref(appClientId).update({ name: 'n' }, o) },
  { name: 'appClients.delete', method: 'DELETE', path: `/appClients/${enc(appClientId)}`, reply: data('app-client'), call: async (las, o) => las.appClients.delete(appClientId, o) },
  { name: 'appClient.delete', method: 'DELETE', path: `/appClients/${enc(appClientId)}`, reply: data('app-client'), call: async (las, o) => las.appClients.ref(appClientId).delete(o) },
  { name: 'assets.create', method: 'POST', path: '/assets', reply: data('asset'), call: async (las, o) => las.assets.create(pdf, {}, o) },
  { name: 'assets.list', method: 'GET', path: '/assets', reply: page('assets', 'asset'), call: async (las, o) => las.assets.list({}, o) },
  { name: 'assets.get', method: 'GET', path: `/assets/${enc(assetId)}`, reply: data('asset'), call: async (las, o) => las.assets.get(assetId, o) },
  { name: 'assets.update', method: 'PATCH', path: `/assets/${enc(assetId)}`, reply: data('asset'), call: async (las, o) => las.assets.update(assetId, { content: pdf }, o) },
  { name: 'asset.update', method: 'PATCH', path: `/assets/${enc(assetId)}`, reply: data('asset'), call: async (las, o) => las.assets.ref(assetId).update({ name: 'n' }, o) },
  { name: 'assets.delete', method: 'DELETE', path: `/assets/${enc(assetId)}`, reply: data('asset'), call: async (las, o) => las.assets.delete(assetId, o) },
  { name: 'asset.delete', method: 'DELETE', path: `/assets/${enc(assetId)}`, reply: data('asset'), call: async (las, o) => las.assets.ref(assetId).delete(o) },
  { name: 'batches.create', method: 'POST', path: '/batches', reply: data('batch'), call: async (las, o) => las.batches.create({}, o) },
  { name: 'batches.list', method: 'GET', path: '/batches', reply: page('batches', 'batch'), call: async (las, o) => las.batches.list({}, o) },
  { name: 'batches.update', method: 'PATCH', path: `/batches/${enc(batchId)}`, reply: data('batch'), call: async (las, o) => las.batches.update(batchId, { name: 'n' }, o) },
  { name: 'batch.update', method: 'PATCH', path: `/batches/${enc(batchId)}`, reply: data('batch'), call: async (las, o) => las.batches.ref(batchId).update({ name: 'n' }, o) },
  { name: 'batches.delete', method: 'DELETE', path: `/batches/${enc(batchId)}`, reply: data('batch'), call: async (las, o) => las.batches.delete(batchId, {}, o) },
  { name: 'batch.delete', method: 'DELETE', path: `/batches/${enc(batchId)}`, reply: data('batch'), call: async (las, o) => las.batches.ref(batchId).delete({}, o) },
  { name: 'datasets.create', method: 'POST', path: '/datasets', reply: data('dataset'), call: async (las, o) => las.datasets.create({}, o) },
  { name: 'datasets.list', method: 'GET', path: '/datasets', reply: page('datasets', 'dataset'), call: async (las, o) => las.datasets.list({}, o) },
  { name: 'datasets.get', method: 'GET', path: `/datasets/${enc(datasetId)}`, reply: data('dataset'), call: async (las, o) => las.datasets.get(datasetId, o) },
  { name: 'datasets.update', method: 'PATCH', path: `/datasets/${enc(datasetId)}`, reply: data('dataset'), call: async (las, o) => las.datasets.update(datasetId, { name: 'n' }, o) },
  { name: 'dataset.update', method: 'PATCH', path: `/datasets/${enc(datasetId)}`, reply: data('dataset'), call: async (las, o) => las.datasets.ref(datasetId).update({ name: 'n' }, o) },
  { name: 'datasets.delete', method: 'DELETE', path: `/datasets/${enc(datasetId)}`, reply: data('dataset'), call: async (las, o) => las.datasets.delete(datasetId, {}, o) },
  { name: 'dataset.delete', method: 'DELETE', path: `/datasets/${enc(datasetId)}`, reply: data('dataset'), call: async (las, o) => las.datasets.ref(datasetId).delete({}, o) },
  { name: 'documents.create', method: 'POST', path: '/documents', reply: data('document'), call: async (las, o) => las.documents.create(pdf, {}, o) },
  { name: 'documents.list', method: 'GET', path: '/documents', reply: page('documents', 'document'), call: async (las, o) => las.documents.list({ datasetId }, o) },
  { name: 'documents.get', method: 'GET', path: `/documents/${enc(documentId)}`, reply: data('document'), call: async (las, o) => las.documents.get(documentId, o) },
  { name: 'documents.update', method: 'PATCH', path: `/documents/${enc(documentId)}`, reply: data('document'), call: async (las, o) => las.documents.update(documentId, { datasetId }, o) },
  { name: 'document.update', method: 'PATCH', path: `/documents/${enc(documentId)}`, reply: data('document'), call: async (las, o) => las.documents.ref(documentId).update({ datasetId }, o) },
  { name: 'documents.delete', method: 'DELETE', path: `/documents/${enc(documentId)}`, reply: data('document'), call: async (las, o) => las.documents.delete(documentId, o) },
  { name: 'document.delete', method: 'DELETE', path: `/documents/${enc(documentId)}`, reply: data('document'), call: async (las, o) => las.documents.ref(documentId).delete(o) },
  { name: 'documents.deleteMany', method: 'DELETE', path: '/documents', reply: { documents: [], nextToken: null }, call: async (las, o) => las.documents.deleteMany({ datasetId }, o) },
  { name: 'document.predict', method: 'POST', path: '/predictions', reply: data('prediction'), call: async (las, o) => las.documents.ref(documentId).predict(modelId, {}, o) },
  { name: 'logs.get', method: 'GET', path: `/logs/${enc(logId)}`, reply: data('log'), call: async (las, o) => las.logs.get(logId, o) },
  { name: 'logs.list', method: 'GET', path: '/logs', reply: page('logs', 'log'), call: async (las, o) => las.logs.list({}, o) },
  { name: 'models.create', method: 'POST', path: '/models', reply: data('model'), call: async (las, o) => las.models.create({ width: 100, height: 100, fieldConfig: { total: { type: 'amount', maxLength: 10 } } }, o) },
  { name: 'models.list', method: 'GET', path: '/models', reply: page('models', 'model'), call: async (las, o) => las.models.list({}, o) },
  { name: 'models.get', method: 'GET', path: `/models/${enc(modelId)}`, reply: data('model'), call: async (las, o) => las.models.get(modelId, o) },
  { name: 'models.update', method: 'PATCH', path: `/models/${enc(modelId)}`, reply: data('model'), call: async (las, o) => las.models.update(modelId, { name: 'n' }, o) },
  { name: 'model.update', method: 'PATCH', path: `/models/${enc(modelId)}`, reply: data('model'), call: async (las, o) => las.models.ref(modelId).update({ name: 'n' }, o) },
  { name: 'models.delete', method: 'DELETE', path: `/models/${enc(modelId)}`, reply: data('model'), call: async (las, o) => las.models.delete(modelId, o) },
  { name: 'model.delete', method: 'DELETE', path: `/models/${enc(modelId)}`, reply: data('model'), call: async (las, o) => las.models.ref(modelId).delete(o) },
  { name: 'model.dataBundles.create', method: 'POST', path: `/models/${enc(modelId)}/dataBundles`, reply: data('data-bundle'), call: async (las, o) => las.models.ref(modelId).dataBundles.create({}, o) },
  { name: 'model.dataBundles.list', method: 'GET', path: `/models/${enc(modelId)}/dataBundles`, reply: page('dataBundles', 'data-bundle'), call: async (las, o) => las.models.ref(modelId).dataBundles.list({}, o) },
  { name: 'model.dataBundles.update', method: 'PATCH', path: bundle, reply: data('data-bundle'), call: async (las, o) => las.models.ref(modelId).dataBundles.update(bundleId, { name: 'n' }, o) },
  { name: 'dataBundle.update', method: 'PATCH', path: bundle, reply: data('data-bundle'), call: async (las, o) => las.models.ref(modelId).dataBundles.ref(bundleId).update({ name: 'n' }, o) },
  { name: 'model.dataBundles.delete', method: 'DELETE', path: bundle, reply: data('data-bundle'), call: async (las, o) => las.models.ref(modelId).dataBundles.delete(bundleId, o) },
  { name: 'dataBundle.delete', method: 'DELETE', path: bundle, reply: data('data-bundle'), call: async (las, o) => las.models.ref(modelId).dataBundles.ref(bundleId).delete(o) },
  { name: 'organizations.get', method: 'GET', path: `/organizations/${enc(organizationId)}`, reply: data('organization'), call: async (las, o) => las.organizations.get(organizationId, o) },
  { name: 'organizations.update', method: 'PATCH', path: `/organizations/${enc(organizationId)}`, reply: data('organization'), call: async (las, o) => las.organizations.update(organizationId, { name: 'n' }, o) },
  { name: 'organization.update', method: 'PATCH', path: `/organizations/${enc(organizationId)}`, reply: data('organization'), call: async (las, o) => las.organizations.ref(organizationId).update({ name: 'n' }, o) },
  { name: 'predictions.create', method: 'POST', path: '/predictions', reply: data('prediction'), call: async (las, o) => las.predictions.create({ documentId, modelId }, o) },
  { name: 'predictions.list', method: 'GET', path: '/predictions', reply: page('predictions', 'prediction'), call: async (las, o) => las.predictions.list({}, o) },
  { name: 'secrets.create', method: 'POST', path: '/secrets', reply: data('secret'), call: async (las, o) => las.secrets.create({ key: 'value' }, {}, o) },
  { name: 'secrets.list', method: 'GET', path: '/secrets', reply: page('secrets', 'secret'), call: async (las, o) => las.secrets.list({}, o) },
  { name: 'secrets.update', method: 'PATCH', path: `/secrets/${enc(secretId)}`, reply: data('secret'), call: async (las, o) => las.secrets.update(secretId, { name: 'n' }, o) },
  { name: 'secret.update', method: 'PATCH', path: `/secrets/${enc(secretId)}`, reply: data('secret'), call: async (las, o) => las.secrets.ref(secretId).update({ name: 'n' }, o) },
  { name: 'secrets.delete', method: 'DELETE', path: `/secrets/${enc(secretId)}`, reply: data('secret'), call: async (las, o) => las.secrets.delete(secretId, o) },
  { name: 'secret.delete', method: 'DELETE', path: `/secrets/${enc(secretId)}`, reply: data('secret'), call: async (las, o) => las.secrets.ref(secretId).delete(o) },
  { name: 'transitions.create', method: 'POST', path: '/transitions', reply: data('transition'), call: async (las, o) => las.transitions.create('manual', {}, o) },
  { name: 'transitions.list', method: 'GET', path: '/transitions', reply: page('transitions', 'transition'), call: async (las, o) => las.transitions.list({}, o) },
  { name: 'transitions.get', method: 'GET', path: `/transitions/${enc(transitionId)}`, reply: data('transition'), call: async (las, o) => las.transitions.get(transitionId, o) },
  { name: 'transitions.update', method: 'PATCH', path: `/transitions/${enc(transitionId)}`, reply: data('transition'), call: async (las, o) => las.transitions.update(transitionId, { name: 'n' }, o) },
  { name: 'transition.update', method: 'PATCH', path: `/transitions/${enc(transitionId)}`, reply: data('transition'), call: async (las, o) => las.transitions.ref(transitionId).update({ name: 'n' }, o) },
  { name: 'transitions.delete', method: 'DELETE', path: `/transitions/${enc(transitionId)}`, reply: data('transition'), call: async (las, o) => las.transitions.delete(transitionId, o) },
  { name: 'transition.delete', method: 'DELETE', path: `/transitions/${enc(transitionId)}`, reply: data('transition'), call: async (las, o) => las.transitions.ref(transitionId).delete(o) },
  { name: 'transition.execute', method: 'POST', path: `/transitions/${enc(transitionId)}/executions`, reply: data('transition-execution'), call: async (las, o) => las.transitions.ref(transitionId).execute(o) },
  { name: 'transition.executions.list', method: 'GET', path: `/transitions/${enc(transitionId)}/executions`, reply: page('executions', 'transition-execution'), call: async (las, o) => las.transitions.ref(transitionId).executions.list({}, o) },
  { name: 'transition.executions.get', method: 'GET', path: tExecution, reply: data('transition-execution'), call: async (las, o) => las.transitions.ref(transitionId).executions.get(tExecutionId, o) },
  { name: 'transitionExecution.update', method: 'PATCH', path: tExecution, reply: data('transition-execution'), call: async (las, o) => las.transitions.ref(transitionId).executions.ref(tExecutionId).update('retry', {}, o) },
  { name: 'transitionExecution.succeed', method: 'PATCH', path: tExecution, reply: data('transition-execution'), call: async (las, o) => las.transitions.ref(transitionId).executions.ref(tExecutionId).succeed({}, o) },
  { name: 'transitionExecution.fail', method: 'PATCH', path: tExecution, reply: data('transition-execution'), call: async (las, o) => las.transitions.ref(transitionId).executions.ref(tExecutionId).fail('no', o) },
  { name: 'transitionExecution.heartbeat', method: 'POST', path: `${tExecution}/heartbeats`, reply: {}, call: async (las, o) => las.transitions.ref(transitionId).executions.ref(tExecutionId).heartbeat(o) },
  { name: 'users.create', method: 'POST', path: '/users', reply: data('user'), call: async (las, o) => las.users.create('a@example.com', {}, o) },
  { name: 'users.list', method: 'GET', path: '/users', reply: page('users', 'user'), call: async (las, o) => las.users.list({}, o) },
  { name: 'users.get', method: 'GET', path: `/users/${enc(userId)}`, reply: data('user'), call: async (las, o) => las.users.get(userId, o) },
  { name: 'users.update', method: 'PATCH', path: `/users/${enc(userId)}`, reply: data('user'), call: async (las, o) => las.users.update(userId, { name: 'n' }, o) },
  { name: 'user.update', method: 'PATCH', path: `/users/${enc(userId)}`, reply: data('user'), call: async (las, o) => las.users.ref(userId).update({ name: 'n' }, o) },
  { name: 'users.delete', method: 'DELETE', path: `/users/${enc(userId)}`, reply: data('user'), call: async (las, o) => las.users.delete(userId, o) },
  { name: 'user.delete', method: 'DELETE', path: `/users/${enc(userId)}`, reply: data('user'), call: async (las, o) => las.users.ref(userId).delete(o) },
  { name: 'workflows.create', method: 'POST', path: '/workflows', reply: data('workflow'), call: async (las, o) => las.workflows.create({ definition: {} }, {}, o) },
  { name: 'workflows.list', method: 'GET', path: '/workflows', reply: page('workflows', 'workflow'), call: async (las, o) => las.workflows.list({}, o) },
  { name: 'workflows.get', method: 'GET', path: `/workflows/${enc(workflowId)}`, reply: data('workflow'), call: async (las, o) => las.workflows.get(workflowId, o) },
  { name: 'workflows.update', method: 'PATCH', path: `/workflows/${enc(workflowId)}`, reply: data('workflow'), call: async (las, o) => las.workflows.update(workflowId, { name: 'n' }, o) },
  { name: 'workflow.update', method: 'PATCH', path: `/workflows/${enc(workflowId)}`, reply: data('workflow'), call: async (las, o) => las.workflows.ref(workflowId).update({ name: 'n' }, o) },
  { name: 'workflows.delete', method: 'DELETE', path: `/workflows/${enc(workflowId)}`, reply: data('workflow'), call: async (las, o) => las.workflows.delete(workflowId, o) },
  { name: 'workflow.delete', method: 'DELETE', path: `/workflows/${enc(workflowId)}`, reply: data('workflow'), call: async (las, o) => las.workflows.ref(workflowId).delete(o) },
  { name: 'workflow.execute', method: 'POST', path: `/workflows/${enc(workflowId)}/executions`, reply: data('workflow-execution'), call: async (las, o) => las.workflows.ref(workflowId).execute({}, o) },
  { name: 'workflow.executions.list', method: 'GET', path: `/workflows/${enc(workflowId)}/executions`, reply: page('executions', 'workflow-execution'), call: async (las, o) => las.workflows.ref(workflowId).executions.list({}, o) },
  { name: 'workflow.executions.get', method: 'GET', path: wExecution, reply: data('workflow-execution'), call: async (las, o) => las.workflows.ref(workflowId).executions.get(wExecutionId, o) },
  { name: 'workflowExecution.update', method: 'PATCH', path: wExecution, reply: data('workflow-execution'), call: async (las, o) => las.workflows.ref(workflowId).executions.ref(wExecutionId).update({ nextTransitionId: transitionId }, o) },
  { name: 'workflow.executions.delete', method: 'DELETE', path: wExecution, reply: data('workflow-execution'), call: async (las, o) => las.workflows.ref(workflowId).executions.delete(wExecutionId, o) },
  { name: 'workflowExecution.delete', method: 'DELETE', path: wExecution, reply: data('workflow-execution'), call: async (las, o) => las.workflows.ref(workflowId).executions.ref(wExecutionId).delete(o) },
];

/** The interceptor of a row: its method and path, any query, these headers required. */
function intercept(row: Row, headers: Record<string, string>): nock.Interceptor {
  return nock(`${API_ORIGIN}${API_BASE}`, { reqheaders: { authorization: `Bearer ${TOKEN}`, ...headers } })
    .intercept(row.path, row.method)
    .query(true);
}

describe('request options reach the request of every method', () => {
  useApiMock();
  const las = testLas();

  test('the table covers every method of API.md once', () => {
    expect(rows).toHaveLength(95);
    expect(new Set(rows.map((row) => row.name)).size).toBe(rows.length);
  });

  test.each(rows)('$name: extra headers are sent, beside the SDK\'s Authorization', async (row) => {
    intercept(row, { 'x-trace-id': row.name, 'x-tenant': 'a' }).reply(200, row.reply);
    const signal = new AbortController().signal;

    // nock answers only a request with both headers and the SDK's token; anything else rejects.
    await row.call(las, { headers: { 'X-Trace-Id': row.name, 'x-tenant': 'a' }, signal, timeout: 5_000 });
  });

  test.each(rows)('$name: an aborted signal is an AbortError, and nothing is sent', async (row) => {
    const reason = new Error(`stop ${row.name}`);

    const error = await thrown(row.call(las, { signal: AbortSignal.abort(reason) }));

    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ cause: reason, mayHaveBeenApplied: false });
    // No interceptor is set: a request sent would have been refused by nock, and failed otherwise.
  });

});

describe('a timeout of its own reaches the request of every method', () => {
  let server: TestServer;
  let las: Las;

  beforeAll(async () => {
    server = await startServer();
    // Slower than the call's timeout, far quicker than the client's default of 60 s.
    server.handle(() => ({ delay: 5_000, body: {} }));
    las = new Las({ credentials: serverCredentials(server), maxRetries: 0 });
  });
  afterAll(async () => server.close());

  // Without the call's timeout, the client's default (60 s) would wait for the answer and take it.
  test.each(rows)('$name: a slow answer ends with a TimeoutError', async (row) => {
    await expect(row.call(las, { timeout: 50 })).rejects.toBeInstanceOf(TimeoutError);
  });
});
