/**
 * Every collection of the SDK against the emulator over real HTTP: create, get, list, update and
 * delete answer entities that fit the SDK's own schemas, and the emulator refuses what the
 * service refuses (400 naming the field, 404 for unknown ids).
 */
import { appClientSchema } from '../../../src/api/app-clients.js';
import { assetSchema } from '../../../src/api/assets.js';
import { batchSchema } from '../../../src/api/batches.js';
import { dataBundleSchema } from '../../../src/api/data-bundles.js';
import { datasetSchema } from '../../../src/api/datasets.js';
import { documentSchema } from '../../../src/api/documents.js';
import { modelSchema } from '../../../src/api/models.js';
import { organizationSchema } from '../../../src/api/organizations.js';
import { predictionSchema } from '../../../src/api/predictions.js';
import { secretSchema } from '../../../src/api/secrets.js';
import { transitionSchema } from '../../../src/api/transitions.js';
import { userSchema } from '../../../src/api/users.js';
import { workflowSchema } from '../../../src/api/workflows.js';
import { BadRequestError, NotFoundError } from '../../../src/errors.js';
import { PDF, expectShape, messageOf, raw, rejection, useEmulator } from './helpers.js';

const t = useEmulator();
const ID = /^las:[a-z-]+:[a-f0-9]{32}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$/;
const MISSING = (kind: string) => `las:${kind}:${'0'.repeat(32)}`;

test('datasets: create, get, list, update, delete, with audit stamps', async () => {
  const dataset = await t.las.datasets.create({ name: 'Invoices', description: 'test' });
  expectShape(datasetSchema, dataset);
  expect(dataset.datasetId).toMatch(ID);
  expect(JSON.parse(JSON.stringify(dataset)).createdTime).toMatch(TIME);
  expect(dataset.createdTime).toBeInstanceOf(Date);
  expect(dataset.createdBy).toMatch(/^las:app-client:/);
  expect((await t.las.datasets.get(dataset.datasetId)).name).toBe('Invoices');
  const updated = await dataset.update({ description: 'changed' });
  expect(updated.description).toBe('changed');
  expect((updated.updatedTime as Date).getTime()).toBeGreaterThanOrEqual((updated.createdTime as Date).getTime());
  expect((await t.las.datasets.list()).items.map((d) => d.datasetId)).toContain(dataset.datasetId);
  await t.las.datasets.delete(dataset.datasetId);
  expect(await rejection(t.las.datasets.get(dataset.datasetId))).toBeInstanceOf(NotFoundError);
});

test('documents: upload with ground truth, content on get only, filters, counts in the dataset, deleteMany', async () => {
  const dataset = await t.las.datasets.create({ name: 'docs' });
  const batch = await t.las.batches.create({ name: 'batch' });
  const groundTruth = [{ label: 'total_amount', value: '120.00' }];
  const a = await t.las.documents.create(PDF, { datasetId: dataset.datasetId, groundTruth });
  const b = await t.las.documents.create({ base64: PDF.toString('base64') }, { batchId: batch.batchId });
  expectShape(documentSchema, a);
  expect(a.contentType).toBe('application/pdf');
  expect(a.content).toBeUndefined();
  expect((await t.las.documents.get(a.documentId)).content).toBe(PDF.toString('base64'));
  expect((await t.las.documents.list({ datasetId: dataset.datasetId })).items.map((d) => d.documentId)).toEqual([a.documentId]);
  expect((await t.las.documents.list({ batchId: [batch.batchId] })).items.map((d) => d.documentId)).toEqual([b.documentId]);
  const counted = await t.las.datasets.get(dataset.datasetId);
  expect(counted.numberOfDocuments).toBe(1);
  expect(counted.groundTruthSummary).toEqual({ total_amount: 1 });
  expect((await t.las.batches.list()).items.find((x) => x.batchId === batch.batchId)?.numDocuments).toBe(1);
  expect((await a.update({ groundTruth: [{ label: 'paid', value: true }] })).groundTruth).toEqual([{ label: 'paid', value: true }]);
  const deleted = await t.las.documents.deleteMany({ datasetId: dataset.datasetId, deleteAll: true });
  expect(deleted.documents.map((d) => d.documentId)).toEqual([a.documentId]);
  await t.las.documents.delete(b.documentId);
  expect(await rejection(t.las.documents.get(b.documentId))).toBeInstanceOf(NotFoundError);
});

