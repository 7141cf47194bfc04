/**
 * Predictions under API 2024-11-29: the 2024 body (trainingId, configs, rotation, async), the 2024
 * Prediction (createdBy/createdTime, status, no timestamp) checked against the spec with objects
 * closed, async ones done on the emulator's clock, GET of one, the list's modelId/sortBy/order,
 * and the SDK's `predictions.create(..., { async: true })` + `wait()` against it.
 */
import { Las } from '../../../src/las.js';
import type { Clock } from '../src/clock.js';
import { startEmulator, type Emulator } from '../src/index.js';
import { TRAINING_PENDING_MS, TRAINING_RUNNING_MS } from '../src/trainings.js';
import { call, clockOf, ok, refused } from './api-2024.js';
import { PDF } from './helpers.js';

const FIELDS = {
  total: { type: 'amount' },
  currency: { type: 'enum', enum: ['NOK', 'EUR'] },
  ref: { type: 'digits', maxLength: 6 },
  items: { type: 'lines', fields: { sku: { type: 'string' }, qty: { type: 'numeric' } } },
};
// The simulated inference time is at most 3 s: an async prediction is done by then.
const INFERENCE_MAX_MS = 3000;

let emu: Emulator;
let clock: Clock;
beforeAll(async () => {
  emu = await startEmulator({ apiVersion: '2024-11-29' });
  clock = clockOf(emu);
});
afterAll(async () => {
  await emu.close();
});

async function newModel(): Promise<string> {
  return (await ok('Model', call(emu, 'POST', '/models', { fieldConfig: FIELDS }))).modelId as string;
}

async function newDocument(bytes: Buffer = PDF): Promise<string> {
  const answer = await call(emu, 'POST', '/documents', { content: bytes.toString('base64'), contentType: 'application/pdf' });
  expect(answer.status).toBe(200);
  return answer.body.documentId as string;
}

async function succeededTraining(modelId: string): Promise<string> {
  const dataset = (await call(emu, 'POST', '/datasets', {})).body;
  const bundle = (await call(emu, 'POST', `/models/${modelId}/dataBundles`, { datasetIds: [dataset.datasetId] })).body;
  const training = await ok('Training', call(emu, 'POST', `/models/${modelId}/trainings`, { dataBundleIds: [bundle.dataBundleId] }));
  await clock.advance(TRAINING_PENDING_MS + TRAINING_RUNNING_MS);
  return training.trainingId as string;
}

const predict = (body: Record<string, unknown>) => ok('Prediction', call(emu, 'POST', '/predictions', body));

