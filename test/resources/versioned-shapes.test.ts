/**
 * The existing kinds' bodies, queries and ids under API version 2024-11-29 (shared/API.md "API
 * versions"): the exact request each changed call sends, and what is refused before sending,
 * the message naming the field and the version that has it. 2021-09-23 is unchanged: its own
 * tests, and the refusals here of the fields 2024-11-29 added.
 */
import { ValidationError } from '../../src/errors.js';
import type { CreateModelOptions } from '../../src/api/models.js';
import { api, fixture, testLas, thrown, useApiMock } from '../helpers/index.js';

useApiMock();

const V2024 = { apiVersion: '2024-11-29' } as const;
const las2024 = () => testLas(V2024);
const enc = encodeURIComponent;

const MODEL_SLUG = 'las:model:invoice-reader';
const PUBLIC_MODEL = 'las:organization:cradl/las:model:receipts';
const DOCUMENT_ID = 'las:document:0123456789abcdef0123456789abcdef';
const DATASET_A = 'las:dataset:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const DATASET_B = 'las:dataset:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const SECRET_ID = 'las:secret:cccccccccccccccccccccccccccccccc';
const TRANSITION_ID = 'las:transition:dddddddddddddddddddddddddddddddd';
const WORKFLOW_ID = 'las:workflow:eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee';
const EXECUTION_ID = 'las:workflow-execution:ffffffffffffffffffffffffffffffff';
const USER_ID = 'las:user:11111111111111111111111111111111';
const fieldConfig2024 = { total: { type: 'digits', maxLength: 10 }, lines: { type: 'lines', fields: { sku: { type: 'string' } } } } as const;

/** The message of a refusal before sending that names `field` as a field of `has`, not of `not`. */
async function refusedAsFieldOf(call: PromiseLike<unknown>, field: string, has: string, not: string): Promise<string> {
  const error = await thrown(call);
  expect(error).toBeInstanceOf(ValidationError);
  expect(error.message).toContain(`${field} is a field of API version ${has}, not of ${not}`);
  expect(error.message).toMatch(/nothing was sent$/);
  return error.message;
}