test('documents: unknown dataset is a 404, bad content a 400 naming the field', async () => {
  const missing = await rejection(t.las.documents.create(PDF, { datasetId: MISSING('dataset') }));
  expect(missing).toBeInstanceOf(NotFoundError);
  expect(messageOf(missing)).toContain(MISSING('dataset'));
  const bad = await raw(t.emu, 'POST', '/documents', { body: { content: '!!!', contentType: 'application/pdf' } });
  expect(bad).toEqual({ status: 400, body: { message: 'body.content: must be non-empty base64' } });
  const type = await raw(t.emu, 'POST', '/documents', { body: { content: 'QUJD', contentType: 'text/plain' } });
  expect(type.status).toBe(400);
  expect(type.body.message).toMatch(/^body\.contentType: must be one of application\/pdf/);
});

test('batches: create, update, delete', async () => {
  const batch = await t.las.batches.create({ name: 'October', containsPersonallyIdentifiableInformation: true });
  expectShape(batchSchema, batch);
  expect((await batch.update({ name: 'November' })).name).toBe('November');
  expect((await t.las.batches.delete(batch.batchId)).batchId).toBe(batch.batchId);
  expect(await rejection(t.las.batches.update(batch.batchId, { name: 'x' }))).toBeInstanceOf(NotFoundError);
});

test('assets: content on get, update with new content, delete', async () => {
  const asset = await t.las.assets.create(Buffer.from('<h1>Review</h1>'), { name: 'form' });
  expectShape(assetSchema, asset);
  expect(asset.content).toBeUndefined();
  const got = await t.las.assets.get(asset.assetId);
  expect(Buffer.from(got.content as string, 'base64').toString()).toBe('<h1>Review</h1>');
  await got.update({ content: Buffer.from('<h1>v2</h1>'), description: 'v2' });
  expect(Buffer.from((await t.las.assets.get(asset.assetId)).content as string, 'base64').toString()).toBe('<h1>v2</h1>');
  expect((await t.las.assets.list()).items.every((a) => a.content === undefined)).toBe(true);
  await t.las.assets.delete(asset.assetId);
  expect(await rejection(t.las.assets.get(asset.assetId))).toBeInstanceOf(NotFoundError);
});

test('secrets: values are stored but never shown', async () => {
  const secret = await t.las.secrets.create({ password: 'hunter2' }, { name: 'erp' });
  expectShape(secretSchema, secret);
  expect(JSON.stringify(secret)).not.toContain('hunter2');
  await secret.update({ data: { password: 'changed' }, description: 'rotated' });
  const listed = await t.las.secrets.list();
  expect(JSON.stringify(listed.items)).not.toContain('changed');
  await t.las.secrets.delete(secret.secretId);
  expect((await t.las.secrets.list()).items.map((s) => s.secretId)).not.toContain(secret.secretId);
});

test('users: create, get, update, delete; an unknown app client is a 404', async () => {
  const user = await t.las.users.create('kari@example.com', { name: 'Kari' });
  expectShape(userSchema, user);
  expect((await t.las.users.get(user.userId)).email).toBe('kari@example.com');
  expect((await user.update({ name: 'Kari N' })).name).toBe('Kari N');
  expect(await rejection(t.las.users.create('ola@example.com', { appClientId: MISSING('app-client') }))).toBeInstanceOf(NotFoundError);
  const bad = await raw(t.emu, 'POST', '/users', { body: { email: 'not-an-email' } });
  expect(bad.status).toBe(400);
  expect(bad.body.message).toMatch(/^body\.email: must match/);
  await t.las.users.delete(user.userId);
  expect(await rejection(t.las.users.get(user.userId))).toBeInstanceOf(NotFoundError);
});

