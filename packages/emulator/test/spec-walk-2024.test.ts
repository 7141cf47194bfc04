/**
 * Walks every operation of the 2024-11-29 spec against an emulator serving that version, with raw
 * HTTP: a valid request answers the spec's 2xx with a body that fits the spec's schema exactly
 * (objects closed), a body missing each required field answers 400 naming it, and no token
 * answers 401. An operation the walk has no request for fails it. The workflow-side operations
 * are also sent with every argument they take.
 */
import { specOperations } from '../../../test/helpers/spec.js';
import { answerChecker } from './answer-schemas.js';
import { PDF, raw, useEmulator } from './helpers.js';
import { argumentsOf, hasOptionalArguments, poster, requestSchemaOf, urlOf, workflowMakers, type Body, type Ids, type Query } from './walk.js';

const VERSION = '2024-11-29';
const checkAnswer = answerChecker([], VERSION);
const operations = specOperations(VERSION);

const t = useEmulator({ apiVersion: VERSION });

const post = poster(t);

/** The first entity of a list the emulator comes with (plans, roles, deployment environments). */
async function firstOf(path: string, key: string, idField: string): Promise<string> {
  const answer = await raw(t.emu, 'GET', path);
  const first = (answer.body[key] as Body[] | undefined)?.[0]?.[idField];
  if (typeof first !== 'string') throw new Error(`setting up: GET ${path} -> ${answer.status} ${JSON.stringify(answer.body)} has no ${idField}`);
  return first;
}

const FIELD_CONFIG = { total: { type: 'amount', maxLength: 10 } };
const DOCUMENT = { content: PDF.toString('base64'), contentType: 'application/pdf' };

// Fresh entities for each request: a valid DELETE or PATCH may use up what it was given.
const make = {
  appClient: async () => (await post('/appClients', { name: 'walk' })).appClientId as string,
  asset: async () => (await post('/assets', { content: 'aGVsbG8=' })).assetId as string,
  dataset: async () => (await post('/datasets')).datasetId as string,
  document: async () => (await post('/documents', DOCUMENT)).documentId as string,
  model: async () => (await post('/models', { fieldConfig: FIELD_CONFIG })).modelId as string,
  paymentMethod: async () => (await post('/paymentMethods')).paymentMethodId as string,
  secret: async () => (await post('/secrets', { data: { key: 'value' } })).secretId as string,
  user: async () => (await post('/users', { email: 'walk@example.com' })).userId as string,
  profile: async () => (await post('/users', { email: 'profile@example.com' })).profileId as string,
  prediction: async () => (await post('/predictions', { documentId: await make.document(), modelId: await make.model() })).predictionId as string,
  ...workflowMakers(post),
};

/**
 * A training's smallest body: its model's data bundles. The spec requires none, but a training of
 * no data means nothing; the service's own client requires them, and so does the emulator.
 */
async function trainingBody(modelId: string): Promise<Body> {
  return { dataBundleIds: [(await post(`/models/${modelId}/dataBundles`)).dataBundleId as string] };
}

/** Path ids for an operation's path, freshly made; throws on a path the walk does not know. */
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
    return { modelId, dataBundleId: (await post(`/models/${modelId}/dataBundles`)).dataBundleId as string };
  }
  if (path.startsWith('/models/{modelId}/trainings/{trainingId}')) {
    const modelId = await make.model();
    return { modelId, trainingId: (await post(`/models/${modelId}/trainings`, await trainingBody(modelId))).trainingId as string };
  }
  if (path.startsWith('/models/{modelId}')) return { modelId: await make.model() };
  if (path.startsWith('/datasets/{datasetId}/transformations/{transformationId}')) {
    const datasetId = await make.dataset();
    const transformation = await post(`/datasets/${datasetId}/transformations`, { operations: [{ type: 'remove-duplicates' }] });
    return { datasetId, transformationId: transformation.transformationId as string };
  }
  if (path.startsWith('/organizations/{organizationId}')) return { organizationId: t.emu.organizationId };
  if (path.startsWith('/logs/{logId}')) {
    const run = await make.workflowExecution();
    const execution = await raw(t.emu, 'GET', `/transitions/${run.transitionId}/executions/${run.transitionExecutionId}`);
    return { logId: execution.body.logId as string };
  }
  const single: Record<string, () => Promise<string>> = {
    appClientId: make.appClient,
    assetId: make.asset,
    datasetId: make.dataset,
    deploymentEnvironmentId: () => firstOf('/deploymentEnvironments', 'deploymentEnvironments', 'deploymentEnvironmentId'),
    documentId: make.document,
    paymentMethodId: make.paymentMethod,
    planId: () => firstOf('/plans', 'plans', 'planId'),
    predictionId: make.prediction,
    profileId: make.profile,
    roleId: () => firstOf('/roles', 'roles', 'roleId'),
    secretId: make.secret,
    userId: make.user,
  };
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
  if (names.length > 1 || (names.length === 1 && !single[names[0]])) throw new Error(`the walk makes no ids for ${path}`);
  return names.length ? { [names[0]]: await single[names[0]]() } : {};
}

