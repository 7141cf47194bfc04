/**
 * Walks every operation of the spec (test/helpers/spec.ts) against the emulator
 * with raw HTTP: a valid request answers the spec's 2xx with the fields the spec requires, a body
 * missing each required field answers 400 naming it, and no token answers 401.
 */
import { componentName, entitySchemas, specOperations, type OperationObject } from '../../../test/helpers/spec.js';
import { answerChecker } from './answer-schemas.js';
import { PDF, expectShape, raw, useEmulator } from './helpers.js';
import { argumentsOf, hasOptionalArguments, poster, requestSchemaOf, urlOf, workflowMakers, type Body, type Ids, type Query, type WithParameters } from './walk.js';

// A workflow created without a completedConfig shows it as null: the spec requires an object with
// an imageUrl there, which the emulator could only invent.
const checkAnswer = answerChecker([
  ['Workflow', 'properties', 'completedConfig'],
  ['Workflows', 'properties', 'workflows', 'items', 'properties', 'completedConfig'],
]);

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
const post = poster(t);

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
  ...workflowMakers(post),
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

/** The smallest valid body of each operation that takes one: its required fields (or one field, where it needs some). */
const BODIES: Record<string, (ids: Ids) => Promise<Body> | Body> = {
  'POST /appClients': () => ({}),
  'PATCH /appClients/{appClientId}': () => ({ name: 'renamed' }),
  'POST /assets': () => ({ content: 'aGVsbG8=' }),
  'PATCH /assets/{assetId}': () => ({ description: 'changed' }),
  'POST /batches': () => ({}),
  'PATCH /batches/{batchId}': () => ({ name: 'renamed' }),
  'POST /datasets': () => ({}),
  'PATCH /datasets/{datasetId}': () => ({ name: 'renamed' }),
  'POST /documents': () => ({ content: PDF.toString('base64'), contentType: 'application/pdf' }),
  'PATCH /documents/{documentId}': () => ({ groundTruth: [{ label: 'total', value: '1.00' }] }),
  'POST /models': () => ({ width: 300, height: 300, fieldConfig: { total: { type: 'amount', maxLength: 10 } } }),
  'PATCH /models/{modelId}': () => ({ status: 'active' }),
  'POST /models/{modelId}/dataBundles': () => ({}),
  'PATCH /models/{modelId}/dataBundles/{dataBundleId}': () => ({}),
  'PATCH /organizations/{organizationId}': () => ({ description: 'walked' }),
  'POST /predictions': async () => ({ documentId: await make.document(), modelId: await make.model() }),
  'POST /secrets': () => ({ data: { key: 'value' } }),
  'PATCH /secrets/{secretId}': () => ({ description: 'changed' }),
  'POST /transitions': () => ({ transitionType: 'manual' }),
  'PATCH /transitions/{transitionId}': () => ({ name: 'renamed' }),
  'POST /transitions/{transitionId}/executions': () => ({}),
  'PATCH /transitions/{transitionId}/executions/{executionId}': () => ({ status: 'succeeded' }),
  'POST /transitions/{transitionId}/executions/{executionId}/heartbeats': () => ({}),
  'POST /users': () => ({ email: 'someone@example.com' }),
  'PATCH /users/{userId}': () => ({ name: 'renamed' }),
  'POST /workflows': () => ({ specification: { definition: { StartAt: 'Done', States: { Done: { Type: 'Succeed' } } } } }),
  'PATCH /workflows/{workflowId}': () => ({ errorConfig: { manualRetry: true } }),
  'POST /workflows/{workflowId}/executions': () => ({ input: { walk: true } }),
  'PATCH /workflows/{workflowId}/executions/{executionId}': (ids) => ({ nextTransitionId: ids.transitionId }),
};

/** A request with every argument an operation takes: path ids (when it needs others than {@link idsFor}'s), body, query. */
interface FullArguments {
  ids?: Ids;
  body?: Body;
  query?: Query;
}