test('app clients: the secret is shown once, and the new client can get tokens', async () => {
  const client = await t.las.appClients.create({ name: 'portal', loginUrls: ['https://portal.example.com/login'] });
  expectShape(appClientSchema, client);
  expect(client.hasSecret).toBe(true);
  expect(client.clientSecret).toEqual(expect.any(String));
  expect(client.defaultLoginUrl).toBe('https://portal.example.com/login');
  const listed = (await t.las.appClients.list()).items.find((c) => c.appClientId === client.appClientId);
  expect(listed?.clientSecret).toBeUndefined();
  const token = await fetch(`${t.emu.url}/token?grant_type=client_credentials`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
  });
  expect(token.status).toBe(200);
  const { access_token: accessToken } = (await token.json()) as { access_token: string };
  const created = await raw(t.emu, 'POST', '/batches', { token: accessToken, body: {} });
  expect(created.status).toBe(200);
  expect((await client.update({ name: 'portal 2' })).name).toBe('portal 2');
  await t.las.appClients.delete(client.appClientId);
  // Its tokens die with it.
  expect((await raw(t.emu, 'GET', '/batches', { token: accessToken })).status).toBe(403);
});

test('models and data bundles: field configs checked, bundles snapshot their datasets', async () => {
  const model = await t.las.models.create({
    width: 300,
    height: 300,
    fieldConfig: { total_amount: { type: 'amount', maxLength: 10 } },
    name: 'reader',
  });
  expectShape(modelSchema, model);
  expect(model.preprocessConfig).toEqual({ maxPages: 1, autoRotate: false, imageQuality: 'LOW' });
  const bad = await raw(t.emu, 'POST', '/models', { body: { width: 300, height: 300, fieldConfig: { x: { type: 'colour', maxLength: 3 } } } });
  expect(bad).toEqual({ status: 400, body: { message: expect.stringMatching(/^body\.fieldConfig\.x\.type: must be one of date/) } });
  const dataset = await t.las.datasets.create({ name: 'training' });
  await t.las.documents.create(PDF, { datasetId: dataset.datasetId, groundTruth: [{ label: 'total_amount', value: '1.00' }] });
  const bundle = await model.dataBundles.create({ datasetIds: [dataset.datasetId], name: 'v1' });
  expectShape(dataBundleSchema, bundle);
  expect(bundle.status).toBe('ready');
  expect(bundle.summary).toEqual({ total_amount: 1 });
  expect((await t.las.models.get(model.modelId)).numberOfDataBundles).toBe(1);
  expect((await model.dataBundles.list({ status: 'ready' })).items.map((b) => b.dataBundleId)).toEqual([bundle.dataBundleId]);
  expect((await model.dataBundles.list({ status: ['processing', 'failed'] })).items).toEqual([]);
  expect((await bundle.update({ name: 'v1.1' })).name).toBe('v1.1');
  await model.dataBundles.delete(bundle.dataBundleId);
  expect((await (await t.las.models.update(model.modelId, { status: 'active' })).status)).toBe('active');
  await t.las.models.delete(model.modelId);
  expect(await rejection(t.las.models.get(model.modelId))).toBeInstanceOf(NotFoundError);
});

