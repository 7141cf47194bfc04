/**
 * Walks every operation of the spec (test/helpers/spec.ts) against the emulator
 * with raw HTTP: a valid request answers the spec's 2xx with the fields the spec requires, a body
 * missing each required field answers 400 naming it, and no token answers 401.
 */
import { componentName, entitySchemas, resolveRef, specOperations } from '../helpers/spec.js';
import { PDF, expectShape, raw, useEmulator } from './helpers.js';

const operations = specOperations();

const t = useEmulator();

// Lists: the spec's list schema -> the key of its items and their entity.
const LISTS: Record<string, [string, string]> = {
  AppClients: ['appClients', 'AppClient'],
  Assets: ['assets', 'Asset'],
  Batches: ['batches', 'Batch'],
  DataBundles: ['dataBundles', 'DataBundle'],
  Datasets: ['datasets', 'Dataset'],
  Documents: ['documents', 'Document'],
  Logs: ['logs', 'Log'],
  Models: ['models', 'Model'],
  Predictions: ['predictions', 'Prediction'],
  Secrets: ['secrets', 'Secret'],
  TransitionExecutions: ['executions', 'TransitionExecution'],
  Transitions: ['transitions', 'Transition'],
  Users: ['users', 'User'],
  WorkflowExecutions: ['executions', 'WorkflowExecution'],
  Workflows: ['workflows', 'Workflow'],
};

/**
 * Checks an answer against the SDK's schema of the entity (or the entities of the list) the spec
 * names: every answer must fit the SDK's types too.
 */
function expectSdkShape(specName: string, body: Record<string, unknown>): void {
  // A workflow without a completedConfig: see expectShape.
  const nullable = (name: string) => (name === 'Workflow' ? ['completedConfig'] : []);
  if (entitySchemas[specName]) return expectShape(entitySchemas[specName], body, nullable(specName));
  const [key, entity] = LISTS[specName];
  for (const item of body[key] as unknown[]) expectShape(entitySchemas[entity], item, nullable(entity));
}
type Body = Record<string, unknown>;
type Ids = Record<string, string>;