const ID = (kind: string, hex: string) => `las:${kind}:${hex.repeat(32)}`;
const LIST = { maxResults: '1' };
const NAMED = { name: 'full', description: 'every argument' };
const FIELD_CONFIG = { total: { type: 'amount', maxLength: 10, description: 'the total' }, date: { type: 'date', maxLength: 10 } };
const PREPROCESS = { maxPages: 2, autoRotate: true, imageQuality: 'HIGH' };
const URLS = { loginUrls: ['https://example.com/login'], defaultLoginUrl: 'https://example.com/login' };
const COMPLETED = async () => ({
  imageUrl: 'example.com/done:1',
  secretId: await make.secret(),
  environment: { MODE: 'test' },
  environmentSecrets: [await make.secret()],
});
const DEFINITION = { StartAt: 'Done', States: { Done: { Type: 'Succeed' } } };

/** A document in a batch and a dataset, with a consent id: what the document filters select. */
async function filedDocument(): Promise<Query> {
  const [batchId, datasetId, consentId] = [await make.batch(), await make.dataset(), ID('consent', 'c')];
  await post('/documents', { content: PDF.toString('base64'), contentType: 'application/pdf', batchId, datasetId, consentId });
  await post('/documents', { content: PDF.toString('base64'), contentType: 'application/pdf', batchId, datasetId, consentId });
  return { batchId: [batchId], consentId: [consentId], datasetId: [datasetId] };
}

/** A first page of one item of a list that has two at least. */
const twoOf = (item: () => Promise<unknown>) => async (): Promise<FullArguments> => {
  await item();
  await item();
  return { query: LIST };
};