test('predictions: one simulated entry per field, the same for the same bytes', async () => {
  const model = await t.las.models.create({
    width: 300,
    height: 300,
    fieldConfig: { total_amount: { type: 'amount', maxLength: 10 }, due_date: { type: 'date', maxLength: 10 }, ref: { type: 'alphanum', maxLength: 4 } },
  });
  const one = await t.las.documents.create(PDF);
  const same = await t.las.documents.create(PDF);
  const other = await t.las.documents.create(Buffer.concat([PDF, Buffer.from('%changed\n')]), { contentType: 'application/pdf' });
  const first = await one.predict(model.modelId);
  expectShape(predictionSchema, first);
  expect(first.predictions.map((p) => p.label)).toEqual(['total_amount', 'due_date', 'ref']);
  const [amount, date, ref] = first.predictions;
  expect(amount.value).toMatch(/^\d+\.\d{2}$/);
  expect(date.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(ref.value).toHaveLength(4);
  for (const p of first.predictions) expect(p.confidence).toBeGreaterThanOrEqual(0.5);
  const again = await t.las.predictions.create({ documentId: same.documentId, modelId: model.modelId });
  expect(again.predictions).toEqual(first.predictions);
  expect((await other.predict(model.modelId)).predictions).not.toEqual(first.predictions);
  expect((await t.las.predictions.list()).items.map((p) => p.predictionId)).toContain(first.predictionId);
  expect(await rejection(t.las.predictions.create({ documentId: MISSING('document'), modelId: model.modelId }))).toBeInstanceOf(NotFoundError);
});

test('organizations: get and update the one organization, with live counts', async () => {
  const organization = await t.las.organizations.get(t.emu.organizationId);
  expectShape(organizationSchema, organization);
  expect(organization.numberOfAppClientsCreated).toBeGreaterThanOrEqual(1);
  expect((await organization.update({ name: 'Acme' })).name).toBe('Acme');
  expect(await rejection(t.las.organizations.get(MISSING('organization')))).toBeInstanceOf(NotFoundError);
});

test('transitions: docker needs an image, list filters by type, update and delete', async () => {
  const manual = await t.las.transitions.create('manual', { name: 'review', inSchema: { type: 'object' } });
  expectShape(transitionSchema, manual);
  expect(manual.inputJsonSchema).toEqual({ type: 'object' });
  const docker = await t.las.transitions.create('docker', { parameters: { imageUrl: 'example.com/step:1', memory: 512 }, timeoutInSeconds: 120 });
  expect(docker.timeoutInSeconds).toBe(120);
  const noImage = await rejection(t.las.transitions.create('docker', {}));
  expect(messageOf(noImage)).toBe('body.parameters.imageUrl: is required for a docker transition');
  const manuals = await t.las.transitions.list({ transitionType: 'manual' });
  expect(manuals.items.every((x) => x.transitionType === 'manual')).toBe(true);
  expect(manuals.items.map((x) => x.transitionId)).toContain(manual.transitionId);
  const updated = await docker.update({ name: 'export', environment: { MODE: 'test' } });
  expect(updated.parameters).toMatchObject({ imageUrl: 'example.com/step:1', environment: { MODE: 'test' } });
  await t.las.transitions.delete(manual.transitionId);
  expect(await rejection(t.las.transitions.get(manual.transitionId))).toBeInstanceOf(NotFoundError);
});

test('workflows: definitions are checked when created', async () => {
  const step = await t.las.transitions.create('manual');
  const workflow = await t.las.workflows.create(
    { definition: { StartAt: 'A', States: { A: { Type: 'Task', Resource: step.transitionId, End: true } } } },
    { name: 'wf', errorConfig: { manualRetry: true } },
  );
  expectShape(workflowSchema, workflow, ['completedConfig']);
  expect(workflow.numberOfRunningExecutions).toBe(0);
  const dangling = await rejection(
    t.las.workflows.create({ definition: { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' } } } }),
  );
  expect(dangling).toBeInstanceOf(BadRequestError);
  expect(messageOf(dangling)).toBe('body.specification.definition.States.A.Next: must name one of the States, got "B"');
  const unknown = await rejection(
    t.las.workflows.create({ definition: { StartAt: 'A', States: { A: { Type: 'Task', Resource: MISSING('transition'), End: true } } } }),
  );
  expect(messageOf(unknown)).toBe(`body.specification.definition.States.A.Resource: transition ${MISSING('transition')} does not exist`);
  const wait = await rejection(t.las.workflows.create({ definition: { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 1, End: true } } } }));
  expect(messageOf(wait)).toMatch(/States\.W\.Type: must be one of Task, Pass, Choice, Succeed, Fail/);
  expect((await workflow.update({ description: 'd' })).description).toBe('d');
  await t.las.workflows.delete(workflow.workflowId);
  expect(await rejection(t.las.workflows.get(workflow.workflowId))).toBeInstanceOf(NotFoundError);
});

describe('requests the service refuses', () => {
  test('400 names the field: unknown property, wrong type, enum, id pattern, empty update', async () => {
    const dataset = await t.las.datasets.create();
    const cases: [string, string, unknown, string][] = [
      ['POST', '/datasets', { colour: 'red' }, 'body.colour: is not a known property'],
      ['POST', '/datasets', { retentionInDays: 'long' }, 'body.retentionInDays: must be a number'],
      ['POST', '/transitions', { transitionType: 'lambda' }, 'body.transitionType: must be one of docker, manual, got "lambda"'],
      ['POST', '/predictions', { documentId: 'las:document:xyz', modelId: MISSING('model') }, 'body.documentId: must be a document id (las:document:<32 hex digits>), got "las:document:xyz"'],
      ['PATCH', `/datasets/${dataset.datasetId}`, {}, 'body: must set at least one of name, description'],
      ['POST', '/secrets', {}, 'body.data: is required'],
    ];
    for (const [method, path, body, message] of cases) {
      expect(await raw(t.emu, method, path, { body })).toEqual({ status: 400, body: { message } });
    }
  });

  test('400 for a malformed path id, 404 for an unknown one', async () => {
    expect(await raw(t.emu, 'GET', '/datasets/las:dataset:nope')).toEqual({
      status: 400,
      body: { message: 'datasetId: must be a dataset id (las:dataset:<32 hex digits>), got "las:dataset:nope"' },
    });
    expect(await raw(t.emu, 'GET', `/datasets/${MISSING('dataset')}`)).toEqual({
      status: 404,
      body: { message: `Dataset ${MISSING('dataset')} not found` },
    });
  });

  test('415 for a body that is not JSON, 400 for broken JSON, 403 off the routes (as API Gateway)', async () => {
    expect((await raw(t.emu, 'POST', '/datasets', { body: 'name=x', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect(await raw(t.emu, 'POST', '/datasets', { body: '{"name":' })).toEqual({ status: 400, body: { message: 'body: is not valid JSON' } });
    // Bytes that are not UTF-8 (a Latin-1 "ø", a lone continuation byte) are refused as the service's JSON parser refuses them, not stored as U+FFFD.
    for (const bad of [[0xf8], [0x80], [0xed, 0xa0, 0x80]]) {
      const body = Buffer.concat([Buffer.from('{"name":"k'), Buffer.from(bad), Buffer.from('"}')]);
      expect(await raw(t.emu, 'POST', '/datasets', { body })).toEqual({ status: 400, body: { message: 'body: is not valid JSON (its bytes are not UTF-8)' } });
    }
    const names = () => raw(t.emu, 'GET', '/datasets').then(({ body }) => (body.datasets as { name: string | null }[]).map((d) => d.name));
    expect((await names()).filter((name) => name?.includes('\uFFFD'))).toEqual([]);
    expect((await raw(t.emu, 'POST', '/datasets', { body: Buffer.from('{"name":"kø"}') })).body.name).toBe('kø');
    expect((await raw(t.emu, 'GET', '/nothing')).status).toBe(403);
    expect((await raw(t.emu, 'PUT', '/datasets')).status).toBe(403);
  });

  test('401 without a bearer token, 403 with an unknown one', async () => {
    expect(await raw(t.emu, 'GET', '/datasets', { token: null })).toEqual({ status: 401, body: { message: 'Unauthorized' } });
    expect(await raw(t.emu, 'GET', '/datasets', { token: 'made-up' })).toEqual({ status: 403, body: { message: 'Forbidden' } });
  });

  test('the token endpoint checks the Basic credentials and the grant type', async () => {
    const ask = (user: string, secret: string, grant = 'client_credentials') =>
      fetch(`${t.emu.url}/token?grant_type=${grant}`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}` },
      });
    const { clientId, clientSecret } = t.emu.credentials;
    const good = await ask(clientId, clientSecret);
    expect(await good.json()).toEqual({ access_token: expect.any(String), expires_in: 3600, token_type: 'Bearer' });
    expect((await ask(clientId, 'wrong')).status).toBe(401);
    expect((await ask(clientId, clientSecret, 'password')).status).toBe(400);
  });
});

describe('tokens that expire', () => {
  const short = useEmulator({ tokenLifetimeSeconds: 1 });

  test('an expired token is a 401; the SDK gets a fresh one by itself', async () => {
    const token = await short.emu.credentials.getAccessToken();
    expect((await raw(short.emu, 'GET', '/datasets', { token })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await raw(short.emu, 'GET', '/datasets', { token })).toEqual({ status: 401, body: { message: 'The incoming token has expired' } });
    expect((await short.las.datasets.list()).items).toEqual([]);
  });
});