/** The smallest valid body of each operation that takes one: its required fields (or one field, where it needs some). */
const BODIES: Record<string, (ids: Ids) => Promise<Body> | Body> = {
  'POST /appClients': () => ({}),
  'PATCH /appClients/{appClientId}': () => ({ name: 'renamed' }),
  'POST /assets': () => ({ content: 'aGVsbG8=' }),
  'PATCH /assets/{assetId}': () => ({ description: 'changed' }),
  'POST /datasets': () => ({}),
  'PATCH /datasets/{datasetId}': () => ({ retentionInDays: 30 }),
  'POST /datasets/{datasetId}/transformations': () => ({ operations: [{ type: 'remove-duplicates' }] }),
  'POST /documents': () => DOCUMENT,
  'PATCH /documents/{documentId}': () => ({ groundTruth: [{ label: 'total', value: '1.00' }] }),
  'POST /models': () => ({ fieldConfig: FIELD_CONFIG }),
  'PATCH /models/{modelId}': () => ({ name: 'renamed' }),
  'POST /models/{modelId}/dataBundles': () => ({}),
  'PATCH /models/{modelId}/dataBundles/{dataBundleId}': () => ({ name: 'renamed' }),
  'POST /models/{modelId}/trainings': (ids) => trainingBody(ids.modelId),
  'PATCH /models/{modelId}/trainings/{trainingId}': () => ({ name: 'renamed' }),
  'POST /organizations': () => ({}),
  'PATCH /organizations/{organizationId}': () => ({ description: 'walked' }),
  'POST /paymentMethods': () => ({}),
  'PATCH /paymentMethods/{paymentMethodId}': () => ({ name: 'renamed' }),
  'POST /predictions': async () => ({ documentId: await make.document(), modelId: await make.model() }),
  'PATCH /profiles/{profileId}': () => ({ name: 'renamed' }),
  'POST /secrets': () => ({ data: { key: 'value' } }),
  'PATCH /secrets/{secretId}': () => ({ description: 'changed' }),
  'POST /transitions': () => ({ transitionType: 'manual' }),
  'PATCH /transitions/{transitionId}': () => ({ parameters: { environment: { MODE: 'test' } } }),
  'POST /transitions/{transitionId}/executions': () => ({}),
  'PATCH /transitions/{transitionId}/executions/{executionId}': () => ({ status: 'succeeded', output: { done: true } }),
  'POST /transitions/{transitionId}/executions/{executionId}/heartbeats': () => ({}),
  'POST /users': () => ({ email: 'someone@example.com' }),
  'PATCH /users/{userId}': () => ({ metadata: { team: 'walk' } }),
  'POST /workflows': () => ({ specification: { definition: { StartAt: 'Done', States: { Done: { Type: 'Succeed' } } } } }),
  'PATCH /workflows/{workflowId}': () => ({ status: 'production' }),
  'POST /workflows/{workflowId}/executions': () => ({ input: { walk: true } }),
  'PATCH /workflows/{workflowId}/executions/{executionId}': () => ({ status: 'completed' }),
};

/** A request with every argument an operation takes: path ids (when it needs others than {@link idsFor}'s), body, query. */
interface FullArguments {
  ids?: Ids;
  body?: Body;
  query?: Query;
}

const LIST = { maxResults: '1' };
const NAMED = { name: 'full', description: 'every argument' };
const METADATA = { metadata: { team: 'walk', nested: { deep: [1, 2] } } };
const SUCCEED = { StartAt: 'Done', States: { Done: { Type: 'Succeed' } } };
const COMPLETED = async () => ({ imageUrl: 'example.com/done:1', secretId: await make.secret(), environment: { MODE: 'test' }, environmentSecrets: [await make.secret()] });
const EMAIL = async () => ({ secretId: await make.secret(), email: 'in@example.com', allowedOrigins: ['example.com'], additionalWorkflowInput: { from: 'mail' } });