/** Every argument of each operation that takes any beyond its path and its smallest body. */
const FULL: Record<string, (ids: Ids) => Promise<FullArguments> | FullArguments> = {
  'GET /appClients': twoOf(make.appClient),
  'GET /assets': twoOf(make.asset),
  'GET /batches': twoOf(make.batch),
  'GET /datasets': twoOf(make.dataset),
  'GET /models': twoOf(make.model),
  'GET /predictions': twoOf(async () => post('/predictions', { documentId: await make.document(), modelId: await make.model() })),
  'GET /secrets': twoOf(make.secret),
  'GET /users': twoOf(make.user),
  'GET /workflows': twoOf(make.workflow),
  'POST /appClients': () => ({
    body: { ...NAMED, ...URLS, generateSecret: true, logoutUrls: ['https://example.com/bye'], callbackUrls: ['http://localhost:3000/cb'] },
  }),
  'PATCH /appClients/{appClientId}': () => ({ body: { ...NAMED, ...URLS } }),
  'POST /assets': () => ({ body: { ...NAMED, content: 'aGVsbG8=' } }),
  'PATCH /assets/{assetId}': () => ({ body: { ...NAMED, content: 'aGk=' } }),
  'POST /batches': () => ({ body: { ...NAMED, containsPersonallyIdentifiableInformation: true } }),
  'PATCH /batches/{batchId}': () => ({ body: NAMED }),
  'POST /datasets': () => ({ body: { ...NAMED, retentionInDays: 30, containsPersonallyIdentifiableInformation: false } }),
  'PATCH /datasets/{datasetId}': () => ({ body: NAMED }),
  'DELETE /documents': async () => ({ query: { ...LIST, ...(await filedDocument()) } }),
  'GET /documents': async () => ({ query: { ...LIST, ...(await filedDocument()) } }),
  'POST /documents': async () => ({
    body: {
      content: PDF.toString('base64'),
      contentType: 'application/pdf',
      groundTruth: [{ label: 'total', value: '1.00' }, { label: 'paid', value: true }],
      consentId: ID('consent', 'c'),
      retentionInDays: 7,
      datasetId: await make.dataset(),
      batchId: await make.batch(),
    },
  }),
  'PATCH /documents/{documentId}': async () => ({
    body: { groundTruth: [{ label: 'total', value: null }], retentionInDays: 14, datasetId: await make.dataset() },
  }),
  'GET /logs': async () => {
    const run = await make.workflowExecution();
    return {
      query: {
        ...LIST,
        order: 'descending',
        workflowId: run.workflowId,
        workflowExecutionId: run.executionId,
        transitionId: run.transitionId,
        transitionExecutionId: run.transitionExecutionId,
      },
    };
  },
  'POST /models': () => ({ body: { ...NAMED, width: 300, height: 400, fieldConfig: FIELD_CONFIG, preprocessConfig: PREPROCESS } }),
  'PATCH /models/{modelId}': () => ({
    body: { ...NAMED, width: 400, height: 300, fieldConfig: FIELD_CONFIG, preprocessConfig: PREPROCESS, status: 'active' },
  }),
  'GET /models/{modelId}/dataBundles': async (ids) => {
    await post(`/models/${ids.modelId}/dataBundles`, { datasetIds: [await make.dataset()] });
    await post(`/models/${ids.modelId}/dataBundles`, {});
    return { query: { ...LIST, status: ['processing', 'ready', 'failed'] } };
  },
  'POST /models/{modelId}/dataBundles': async () => ({ body: { ...NAMED, datasetIds: [await make.dataset(), await make.dataset()] } }),
  'PATCH /models/{modelId}/dataBundles/{dataBundleId}': () => ({ body: NAMED }),
  'PATCH /organizations/{organizationId}': () => ({ body: NAMED }),
  'POST /predictions': async () => ({
    body: { documentId: await make.document(), modelId: await make.model(), maxPages: 2, autoRotate: true, imageQuality: 'LOW' },
  }),
  'POST /secrets': () => ({ body: { ...NAMED, data: { key: 'value' } } }),
  'PATCH /secrets/{secretId}': () => ({ body: { ...NAMED, data: { other: 'value' } } }),
  'GET /transitions': () => ({ query: { ...LIST, transitionType: ['docker', 'manual'] } }),
  'POST /transitions': async () => ({
    body: {
      ...NAMED,
      transitionType: 'docker',
      inputJsonSchema: { type: 'object' },
      outputJsonSchema: { type: 'object' },
      timeoutInSeconds: 120,
      parameters: {
        imageUrl: 'example.com/x:1',
        secretId: await make.secret(),
        environment: { MODE: 'test' },
        environmentSecrets: [await make.secret()],
        memory: 1024,
        cpu: 256,
      },
    },
  }),
  'PATCH /transitions/{transitionId}': async () => ({
    body: {
      ...NAMED,
      inputJsonSchema: { type: 'object' },
      outputJsonSchema: { type: 'object' },
      environment: { MODE: 'changed' },
      environmentSecrets: [await make.secret()],
      assets: { jsRemoteComponent: await make.asset(), other: await make.asset() },
    },
  }),
  'GET /transitions/{transitionId}/executions': async () => {
    const first = await make.workflowExecution();
    const { workflowId, transitionId } = first;
    const second = await post(`/workflows/${workflowId}/executions`, { input: { second: true } });
    const [secondId] = (second.transitionExecutions as Record<string, string[]>)[transitionId];
    await raw(t.emu, 'PATCH', `/transitions/${transitionId}/executions/${secondId}`, { body: { status: 'succeeded' } });
    return {
      ids: { transitionId },
      query: { ...LIST, status: ['running', 'succeeded'], executionId: [first.transitionExecutionId, secondId], sortBy: 'startTime', order: 'ascending' },
    };
  },
  'PATCH /transitions/{transitionId}/executions/{executionId}': () => ({
    body: { status: 'failed', output: { partial: true }, error: { message: 'it broke' }, startTime: new Date().toISOString() },
  }),
  'POST /users': async () => ({ body: { email: 'full@example.com', name: 'Full', avatar: 'data:image/png;base64,aGk=', appClientId: await make.appClient() } }),
  'PATCH /users/{userId}': () => ({ body: { name: 'renamed', avatar: null } }),
  'GET /workflows/{workflowId}/executions': async (ids) => {
    await post(`/workflows/${ids.workflowId}/executions`, { input: { one: 1 } });
    await post(`/workflows/${ids.workflowId}/executions`, { input: { two: 2 } });
    return { query: { ...LIST, status: ['running', 'succeeded'], sortBy: 'endTime', order: 'descending' } };
  },
  'POST /workflows': async () => ({
    body: {
      ...NAMED,
      specification: { language: 'ASL', version: '1.0.0', definition: DEFINITION },
      errorConfig: { manualRetry: true, email: 'ops@example.com' },
      completedConfig: await COMPLETED(),
    },
  }),
  'PATCH /workflows/{workflowId}': async () => ({
    body: { ...NAMED, errorConfig: { manualRetry: false, email: 'ops@example.com' }, completedConfig: await COMPLETED() },
  }),
};