describe('models under 2024-11-29', () => {
  test('models.create without width/height, with its fields, postprocessConfig and metadata: the exact body', async () => {
    // The 2024-11-29 shape type-checks as CreateModelOptions: no width or height.
    const options: CreateModelOptions = {
      fieldConfig: fieldConfig2024,
      preprocessConfig: { rotation: 90, pages: [0, 1] },
      postprocessConfig: { strategy: 'BEST_N_PAGES', parameters: { n: 2 } },
      metadata: { team: 'ap' },
      name: 'Invoices',
    };
    api().post('/models', JSON.parse(JSON.stringify(options)) as Record<string, string>).reply(200, { ...fixture('model'), modelId: MODEL_SLUG });
    const model = await las2024().models.create(options);
    expect(model.modelId).toBe(MODEL_SLUG);
  });

  test('model.update with trainingId and metadata: PATCH on the slug id, the exact body', async () => {
    const body = { trainingId: 'las:model-training:first', metadata: { a: 1 } };
    api().patch(`/models/${enc(MODEL_SLUG)}`, body).reply(200, { ...fixture('model'), modelId: MODEL_SLUG });
    await las2024().models.update(MODEL_SLUG, body);
  });

  test('a public model: its / encoded in the path', async () => {
    api().get(`/models/${enc(PUBLIC_MODEL)}`).reply(200, { ...fixture('model'), modelId: PUBLIC_MODEL });
    expect(`/models/${enc(PUBLIC_MODEL)}`).toContain('%2F');
    const model = await las2024().models.get(PUBLIC_MODEL);
    expect(model.modelId).toBe(PUBLIC_MODEL);
  });

  test('models.list({ owner }) repeats owner', async () => {
    api().get('/models').query(new URLSearchParams([['owner', 'las:organization:cradl'], ['owner', 'las:organization:mine']])).reply(200, { models: [], nextToken: null });
    await las2024().models.list({ owner: ['las:organization:cradl', 'las:organization:mine'] });
  });

  test('refused before sending: width (removed 2023-03-23), a 2021 field kind, a bad training id; under 2021 the 2024 fields', async () => {
    const message = await refusedAsFieldOf(las2024().models.create({ width: 800, height: 800, fieldConfig: fieldConfig2024 }), 'width', '2021-09-23', '2024-11-29');
    expect(message).toContain('2023-03-23');
    const kind = await thrown(las2024().models.create({ fieldConfig: { total: { type: 'alphanum', maxLength: 5 } } } as never));
    expect(kind).toBeInstanceOf(ValidationError);
    expect(kind.message).toMatch(/^models\.create: fieldConfig\.total/);
    const training = await thrown(las2024().models.update(MODEL_SLUG, { trainingId: 'las:training:x' }));
    expect(training.message).toMatch(/^model\.update: trainingId: must be a training id/);
    const hex = 'las:model:5f0e3c1a9b2d4e6f8a7b6c5d4e3f2a1b';
    await refusedAsFieldOf(testLas().models.update(hex, { trainingId: 'las:model-training:x' }), 'trainingId', '2024-11-29', '2021-09-23');
    await refusedAsFieldOf(testLas().models.list({ owner: 'las:organization:cradl' }), 'owner', '2024-11-29', '2021-09-23');
  });

  test('ids follow the version: a slug is refused under 2021-09-23, an upper-case slug under 2024-11-29', async () => {
    expect((await thrown(testLas().models.get(MODEL_SLUG))).message).toMatch(/modelId: must be a model id \(las:model:<32 hex digits>\)/);
    expect((await thrown(las2024().models.get('las:model:Invoice'))).message).toMatch(/modelId: must be a model id \(las:model:<slug>/);
  });
});

describe('documents under 2024-11-29', () => {
  test('document.update with name, description and metadata: the exact body', async () => {
    const body = { name: 'March', description: null, metadata: { page: 3 } };
    api().patch(`/documents/${enc(DOCUMENT_ID)}`, body).reply(200, fixture('document'));
    await las2024().documents.update(DOCUMENT_ID, body);
  });

  test('documents.create sends name, description and metadata with the document', async () => {
    let sent: Record<string, unknown> | undefined;
    api()
      .post('/documents', (body: Record<string, unknown>) => {
        sent = body;
        return true;
      })
      .reply(200, fixture('document'));
    await las2024().documents.create(Buffer.from('%PDF-1.4\n'), { name: 'a.pdf', description: 'x', metadata: { k: 'v' } } as never);
    expect(sent).toMatchObject({ name: 'a.pdf', description: 'x', metadata: { k: 'v' } });
  });

  test('documents.list: datasetId repeated, documentId, sortBy and order', async () => {
    const query = new URLSearchParams([['datasetId', DATASET_A], ['datasetId', DATASET_B], ['documentId', DOCUMENT_ID], ['sortBy', 'createdTime'], ['order', 'descending']]);
    api().get('/documents').query(query).reply(200, { documents: [], nextToken: null });
    await las2024().documents.list({ datasetId: [DATASET_A, DATASET_B], documentId: DOCUMENT_ID, sortBy: 'createdTime', order: 'descending' });
  });

  test('refused before sending: batchId under 2024-11-29 (list, deleteMany, update); name and sortBy under 2021-09-23', async () => {
    const batchId = 'las:batch:0123456789abcdef0123456789abcdef';
    await refusedAsFieldOf(las2024().documents.list({ batchId }), 'batchId', '2021-09-23', '2024-11-29');
    await refusedAsFieldOf(las2024().documents.deleteMany({ batchId }), 'batchId', '2021-09-23', '2024-11-29');
    await refusedAsFieldOf(testLas().documents.update(DOCUMENT_ID, { name: 'x' }), 'name', '2024-11-29', '2021-09-23');
    await refusedAsFieldOf(testLas().documents.list({ sortBy: 'createdTime' }), 'sortBy', '2024-11-29', '2021-09-23');
    const order = await thrown(las2024().documents.list({ order: 'up' } as never));
    expect(order.message).toMatch(/^documents\.list: order: must be one of ascending, descending/);
  });
});

describe('predictions under 2024-11-29', () => {
  test('predictions.create with async, a public model, a training and the configs: the exact body; the answer pending', async () => {
    const body = {
      documentId: DOCUMENT_ID,
      modelId: PUBLIC_MODEL,
      async: true,
      trainingId: 'las:model-training:v2',
      maxPages: 50,
      rotation: 180,
      preprocessConfig: { autoRotate: true },
      postprocessConfig: { strategy: 'BEST_FIRST', outputFormat: 'v2' },
    };
    api().post('/predictions', body).reply(200, { ...fixture('prediction'), status: 'pending' });
    const prediction = await las2024().predictions.create(body);
    expect((prediction as unknown as { status: string }).status).toBe('pending');
  });

  test('document.predict with async: the exact body', async () => {
    api().post('/predictions', { async: true, documentId: DOCUMENT_ID, modelId: MODEL_SLUG }).reply(200, fixture('prediction'));
    await las2024().documents.ref(DOCUMENT_ID).predict(MODEL_SLUG, { async: true });
  });

  test('predictions.list with modelId, sortBy and order', async () => {
    api().get('/predictions').query({ modelId: MODEL_SLUG, sortBy: 'createdTime', order: 'ascending' }).reply(200, { predictions: [], nextToken: null });
    await las2024().predictions.list({ modelId: MODEL_SLUG, sortBy: 'createdTime', order: 'ascending' });
  });

  test('refused before sending: async under 2021-09-23 (create and predict), a bad postprocessConfig under 2024-11-29', async () => {
    const modelId = 'las:model:5f0e3c1a9b2d4e6f8a7b6c5d4e3f2a1b';
    await refusedAsFieldOf(testLas().predictions.create({ documentId: DOCUMENT_ID, modelId, async: true }), 'async', '2024-11-29', '2021-09-23');
    await refusedAsFieldOf(testLas().documents.ref(DOCUMENT_ID).predict(modelId, { async: true }), 'async', '2024-11-29', '2021-09-23');
    await refusedAsFieldOf(testLas().predictions.list({ sortBy: 'createdTime' }), 'sortBy', '2024-11-29', '2021-09-23');
    const post = await thrown(las2024().predictions.create({ documentId: DOCUMENT_ID, modelId, postprocessConfig: { strategy: 'BEST_N_PAGES' } } as never));
    expect(post).toBeInstanceOf(ValidationError);
    expect(post.message).toMatch(/^predictions\.create: postprocessConfig/);
  });
});

describe('users and app clients under 2024-11-29: roleIds', () => {
  test('users.create and user.update with roleIds and metadata: the exact bodies', async () => {
    api().post('/users', { roleIds: ['las:role:admin'], metadata: { x: 1 }, email: 'a@example.com' }).reply(200, fixture('user'));
    await las2024().users.create('a@example.com', { roleIds: ['las:role:admin'], metadata: { x: 1 } });
    api().patch(`/users/${enc(USER_ID)}`, { roleIds: [] }).reply(200, fixture('user'));
    await las2024().users.update(USER_ID, { roleIds: [] });
  });

  test('appClients.create and update (on a slug id) with roleIds: the exact bodies', async () => {
    api().post('/appClients', { roleIds: ['las:role:viewer'] }).reply(200, fixture('app-client'));
    await las2024().appClients.create({ roleIds: ['las:role:viewer'] });
    api().patch(`/appClients/${enc('las:app-client:my-app')}`, { roleIds: ['las:role:viewer'] }).reply(200, fixture('app-client'));
    await las2024().appClients.update('las:app-client:my-app', { roleIds: ['las:role:viewer'] });
  });

  test('refused before sending: name on a user under 2024-11-29 (a profile holds it), roleIds under 2021-09-23, a bad role id', async () => {
    const message = await refusedAsFieldOf(las2024().users.create('a@example.com', { name: 'Ann' }), 'name', '2021-09-23', '2024-11-29');
    expect(message).toContain('2023-09-07');
    await refusedAsFieldOf(testLas().users.create('a@example.com', { roleIds: ['las:role:admin'] }), 'roleIds', '2024-11-29', '2021-09-23');
    await refusedAsFieldOf(testLas().appClients.create({ roleIds: ['las:role:admin'] }), 'roleIds', '2024-11-29', '2021-09-23');
    const role = await thrown(las2024().users.update(USER_ID, { roleIds: ['admin'] }));
    expect(role.message).toMatch(/^user\.update: roleIds\[0\]: must be a role id/);
  });
});

describe('transitions under 2024-11-29: parameters', () => {
  test("transitions.create('lambda', { parameters }): the exact body", async () => {
    const parameters = { lambdaId: 'las:lambda:ocr:3', environment: { A: 'b' } };
    api().post('/transitions', { parameters, timeoutInSeconds: 7200, transitionType: 'lambda' }).reply(200, fixture('transition'));
    await las2024().transitions.create('lambda', { parameters, timeoutInSeconds: 7200 });
  });

  test('transition.update with parameters (a bigger container, the environment cleared): the exact body', async () => {
    const body = { parameters: { cpu: 1024, memory: 8192, environment: null } };
    api().patch(`/transitions/${enc(TRANSITION_ID)}`, body).reply(200, fixture('transition'));
    await las2024().transitions.update(TRANSITION_ID, body);
  });

  test('refused before sending: environment and inSchema under 2024-11-29; lambda and parameters under 2021-09-23', async () => {
    const message = await refusedAsFieldOf(las2024().transitions.update(TRANSITION_ID, { environment: { A: 'b' } }), 'environment', '2021-09-23', '2024-11-29');
    expect(message).toContain('parameters.environment');
    await refusedAsFieldOf(las2024().transitions.create('docker', { inSchema: {} }), 'inSchema', '2021-09-23', '2024-11-29');
    const lambda = await thrown(testLas().transitions.create('lambda'));
    expect(lambda).toBeInstanceOf(ValidationError);
    // Under 2021-09-23 nothing changes: its own shape refuses the value, as it always did.
    expect(lambda.message).toMatch(/^transitions\.create: transitionType: must be one of docker, manual/);
    await refusedAsFieldOf(testLas().transitions.update(TRANSITION_ID, { parameters: { cpu: 512 } }), 'parameters', '2024-11-29', '2021-09-23');
  });
});

describe('workflows and their executions under 2024-11-29', () => {
  test('workflows.create and workflow.update with status, emailConfig and metadata: the exact bodies', async () => {
    const specification = { definition: {} };
    const options = { status: 'production', emailConfig: { secretId: SECRET_ID, allowedOrigins: null }, metadata: { a: 1 } } as const;
    api().post('/workflows', { ...options, specification }).reply(200, fixture('workflow'));
    await las2024().workflows.create(specification, options);
    api().patch(`/workflows/${enc(WORKFLOW_ID)}`, { status: 'development', emailConfig: null }).reply(200, fixture('workflow'));
    await las2024().workflows.update(WORKFLOW_ID, { status: 'development', emailConfig: null });
  });

  test('executions.list with the start time bounds and the completed status; execution.update with status', async () => {
    const query = new URLSearchParams([['status', 'completed'], ['status', 'failed'], ['fromStartTime', '2024-11-01'], ['toStartTime', '2024-12-01T00:00:00Z']]);
    api().get(`/workflows/${enc(WORKFLOW_ID)}/executions`).query(query).reply(200, { executions: [], nextToken: null });
    const executions = las2024().workflows.ref(WORKFLOW_ID).executions;
    await executions.list({ status: ['completed', 'failed'], fromStartTime: '2024-11-01', toStartTime: '2024-12-01T00:00:00Z' });
    api().patch(`/workflows/${enc(WORKFLOW_ID)}/executions/${enc(EXECUTION_ID)}`, { status: 'completed' }).reply(200, fixture('workflow-execution'));
    await executions.ref(EXECUTION_ID).update({ status: 'completed' });
  });

  test('refused before sending: status under 2021-09-23, fromStartTime under 2021-09-23, a time that is none', async () => {
    await refusedAsFieldOf(testLas().workflows.create({ definition: {} }, { status: 'production' }), 'status', '2024-11-29', '2021-09-23');
    await refusedAsFieldOf(testLas().workflows.update(WORKFLOW_ID, { metadata: {} }), 'metadata', '2024-11-29', '2021-09-23');
    await refusedAsFieldOf(testLas().workflows.ref(WORKFLOW_ID).executions.list({ fromStartTime: '2024-11-01' }), 'fromStartTime', '2024-11-29', '2021-09-23');
    const time = await thrown(las2024().workflows.ref(WORKFLOW_ID).executions.list({ fromStartTime: 'yesterday' }));
    expect(time.message).toMatch(/fromStartTime: must be an ISO 8601 time/);
    const status = await thrown(las2024().workflows.update(WORKFLOW_ID, { status: 'live' } as never));
    expect(status.message).toMatch(/^workflow\.update: status: must be one of development, production/);
  });
});

describe('datasets, organizations and data bundles under 2024-11-29', () => {
  test('dataset.update with metadata, retention and PII; organization.update with a plan, on a slug id', async () => {
    const body = { metadata: { a: 1 }, retentionInDays: 30, containsPersonallyIdentifiableInformation: true };
    api().patch(`/datasets/${enc(DATASET_A)}`, body).reply(200, fixture('dataset'));
    await las2024().datasets.update(DATASET_A, body);
    api().patch(`/organizations/${enc('las:organization:cradl')}`, { planId: 'las:plan:pro' }).reply(200, fixture('organization'));
    await las2024().organizations.update('las:organization:cradl', { planId: 'las:plan:pro' });
  });

  test('dataBundles.list: status one value of 2024-11-29 (its spec has no list there)', async () => {
    api().get(`/models/${enc(MODEL_SLUG)}/dataBundles`).query({ status: 'succeeded' }).reply(200, { dataBundles: [], nextToken: null });
    await las2024().models.ref(MODEL_SLUG).dataBundles.list({ status: 'succeeded' });
    const many = await thrown(las2024().models.ref(MODEL_SLUG).dataBundles.list({ status: ['succeeded', 'failed'] }));
    expect(many).toBeInstanceOf(ValidationError);
  });

  test('refused before sending: metadata on a dataset and planId under 2021-09-23', async () => {
    await refusedAsFieldOf(testLas().datasets.update(DATASET_A, { metadata: {} }), 'metadata', '2024-11-29', '2021-09-23');
    await refusedAsFieldOf(testLas().datasets.create({ metadata: {} }), 'metadata', '2024-11-29', '2021-09-23');
    await refusedAsFieldOf(
      testLas().organizations.update('las:organization:0123456789abcdef0123456789abcdef', { planId: 'las:plan:pro' }),
      'planId',
      '2024-11-29',
      '2021-09-23',
    );
  });
});