/** A first page of one item of a list that has two at least. */
const twoOf = (item: () => Promise<unknown>) => async (): Promise<FullArguments> => {
  await item();
  await item();
  return { query: LIST };
};

/** The kinds of the workflow side, whose every argument the walk sends (the other kinds' are their own tests'). */
const WORKFLOW_SIDE = ['/assets', '/datasets', '/logs', '/secrets', '/transitions', '/workflows'];

/** Every argument of each workflow-side operation that takes any beyond its path and its smallest body. */
const FULL: Record<string, (ids: Ids) => Promise<FullArguments> | FullArguments> = {
  'GET /assets': twoOf(make.asset),
  'POST /assets': () => ({ body: { ...NAMED, content: 'aGVsbG8=' } }),
  'PATCH /assets/{assetId}': () => ({ body: { ...NAMED, content: 'aGk=' } }),
  'GET /datasets': twoOf(make.dataset),
  'POST /datasets': () => ({ body: { ...NAMED, ...METADATA, retentionInDays: 30, containsPersonallyIdentifiableInformation: false } }),
  'PATCH /datasets/{datasetId}': () => ({ body: { ...NAMED, ...METADATA, retentionInDays: 60, containsPersonallyIdentifiableInformation: true } }),
  'GET /datasets/{datasetId}/transformations': async (ids) => {
    for (let i = 0; i < 2; i++) await post(`/datasets/${ids.datasetId}/transformations`, { operations: [] });
    return { query: { ...LIST, status: ['running', 'succeeded', 'failed'] } };
  },
  'POST /datasets/{datasetId}/transformations': () => ({ body: { operations: [{ type: 'remove-duplicates', options: { keep: 'oldest' } }] } }),
  'GET /logs': async () => {
    const run = await make.workflowExecution();
    const filters = { workflowId: run.workflowId, workflowExecutionId: run.executionId, transitionId: run.transitionId, transitionExecutionId: run.transitionExecutionId };
    return { query: { ...LIST, order: 'descending', ...filters } };
  },
  'GET /secrets': twoOf(make.secret),
  'POST /secrets': () => ({ body: { ...NAMED, data: { key: 'value' } } }),
  'PATCH /secrets/{secretId}': () => ({ body: { ...NAMED, data: { other: 'value' } } }),
  'GET /transitions': async () => {
    await make.dockerTransition();
    await post('/transitions', { transitionType: 'lambda', parameters: { lambdaId: 'las:lambda:walk:1' } });
    return { query: { ...LIST, transitionType: ['docker', 'lambda'] } };
  },
  'POST /transitions': async () => ({
    body: {
      ...NAMED,
      transitionType: 'docker',
      timeoutInSeconds: 10800,
      parameters: { imageUrl: 'example.com/x:1', secretId: await make.secret(), environment: { MODE: 'test' }, environmentSecrets: [await make.secret()], memory: 8192, cpu: 1024 },
    },
  }),
  'PATCH /transitions/{transitionId}': async () => ({
    body: { ...NAMED, parameters: { imageUrl: 'example.com/y:2', environment: null, environmentSecrets: [await make.secret()], secretId: null, memory: 512, cpu: 256 } },
  }),
  'GET /transitions/{transitionId}/executions': async () => {
    const first = await make.workflowExecution();
    const { workflowId, transitionId } = first;
    const second = await post(`/workflows/${workflowId}/executions`, { input: { second: true } });
    const [secondId] = (second.transitionExecutions as Record<string, string[]>)[transitionId];
    await raw(t.emu, 'PATCH', `/transitions/${transitionId}/executions/${secondId}`, { body: { status: 'succeeded', output: { n: 2 } } });
    return {
      ids: { transitionId },
      query: { ...LIST, status: ['running', 'succeeded'], executionId: [first.transitionExecutionId, secondId], sortBy: 'startTime', order: 'ascending' },
    };
  },
  'PATCH /transitions/{transitionId}/executions/{executionId}': () => ({
    body: { status: 'failed', output: { partial: true }, error: { message: 'it broke' }, startTime: new Date().toISOString() },
  }),
  'GET /workflows': twoOf(make.workflow),
  'POST /workflows': async () => ({
    body: {
      ...NAMED,
      ...METADATA,
      status: 'production',
      specification: { language: 'ASL', version: '1.0.0', definition: SUCCEED },
      errorConfig: { manualRetry: true, email: 'ops@example.com' },
      completedConfig: await COMPLETED(),
      emailConfig: await EMAIL(),
    },
  }),
  'PATCH /workflows/{workflowId}': async () => ({
    body: { ...NAMED, ...METADATA, status: 'development', errorConfig: { manualRetry: false }, completedConfig: await COMPLETED(), emailConfig: await EMAIL() },
  }),
  'GET /workflows/{workflowId}/executions': async (ids) => {
    await post(`/workflows/${ids.workflowId}/executions`, { input: { one: 1 } });
    await post(`/workflows/${ids.workflowId}/executions`, { input: { two: 2 } });
    const window = { fromStartTime: '2000-01-01T00:00:00Z', toStartTime: '2999-01-01' };
    return { query: { ...LIST, ...window, status: ['running', 'completed'], sortBy: 'endTime', order: 'descending' } };
  },
  // Both fields at once are refused (which would the execution follow?): each is a full request alone.
  'PATCH /workflows/{workflowId}/executions/{executionId}': (ids) => ({ body: { nextTransitionId: ids.transitionId } }),
};