/** An operation's parameters, which test/helpers/spec.ts leaves out. */
interface Request {
  url: string;
  body?: Body;
}

/** A valid request of an operation: its path with fresh ids, and its smallest body. */
async function validRequest(method: string, path: string): Promise<Request> {
  const ids = await idsFor(path);
  const build = BODIES[`${method} ${path}`];
  return { url: urlOf(path, ids), body: build ? await build(ids) : undefined };
}

/** A request of an operation with every argument it takes, and the names of those it left out. */
async function fullRequest(method: string, path: string, operation: OperationObject): Promise<Request & { left: string[] }> {
  const ids = await idsFor(path);
  const full = FULL[`${method} ${path}`];
  const args: FullArguments = full ? await full(ids) : {};
  const build = BODIES[`${method} ${path}`];
  const body = args.body ?? (build ? await build(ids) : undefined);
  const { body: bodyNames, query: queryNames } = argumentsOf(operation);
  const left = [...bodyNames.filter((name) => !(name in (body ?? {}))), ...queryNames.filter((name) => !(name in (args.query ?? {})))];
  return { url: urlOf(path, { ...ids, ...args.ids }, args.query), body, left };
}

test('the spec has the 68 operations this walk covers, a smallest body for each that takes one, every argument of the others', () => {
  expect(operations).toHaveLength(68);
  const withBodies = operations.filter((o) => o.operation.requestBody).map((o) => o.key);
  expect(withBodies.sort()).toEqual(Object.keys(BODIES).sort());
  const withOptions = operations.filter((o) => hasOptionalArguments(o.operation)).map((o) => o.key);
  expect(withOptions.sort()).toEqual(Object.keys(FULL).sort());
});

describe.each(operations)('$method $path', ({ method, path, operation }) => {
  const responses = operation.responses ?? {};
  const success = Number(Object.keys(responses).find((status) => status.startsWith('2')));
  const requestSchema = requestSchemaOf(operation);
  const declared = responses[String(success)].content?.['application/json']?.schema;

  /** The answer is the operation's 2xx, and its body fits the spec's schema exactly and the SDK's. */
  async function expectExact(url: string, body: Body | undefined): Promise<Body> {
    const answer = await raw(t.emu, method, url, { body });
    expect({ status: answer.status, message: answer.body.message }).toEqual({ status: success, message: undefined });
    if (success === 204 || !declared?.$ref) return answer.body;
    expectSdkShape(componentName(declared.$ref), answer.body);
    expect(checkAnswer(declared.$ref, answer.body)).toBeUndefined();
    return answer.body;
  }

  test(`answers ${success} to the smallest valid request, shaped exactly as the spec and the SDK's schemas say`, async () => {
    const { url, body } = await validRequest(method, path);
    await expectExact(url, body);
  });

  if (hasOptionalArguments(operation)) {
    test(`answers ${success} to a request with every argument, shaped exactly as the spec says (its next page too)`, async () => {
      const { url, body, left } = await fullRequest(method, path, operation);
      expect(left).toEqual([]);
      const answer = await expectExact(url, body);
      const takesToken = (operation as WithParameters).parameters?.some((p) => p.name === 'nextToken');
      // One execution has one log: the full filter of logs selects one.
      if (takesToken && `${method} ${path}` !== 'GET /logs') {
        expect(typeof answer.nextToken).toBe('string');
        await expectExact(`${url}&nextToken=${encodeURIComponent(answer.nextToken as string)}`, body);
      }
    });
  }

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
