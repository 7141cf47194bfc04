/**
 * Every request body that reaches the emulator's JSON handling is bounded first: free-form data
 * nested deeper than MAX_JSON_DEPTH answers 400 naming the field beyond the limit, never 200 (and
 * a state that can no longer be saved) and never 500. One row per operation that takes a body.
 */
import { MAX_JSON_DEPTH } from '../../../src/schema/index.js';
import { routesFor } from '../src/routes/index.js';
import { PDF, raw, useEmulator } from './helpers.js';

const t = useEmulator();

/** JSON text of `{"a":{"a":...1}}` with `depth` objects, built as text: the test's own JSON.stringify would overflow. */
function deepJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** The message naming the first object beyond the limit under `field`. */
function tooDeep(field: string): string {
  return `${field}${'.a'.repeat(MAX_JSON_DEPTH)}: is nested deeper than ${MAX_JSON_DEPTH} levels`;
}

// The figure: 100,000 levels.
const DEEP = deepJson(100_000);

type Ids = Record<string, string>;

async function post(path: string, body: unknown = {}): Promise<Record<string, unknown>> {
  const answer = await raw(t.emu, 'POST', path, { body });
  if (answer.status !== 200) throw new Error(`setting up: POST ${path} -> ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

let ids: Ids;

beforeAll(async () => {
  const transitionId = (await post('/transitions', { transitionType: 'manual' })).transitionId as string;
  const definition = { StartAt: 'A', States: { A: { Type: 'Task', Resource: transitionId, End: true } } };
  const workflowId = (await post('/workflows', { specification: { definition } })).workflowId as string;
  const execution = await post(`/workflows/${workflowId}/executions`, { input: {} });
  const modelId = (await post('/models', { width: 300, height: 300, fieldConfig: { total: { type: 'amount', maxLength: 10 } } })).modelId as string;
  ids = {
    appClientId: (await post('/appClients', { name: 'bounds' })).appClientId as string,
    assetId: (await post('/assets', { content: 'aGVsbG8=' })).assetId as string,
    batchId: (await post('/batches')).batchId as string,
    datasetId: (await post('/datasets')).datasetId as string,
    documentId: (await post('/documents', { content: PDF.toString('base64'), contentType: 'application/pdf' })).documentId as string,
    modelId,
    dataBundleId: (await post(`/models/${modelId}/dataBundles`)).dataBundleId as string,
    organizationId: t.emu.organizationId,
    secretId: (await post('/secrets', { data: { key: 'value' } })).secretId as string,
    userId: (await post('/users', { email: 'bounds@example.com' })).userId as string,
    transitionId,
    workflowId,
    workflowExecutionId: execution.executionId as string,
    transitionExecutionId: (execution.transitionExecutions as Record<string, string[]>)[transitionId][0],
  };
});

// [operation as routed, path with ids, body (JSON text) holding the 100,000-deep value, the message].
const ROWS: [string, (ids: Ids) => string, string, string][] = [
  ['POST /appClients', () => '/appClients', `{"name":${DEEP}}`, 'body.name: must be a string'],
  ['PATCH /appClients/{appClientId}', (i) => `/appClients/${i.appClientId}`, `{"loginUrls":[${DEEP}]}`, 'body.loginUrls[0]: must be a string'],
  ['POST /assets', () => '/assets', `{"content":"aGVsbG8=","extra":${DEEP}}`, 'body.extra: is not a known property'],
  ['PATCH /assets/{assetId}', (i) => `/assets/${i.assetId}`, `{"description":${DEEP}}`, 'body.description: must be a string'],
  ['POST /batches', () => '/batches', `{"name":${DEEP}}`, 'body.name: must be a string'],
  ['PATCH /batches/{batchId}', (i) => `/batches/${i.batchId}`, `{"name":${DEEP}}`, 'body.name: must be a string'],
  ['POST /datasets', () => '/datasets', `{"description":${DEEP}}`, 'body.description: must be a string'],
  ['PATCH /datasets/{datasetId}', (i) => `/datasets/${i.datasetId}`, `{"name":${DEEP}}`, 'body.name: must be a string'],
  [
    'POST /documents',
    () => '/documents',
    `{"content":"aGVsbG8=","contentType":"application/pdf","groundTruth":[{"label":"total","value":${DEEP}}]}`,
    'body.groundTruth[0].value: must be a string',
  ],
  ['PATCH /documents/{documentId}', (i) => `/documents/${i.documentId}`, `{"groundTruth":[{"label":"total","value":${DEEP}}]}`, 'body.groundTruth[0].value: must be a string'],
  // A field's object lets properties it does not name through: they are free-form data, bounded too.
  ['POST /models', () => '/models', `{"width":300,"height":300,"fieldConfig":{"total":{"type":"amount","maxLength":10,"hint":${DEEP}}}}`, tooDeep('body.fieldConfig.total.hint')],
  ['PATCH /models/{modelId}', (i) => `/models/${i.modelId}`, `{"fieldConfig":{"total":{"type":"amount","maxLength":10,"hint":${DEEP}}}}`, tooDeep('body.fieldConfig.total.hint')],
  ['POST /models/{modelId}/dataBundles', (i) => `/models/${i.modelId}/dataBundles`, `{"datasetIds":[${DEEP}]}`, 'body.datasetIds[0]: must be a dataset id (las:dataset:<32 hex digits>)'],
  ['PATCH /models/{modelId}/dataBundles/{dataBundleId}', (i) => `/models/${i.modelId}/dataBundles/${i.dataBundleId}`, `{"name":${DEEP}}`, 'body.name: must be a string'],
  ['PATCH /organizations/{organizationId}', (i) => `/organizations/${i.organizationId}`, `{"name":${DEEP}}`, 'body.name: must be a string'],
  ['POST /predictions', () => '/predictions', `{"documentId":${DEEP},"modelId":"x"}`, 'body.documentId: must be a document id (las:document:<32 hex digits>)'],
  ['POST /secrets', () => '/secrets', `{"data":${DEEP}}`, tooDeep('body.data')],
  ['PATCH /secrets/{secretId}', (i) => `/secrets/${i.secretId}`, `{"data":${DEEP}}`, tooDeep('body.data')],
  ['POST /transitions', () => '/transitions', `{"transitionType":"manual","inputJsonSchema":${DEEP}}`, tooDeep('body.inputJsonSchema')],
  ['PATCH /transitions/{transitionId}', (i) => `/transitions/${i.transitionId}`, `{"outputJsonSchema":${DEEP}}`, tooDeep('body.outputJsonSchema')],
  // The spec types these two bodies as any object: what they hold is free-form data.
  ['POST /transitions/{transitionId}/executions', (i) => `/transitions/${i.transitionId}/executions`, `{"a":${DEEP}}`, tooDeep('body.a')],
  [
    'PATCH /transitions/{transitionId}/executions/{executionId}',
    (i) => `/transitions/${i.transitionId}/executions/${i.transitionExecutionId}`,
    `{"status":"succeeded","output":${DEEP}}`,
    tooDeep('body.output'),
  ],
  [
    'POST /transitions/{transitionId}/executions/{executionId}/heartbeats',
    (i) => `/transitions/${i.transitionId}/executions/${i.transitionExecutionId}/heartbeats`,
    `{"a":${DEEP}}`,
    tooDeep('body.a'),
  ],
  ['POST /users', () => '/users', `{"email":"x@example.com","name":${DEEP}}`, 'body.name: must be a string'],
  ['PATCH /users/{userId}', (i) => `/users/${i.userId}`, `{"avatar":${DEEP}}`, 'body.avatar: must be a string'],
  ['POST /workflows', () => '/workflows', `{"specification":{"definition":${DEEP}}}`, tooDeep('body.specification.definition')],
  ['PATCH /workflows/{workflowId}', (i) => `/workflows/${i.workflowId}`, `{"completedConfig":{"imageUrl":"x","environment":{"A":${DEEP}}}}`, 'body.completedConfig.environment.A: must be a string'],
  ['POST /workflows/{workflowId}/executions', (i) => `/workflows/${i.workflowId}/executions`, `{"input":${DEEP}}`, tooDeep('body.input')],
  [
    'PATCH /workflows/{workflowId}/executions/{executionId}',
    (i) => `/workflows/${i.workflowId}/executions/${i.workflowExecutionId}`,
    `{"nextTransitionId":${DEEP}}`,
    'body.nextTransitionId: must be a transition id (las:transition:<32 hex digits> or las:transition:commons-<name>)',
  ],
];

test('every operation that takes a body has a row here', () => {
  const withBodies = routesFor('2021-09-23').filter((r) => r.method === 'POST' || r.method === 'PATCH').map((r) => `${r.method} ${r.pattern}`);
  expect(ROWS.map(([operation]) => operation).sort()).toEqual(withBodies.sort());
});

test.each(ROWS)('%s: a value nested 100,000 deep answers 400 naming the field', async (operation, path, body, message) => {
  const method = operation.split(' ')[0];
  expect(await raw(t.emu, method, path(ids), { body })).toEqual({ status: 400, body: { message } });
});

test(`free-form data exactly ${MAX_JSON_DEPTH} levels deep is accepted and returned as sent`, async () => {
  const secret = await raw(t.emu, 'POST', '/secrets', { body: `{"data":${deepJson(MAX_JSON_DEPTH)}}` });
  expect(secret.status).toBe(200);
  const definition = { StartAt: 'Done', States: { Done: { Type: 'Succeed' } } };
  const workflowId = (await post('/workflows', { specification: { definition } })).workflowId as string;
  const execution = await raw(t.emu, 'POST', `/workflows/${workflowId}/executions`, { body: `{"input":${deepJson(MAX_JSON_DEPTH)}}` });
  expect(execution.status).toBe(200);
  expect(JSON.stringify(execution.body.output)).toBe(deepJson(MAX_JSON_DEPTH));
});

test('document content of 6,000,000 base64 characters (under the 6,250,000 limit) is stored, not a 500', async () => {
  const content = 'A'.repeat(6_000_000);
  const answer = await raw(t.emu, 'POST', '/documents', { body: { content, contentType: 'application/pdf' } });
  expect({ status: answer.status, message: answer.body.message }).toEqual({ status: 200, message: undefined });
  const padded = await raw(t.emu, 'POST', '/assets', { body: { content: `${'A'.repeat(5_999_996)}AA==` } });
  expect(padded.status).toBe(200);
  expect(await raw(t.emu, 'POST', '/assets', { body: { content: `${'A'.repeat(5_999_996)}A=A=` } })).toEqual({
    status: 400,
    body: { message: 'body.content: must be non-empty base64' },
  });
});