/** An operation's parameters, which test/helpers/spec.ts leaves out. */
const isWorkflowSide = (path: string) => WORKFLOW_SIDE.some((root) => path.startsWith(root));

/** A valid request of an operation: its path with fresh ids, and its smallest body. */
async function validRequest(method: string, path: string): Promise<{ url: string; body?: Body }> {
  const ids = await idsFor(path);
  const build = BODIES[`${method} ${path}`];
  return { url: urlOf(path, ids), body: build ? await build(ids) : undefined };
}


test('the 2024-11-29 spec has the 89 operations this walk covers, a smallest body for each that takes one', () => {
  expect(operations).toHaveLength(89);
  const withBodies = operations.filter((o) => o.operation.requestBody).map((o) => o.key);
  expect(withBodies.sort()).toEqual(Object.keys(BODIES).sort());
  const withOptions = operations.filter((o) => isWorkflowSide(o.path) && hasOptionalArguments(o.operation, VERSION)).map((o) => o.key);
  expect(withOptions.sort()).toEqual(Object.keys(FULL).sort());
});

describe.each(operations)('$method $path', ({ method, path, operation }) => {
  const responses = operation.responses ?? {};
  const success = Number(Object.keys(responses).find((status) => status.startsWith('2')));
  const declared = responses[String(success)].content?.['application/json']?.schema;

  /** The answer is the operation's 2xx, and its body fits the spec's schema exactly. */
  async function expectExact(url: string, body: Body | undefined): Promise<Body> {
    const answer = await raw(t.emu, method, url, { body });
    expect({ status: answer.status, message: answer.body.message }).toEqual({ status: success, message: undefined });
    if (success !== 204 && declared?.$ref) expect(checkAnswer(declared.$ref, answer.body)).toBeUndefined();
    return answer.body;
  }

  test(`answers ${success} to a valid request, shaped exactly as the spec says`, async () => {
    const { url, body } = await validRequest(method, path);
    await expectExact(url, body);
  });

  if (isWorkflowSide(path) && hasOptionalArguments(operation, VERSION)) {
    test(`answers ${success} to a request with every argument, shaped exactly as the spec says (its next page too)`, async () => {
      const ids = await idsFor(path);
      const args = await FULL[`${method} ${path}`](ids);
      const build = BODIES[`${method} ${path}`];
      const body = args.body ?? (build ? await build(ids) : undefined);
      const { body: bodyNames, query: queryNames } = argumentsOf(operation, VERSION);
      const left = [...bodyNames.filter((name) => !(name in (body ?? {}))), ...queryNames.filter((name) => !(name in (args.query ?? {})))];
      // Only these leave one out: a workflow execution's PATCH takes nextTransitionId or status.
      expect(left).toEqual(`${method} ${path}` === 'PATCH /workflows/{workflowId}/executions/{executionId}' ? ['status'] : []);
      const url = urlOf(path, { ...ids, ...args.ids }, args.query);
      const answer = await expectExact(url, body);
      // One execution has one log: the full filter of logs selects one.
      if (queryNames.includes('maxResults') && `${method} ${path}` !== 'GET /logs') {
        expect(typeof answer.nextToken).toBe('string');
        await expectExact(`${url}&nextToken=${encodeURIComponent(answer.nextToken as string)}`, body);
      }
    });
  }

  const required = requestSchemaOf(operation, VERSION)?.required ?? [];
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