async function post(path: string, body: Body = {}): Promise<Body> {
  const answer = await raw(t.emu, 'POST', path, { body });
  if (answer.status !== 200) throw new Error(`setting up: POST ${path} -> ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

// Fresh entities for each request: a valid DELETE or PATCH may use up what it was given.
const make = {
  appClient: async () => (await post('/appClients', { name: 'walk' })).appClientId as string,
  asset: async () => (await post('/assets', { content: 'aGVsbG8=' })).assetId as string,
  batch: async () => (await post('/batches')).batchId as string,
  dataset: async () => (await post('/datasets')).datasetId as string,
  document: async () => (await post('/documents', { content: PDF.toString('base64'), contentType: 'application/pdf' })).documentId as string,
  model: async () => (await post('/models', { width: 300, height: 300, fieldConfig: { total: { type: 'amount', maxLength: 10 } } })).modelId as string,
  secret: async () => (await post('/secrets', { data: { key: 'value' } })).secretId as string,
  user: async () => (await post('/users', { email: 'walk@example.com' })).userId as string,
  dockerTransition: async () => (await post('/transitions', { transitionType: 'docker', parameters: { imageUrl: 'example.com/x:1' } })).transitionId as string,
  manualTransition: async () => (await post('/transitions', { transitionType: 'manual' })).transitionId as string,
  async workflow(transitionId?: string): Promise<Ids> {
    const step = transitionId ?? (await make.manualTransition());
    const definition = { StartAt: 'A', States: { A: { Type: 'Task', Resource: step, End: true } } };
    return { workflowId: (await post('/workflows', { specification: { definition } })).workflowId as string, transitionId: step };
  },
  // A workflow execution waiting at its Task: the Task's transition execution is pending.
  async workflowExecution(): Promise<Ids> {
    const ids = await make.workflow();
    const execution = await post(`/workflows/${ids.workflowId}/executions`, { input: { walk: true } });
    const [executionId] = (execution.transitionExecutions as Record<string, string[]>)[ids.transitionId];
    return { ...ids, executionId: execution.executionId as string, transitionExecutionId: executionId };
  },
};

/** Path ids for an operation's path, freshly made. */
async function idsFor(path: string): Promise<Ids> {
  if (path.startsWith('/transitions/{transitionId}/executions/{executionId}')) {
    const run = await make.workflowExecution();
    return { transitionId: run.transitionId, executionId: run.transitionExecutionId };
  }
  if (path.startsWith('/transitions/{transitionId}')) return { transitionId: await make.dockerTransition() };
  if (path.startsWith('/workflows/{workflowId}/executions/{executionId}')) return make.workflowExecution();
  if (path.startsWith('/workflows/{workflowId}')) return make.workflow();
  if (path.startsWith('/models/{modelId}/dataBundles/{dataBundleId}')) {
    const modelId = await make.model();
    return { modelId, dataBundleId: (await post(`/models/${modelId}/dataBundles`, {})).dataBundleId as string };
  }
  if (path.startsWith('/models/{modelId}')) return { modelId: await make.model() };
  if (path.startsWith('/organizations/{organizationId}')) return { organizationId: t.emu.organizationId };
  if (path.startsWith('/logs/{logId}')) {
    const run = await make.workflowExecution();
    const execution = await raw(t.emu, 'GET', `/transitions/${run.transitionId}/executions/${run.transitionExecutionId}`);
    return { logId: execution.body.logId as string };
  }
  const single: Record<string, () => Promise<string>> = {
    appClientId: make.appClient,
    assetId: make.asset,
    batchId: make.batch,
    datasetId: make.dataset,
    documentId: make.document,
    secretId: make.secret,
    userId: make.user,
  };
  const name = /\{(\w+)\}/.exec(path)?.[1];
  return name ? { [name]: await single[name]() } : {};
}

/** A valid body for each operation that takes one. */
const BODIES: Record<string, (ids: Ids) => Promise<Body> | Body> = {
  'POST /appClients': () => ({ name: 'walk', loginUrls: ['https://example.com/login'] }),
  'PATCH /appClients/{appClientId}': () => ({ name: 'renamed' }),
  'POST /assets': () => ({ content: 'aGVsbG8=', name: 'asset' }),
  'PATCH /assets/{assetId}': () => ({ description: 'changed' }),
  'POST /batches': () => ({ name: 'batch' }),
  'PATCH /batches/{batchId}': () => ({ name: 'renamed' }),
  'POST /datasets': () => ({ name: 'dataset' }),
  'PATCH /datasets/{datasetId}': () => ({ name: 'renamed' }),
  'POST /documents': () => ({ content: PDF.toString('base64'), contentType: 'application/pdf' }),
  'PATCH /documents/{documentId}': () => ({ groundTruth: [{ label: 'total', value: '1.00' }] }),
  'POST /models': () => ({ width: 300, height: 300, fieldConfig: { total: { type: 'amount', maxLength: 10 } } }),
  'PATCH /models/{modelId}': () => ({ status: 'active' }),
  'POST /models/{modelId}/dataBundles': async () => ({ datasetIds: [await make.dataset()] }),
  'PATCH /models/{modelId}/dataBundles/{dataBundleId}': () => ({ name: 'renamed' }),
  'PATCH /organizations/{organizationId}': () => ({ description: 'walked' }),
  'POST /predictions': async () => ({ documentId: await make.document(), modelId: await make.model() }),
  'POST /secrets': () => ({ data: { key: 'value' } }),
  'PATCH /secrets/{secretId}': () => ({ description: 'changed' }),
  'POST /transitions': () => ({ transitionType: 'manual' }),
  'PATCH /transitions/{transitionId}': () => ({ name: 'renamed' }),
  'POST /transitions/{transitionId}/executions': () => ({}),
  'PATCH /transitions/{transitionId}/executions/{executionId}': () => ({ status: 'succeeded', output: { ok: true } }),
  'POST /transitions/{transitionId}/executions/{executionId}/heartbeats': () => ({}),
  'POST /users': () => ({ email: 'someone@example.com' }),
  'PATCH /users/{userId}': () => ({ name: 'renamed' }),
  'POST /workflows': async () => ({
    specification: { language: 'ASL', version: '1.0.0', definition: { StartAt: 'Done', States: { Done: { Type: 'Succeed' } } } },
  }),
  'PATCH /workflows/{workflowId}': () => ({ errorConfig: { manualRetry: true } }),
  'POST /workflows/{workflowId}/executions': () => ({ input: { walk: true } }),
  'PATCH /workflows/{workflowId}/executions/{executionId}': (ids) => ({ nextTransitionId: ids.transitionId }),
};

/** A valid request of an operation: its path with fresh ids, and its body. */
async function validRequest(method: string, path: string): Promise<{ url: string; body?: Body }> {
  const ids = await idsFor(path);
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(ids[name]));
  const build = BODIES[`${method} ${path}`];
  return { url, body: build ? await build(ids) : undefined };
}

test('the spec has the 68 operations this walk covers, and a valid body for each that takes one', () => {
  expect(operations).toHaveLength(68);
  const withBodies = operations.filter((o) => o.operation.requestBody).map((o) => o.key);
  expect(withBodies.sort()).toEqual(Object.keys(BODIES).sort());
});

describe.each(operations)('$method $path', ({ method, path, operation }) => {
  const responses = operation.responses ?? {};
  const success = Number(Object.keys(responses).find((status) => status.startsWith('2')));
  const declaredRequest = operation.requestBody?.content?.['application/json']?.schema;
  const requestSchema = declaredRequest && resolveRef(declaredRequest);

  test(`answers ${success} to a valid request, shaped as the spec and the SDK's schemas say`, async () => {
    const { url, body } = await validRequest(method, path);
    const answer = await raw(t.emu, method, url, { body });
    expect({ status: answer.status, message: answer.body.message }).toEqual({ status: success, message: undefined });
    const declared = responses[String(success)].content?.['application/json']?.schema;
    const responseSchema = declared && resolveRef(declared);
    if (success === 204 || !responseSchema) return;
    expectSdkShape(componentName(declared?.$ref ?? ''), answer.body);
    const missing = (responseSchema.required ?? []).filter((key) => !(key in answer.body));
    const unknown =
      responseSchema.additionalProperties === false ? Object.keys(answer.body).filter((key) => !(key in (responseSchema.properties ?? {}))) : [];
    expect({ missing, unknown }).toEqual({ missing: [], unknown: [] });
  });

  const required = requestSchema?.required ?? [];
  if (required.length > 0) {
    test.each(required)('answers 400 naming %s when the body lacks it', async (field) => {
      const { url, body } = await validRequest(method, path);
      delete (body as Body)[field];
      expect(await raw(t.emu, method, url, { body })).toEqual({ status: 400, body: { message: `body.${field}: is required` } });
    });
  }

  test('answers 401 without a token', async () => {
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) => `las:${name}:${'0'.repeat(32)}`);
    const body = method === 'POST' || method === 'PATCH' ? {} : undefined;
    expect(await raw(t.emu, method, url, { body, token: null })).toEqual({ status: 401, body: { message: 'Unauthorized' } });
  });
});