describe('POST /predictions under 2024-11-29', () => {
  it('answers a succeeded 2024 Prediction at once, with the model configs it ran with', async () => {
    const modelId = await newModel();
    const documentId = await newDocument();
    const prediction = await predict({ documentId, modelId });
    expect(prediction).toMatchObject({
      documentId,
      modelId,
      trainingId: null,
      status: 'succeeded',
      inferenceTime: expect.any(Number),
      preprocessConfig: { maxPages: 1, autoRotate: false, imageQuality: 'LOW' },
      postprocessConfig: null,
      createdBy: expect.any(String),
      createdTime: expect.any(String),
    });
    expect(prediction).not.toHaveProperty('timestamp');
    const fields = prediction.predictions as { label: string; value: unknown }[];
    expect(fields.map((field) => field.label)).toEqual(['total', 'currency', 'ref', 'items']);
    expect(['NOK', 'EUR']).toContain(fields[1].value);
    expect(fields[2].value).toMatch(/^\d{6}$/);
    const lines = fields[3].value as { label: string }[][];
    expect(lines.length).toBeGreaterThanOrEqual(1);
    for (const line of lines) expect(line.map((field) => field.label)).toEqual(['sku', 'qty']);

    const preprocessConfig = { maxPages: 3, imageQuality: 'HIGH' };
    const postprocessConfig = { strategy: 'BEST_N_PAGES', parameters: { n: 2, collapse: true } };
    expect(await predict({ documentId, modelId, preprocessConfig, postprocessConfig })).toMatchObject({ preprocessConfig, postprocessConfig });
    expect((await predict({ documentId, modelId, rotation: 90, maxPages: 2 })).preprocessConfig).toEqual({ maxPages: 2, autoRotate: false, imageQuality: 'LOW', rotation: 90 });
    // Its own organization's composite model id is its model too; another organization's is not found.
    expect((await predict({ documentId, modelId: `${emu.organizationId}/${modelId}` })).modelId).toBe(`${emu.organizationId}/${modelId}`);
    expect((await call(emu, 'POST', '/predictions', { documentId, modelId: `las:organization:cradl/${modelId}` })).status).toBe(404);
  });

  it('async: answers pending, then succeeded on the clock with what a sync prediction reads; GET of one shows where it is', async () => {
    const modelId = await newModel();
    const documentId = await newDocument();
    const pending = await predict({ documentId, modelId, async: true });
    expect(pending).toMatchObject({ status: 'pending', predictions: null, inferenceTime: null });
    const path = `/predictions/${String(pending.predictionId)}`;
    // Held still: the real time moves the clock too, but not by seconds within this test.
    expect(await ok('Prediction', call(emu, 'GET', path))).toEqual(pending);
    await clock.advance(INFERENCE_MAX_MS);
    const done = await ok('Prediction', call(emu, 'GET', path));
    const sync = await predict({ documentId, modelId });
    expect(done).toEqual({ ...pending, status: 'succeeded', inferenceTime: sync.inferenceTime, predictions: sync.predictions });
    expect((await call(emu, 'GET', `/predictions/las:prediction:${'0'.repeat(32)}`)).status).toBe(404);
  });

  it('with a trainingId: only a succeeded training of that model', async () => {
    const modelId = await newModel();
    const documentId = await newDocument();
    const trainingId = await succeededTraining(modelId);
    expect((await predict({ documentId, modelId, trainingId })).trainingId).toBe(trainingId);

    const otherModel = await newModel();
    const theirs = await succeededTraining(otherModel);
    expect(await refused(call(emu, 'POST', '/predictions', { documentId, modelId, trainingId: theirs }))).toBe(`body.trainingId: ${theirs} is not a training of model ${modelId}`);
    const dataset = (await call(emu, 'POST', '/datasets', {})).body;
    const bundle = (await call(emu, 'POST', `/models/${modelId}/dataBundles`, { datasetIds: [dataset.datasetId] })).body;
    const running = (await call(emu, 'POST', `/models/${modelId}/trainings`, { dataBundleIds: [bundle.dataBundleId] })).body;
    expect(await refused(call(emu, 'POST', '/predictions', { documentId, modelId, trainingId: running.trainingId }))).toMatch(/is pending; only a succeeded training/);
    await call(emu, 'PATCH', `/models/${modelId}/trainings/${String(running.trainingId)}`, { status: 'cancelled' });
    expect(await refused(call(emu, 'POST', '/predictions', { documentId, modelId, trainingId: running.trainingId }))).toMatch(/is cancelled; only a succeeded training/);

    // The model's own training is the default.
    await ok('Model', call(emu, 'PATCH', `/models/${modelId}`, { trainingId }));
    expect((await predict({ documentId, modelId })).trainingId).toBe(trainingId);
  });

  it('of a document whose bytes were never put on the file server: 400 saying so, nothing stored', async () => {
    const modelId = await newModel();
    const { documentId } = await ok('Document', call(emu, 'POST', '/documents', {}));
    expect(await refused(call(emu, 'POST', '/predictions', { documentId, modelId }))).toBe(
      `Document ${String(documentId)} has no content yet: PUT its bytes to its fileUrl, then predict`,
    );
    const listed = await ok('Predictions', call(emu, 'GET', `/predictions?modelId=${modelId}`));
    expect(listed.predictions).toEqual([]);
  });

  it('of a deleted document or model: 404, nothing stored', async () => {
    const modelId = await newModel();
    const documentId = await newDocument();
    await call(emu, 'DELETE', `/documents/${documentId}`);
    expect((await call(emu, 'POST', '/predictions', { documentId, modelId })).status).toBe(404);
    const other = await newDocument();
    await ok('Model', call(emu, 'DELETE', `/models/${modelId}`));
    expect((await call(emu, 'POST', '/predictions', { documentId: other, modelId })).status).toBe(404);
    const listed = await ok('Predictions', call(emu, 'GET', `/predictions?modelId=${modelId}`));
    expect(listed.predictions).toEqual([]);
  });
});

describe('GET /predictions under 2024-11-29', () => {
  it('lists one model\'s, sorted by createdTime either way, echoing the query', async () => {
    const modelId = await newModel();
    const documentId = await newDocument();
    const first = await predict({ documentId, modelId });
    await clock.advance(1000);
    const second = await predict({ documentId, modelId, async: true });
    await predict({ documentId, modelId: await newModel() });
    const ids = (list: Record<string, unknown>) => (list.predictions as { predictionId: string }[]).map((one) => one.predictionId);

    const ascending = await ok('Predictions', call(emu, 'GET', `/predictions?modelId=${modelId}&sortBy=createdTime&order=ascending`));
    expect(ids(ascending)).toEqual([first.predictionId, second.predictionId]);
    expect(ascending).toMatchObject({ modelId, sortBy: 'createdTime', order: 'ascending', nextToken: null });
    const descending = await ok('Predictions', call(emu, 'GET', `/predictions?modelId=${modelId}&sortBy=createdTime&order=descending`));
    expect(ids(descending)).toEqual([second.predictionId, first.predictionId]);
    const paged = await ok('Predictions', call(emu, 'GET', `/predictions?modelId=${modelId}&order=descending&maxResults=1`));
    expect(ids(paged)).toEqual([second.predictionId]);
    const rest = await ok('Predictions', call(emu, 'GET', `/predictions?modelId=${modelId}&order=descending&nextToken=${String(paged.nextToken)}`));
    expect(ids(rest)).toEqual([first.predictionId]);

    expect(await refused(call(emu, 'GET', '/predictions?sortBy=timestamp'))).toMatch(/^sortBy/);
    expect(await refused(call(emu, 'GET', '/predictions?order=up'))).toMatch(/^order/);
    await ok('Predictions', call(emu, 'GET', '/predictions'));
  });

  it('feeds the model\'s statistics: its succeeded predictions of the last days', async () => {
    const modelId = await newModel();
    const documentId = await newDocument();
    await predict({ documentId, modelId });
    await predict({ documentId, modelId, async: true });
    const stats = async (query = '') => (await ok('Model', call(emu, 'GET', `/models/${modelId}${query}`))).statistics as { numberOfPredictions: number; automationPercentage: Record<string, number> };
    expect((await stats()).numberOfPredictions).toBe(1);
    await clock.advance(INFERENCE_MAX_MS);
    const two = await stats();
    expect(two.numberOfPredictions).toBe(2);
    expect(Object.keys(two.automationPercentage)).toEqual(Object.keys(FIELDS));
    for (const percentage of Object.values(two.automationPercentage)) expect([0, 50, 100]).toContain(percentage);
    await clock.advance(2 * 86_400_000);
    // Two days on, the token taken before has expired by the emulator's clock.
    emu.credentials.invalidate();
    expect((await stats('?statisticsLastNDays=1')).numberOfPredictions).toBe(0);
    expect((await stats('?statisticsLastNDays=3')).numberOfPredictions).toBe(2);
  });
});

describe('the SDK against it', () => {
  let las: Las<'2024-11-29'>;
  beforeAll(() => {
    las = new Las({ credentials: emu.credentials, apiVersion: '2024-11-29', maxRetries: 0 });
  });

  it('predictions.create(..., { async: true }) then wait(): succeeded with its predictions once the clock moves', async () => {
    const modelId = await newModel();
    const documentId = await newDocument();
    const prediction = await las.predictions.create({ documentId, modelId, async: true });
    expect(prediction.status).toBe('pending');
    const waiting = prediction.wait({ timeout: 60_000 });
    await clock.advance(INFERENCE_MAX_MS);
    const done = await waiting;
    expect(done.status).toBe('succeeded');
    expect(done.predictions.map((field) => field.label)).toEqual(Object.keys(FIELDS));
    expect((await las.predictions.get(prediction.predictionId)).status).toBe('succeeded');
  });

  it('trains a model and predicts with its training: models, data bundles, trainings, predictions', async () => {
    const model = await las.models.create({ fieldConfig: { total: { type: 'amount' } }, metadata: { team: 'ap' } });
    expect(model.status).toBe('inactive');
    const dataset = await las.datasets.create({ name: 'invoices' });
    const bundle = await model.dataBundles.create({ datasetIds: [dataset.datasetId] });
    expect(bundle.status).toBe('succeeded');
    const training = await model.trainings.create({ dataBundleIds: [bundle.dataBundleId] });
    expect(training.status).toBe('pending');
    await clock.advance(TRAINING_PENDING_MS);
    expect((await model.trainings.list({ status: 'running' })).items.map((one) => one.trainingId)).toEqual([training.trainingId]);
    await clock.advance(TRAINING_RUNNING_MS);
    expect((await training.refresh()).status).toBe('succeeded');
    const active = await model.update({ trainingId: training.trainingId });
    expect(active.status).toBe('active');
    const prediction = await las.predictions.create({ documentId: await newDocument(), modelId: model.modelId });
    // The SDK's PredictionData has no 2024 trainingId yet: read it off the entity's JSON.
    expect((JSON.parse(JSON.stringify(prediction)) as { trainingId?: string }).trainingId).toBe(training.trainingId);
  });

  it('a live emulator finishes an async prediction on its own', async () => {
    const prediction = await las.predictions.create({ documentId: await newDocument(), modelId: await newModel(), async: true });
    const done = await prediction.wait({ timeout: 60_000 });
    expect(done.status).toBe('succeeded');
    expect((await las.predictions.list({ modelId: prediction.modelId })).items.map((one) => one.predictionId)).toEqual([prediction.predictionId]);
  });
});
