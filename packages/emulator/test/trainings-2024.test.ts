/**
 * Models, data bundles and trainings under API 2024-11-29: every answer checked against the
 * 2024 spec (objects closed); trainings go pending → running → succeeded on the emulator's clock.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Clock } from '../src/clock.js';
import { startEmulator, type Emulator } from '../src/index.js';
import { TRAINING_PENDING_MS, TRAINING_RUNNING_MS } from '../src/trainings.js';
import { call, clockOf, ok, refused } from './api-2024.js';

const FIELDS = { total: { type: 'amount' }, due: { type: 'date' } };
const MINUTE = 60_000;

let emu: Emulator;
let clock: Clock;
beforeAll(async () => {
  emu = await startEmulator({ apiVersion: '2024-11-29' });
  clock = clockOf(emu);
});
afterAll(async () => {
  await emu.close();
});

async function newModel(body: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  return ok('Model', call(emu, 'POST', '/models', { fieldConfig: FIELDS, ...body }));
}

async function newBundle(modelId: string): Promise<Record<string, unknown>> {
  const dataset = (await call(emu, 'POST', '/datasets', { name: 'd' })).body;
  return ok('DataBundle', call(emu, 'POST', `/models/${modelId}/dataBundles`, { datasetIds: [dataset.datasetId] }));
}

async function newTraining(modelId: string, body: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const bundle = await newBundle(modelId);
  return ok('Training', call(emu, 'POST', `/models/${modelId}/trainings`, { dataBundleIds: [bundle.dataBundleId], ...body }));
}

// GPU hours of one GPU half-way through the run (the real time moves a little too).
function expectHalfRun(gpuHours: unknown): void {
  expect(gpuHours).toBeGreaterThanOrEqual(Math.floor((TRAINING_RUNNING_MS / 2 / 3_600_000) * 10_000) / 10_000);
  expect(gpuHours).toBeLessThan(TRAINING_RUNNING_MS / 3_600_000);
}

const trainingPath = (training: Record<string, unknown>) => `/models/${String(training.modelId)}/trainings/${String(training.trainingId)}`;
const getTraining = (training: Record<string, unknown>) => ok('Training', call(emu, 'GET', trainingPath(training)));
const getModel = (modelId: unknown, query = '') => ok('Model', call(emu, 'GET', `/models/${String(modelId)}${query}`));

describe('models under 2024-11-29', () => {
  it('POST takes the 2024 body (no width, height) and answers every field of the 2024 Model', async () => {
    const postprocessConfig = { strategy: 'BEST_N_PAGES', parameters: { n: 2 } };
    const model = await newModel({ name: 'm', metadata: { team: 'ap' }, postprocessConfig });
    expect(model).toMatchObject({
      name: 'm',
      description: null,
      fieldConfig: FIELDS,
      metadata: { team: 'ap' },
      postprocessConfig,
      status: 'inactive',
      trainingId: null,
      numberOfDataBundles: 0,
      numberOfRunningTrainings: 0,
    });
    expect(model.organizationId).toBe(emu.organizationId);
    expect((await newModel()).metadata).toBeNull();
    // The 2021 width and height are gone.
    expect(await refused(call(emu, 'POST', '/models', { fieldConfig: FIELDS, width: 801, height: 1281 }))).toMatch(/width/);
  });

  it('GET of one shows statistics over the last 7 days, or statisticsLastNDays from 1 to 30', async () => {
    const model = await newModel();
    const seven = await getModel(model.modelId);
    expect(seven.statistics).toEqual({ fromTime: expect.any(String), toTime: expect.any(String), numberOfPredictions: 0, automationPercentage: { total: 0, due: 0 } });
    const statistics = seven.statistics as { fromTime: string; toTime: string };
    expect(Date.parse(statistics.toTime.slice(0, 23)) - Date.parse(statistics.fromTime.slice(0, 23))).toBe(7 * 24 * 60 * MINUTE);
    const thirty = (await getModel(model.modelId, '?statisticsLastNDays=30')).statistics as { fromTime: string; toTime: string };
    expect(Date.parse(thirty.toTime.slice(0, 23)) - Date.parse(thirty.fromTime.slice(0, 23))).toBe(30 * 24 * 60 * MINUTE);
    await getModel(model.modelId, '?statisticsLastNDays=1');
    for (const bad of ['0', '31', '-1', '1e9', '99999999999999999999', '7.5', 'abc', '', 'NaN', 'Infinity']) {
      expect(await refused(call(emu, 'GET', `/models/${String(model.modelId)}?statisticsLastNDays=${bad}`))).toBe('statisticsLastNDays: must be an integer from 1 to 30');
    }
    // Lists never show statistics.
    const list = await ok('Models', call(emu, 'GET', '/models'));
    expect((list.models as Record<string, unknown>[]).every((one) => !('statistics' in one))).toBe(true);
  });

  it('PATCH takes metadata and postprocessConfig', async () => {
    const model = await newModel();
    const patched = await ok('Model', call(emu, 'PATCH', `/models/${String(model.modelId)}`, { metadata: { a: 1 }, postprocessConfig: { strategy: 'BEST_FIRST' } }));
    expect(patched).toMatchObject({ metadata: { a: 1 }, postprocessConfig: { strategy: 'BEST_FIRST' }, status: 'inactive' });
  });
});

describe('data bundles under 2024-11-29', () => {
  it('are succeeded at once, kept as long as their shortest-kept dataset, and have a GET of one', async () => {
    const model = await newModel();
    const short = (await call(emu, 'POST', '/datasets', { retentionInDays: 30 })).body;
    const long = (await call(emu, 'POST', '/datasets', { retentionInDays: 400 })).body;
    const bundle = await ok('DataBundle', call(emu, 'POST', `/models/${String(model.modelId)}/dataBundles`, { datasetIds: [long.datasetId, short.datasetId] }));
    expect(bundle).toMatchObject({ status: 'succeeded', retentionInDays: 30, modelId: model.modelId });
    const path = `/models/${String(model.modelId)}/dataBundles/${String(bundle.dataBundleId)}`;
    expect(await ok('DataBundle', call(emu, 'GET', path))).toEqual(bundle);
    expect((await ok('DataBundle', call(emu, 'PATCH', path, { name: 'b' }))).name).toBe('b');
    // Without datasets: as long as a dataset is kept by default.
    expect((await ok('DataBundle', call(emu, 'POST', `/models/${String(model.modelId)}/dataBundles`, {}))).retentionInDays).toBe(1825);
    const listed = await ok('DataBundles', call(emu, 'GET', `/models/${String(model.modelId)}/dataBundles?status=succeeded`));
    expect(listed).toMatchObject({ status: ['succeeded'], dataBundles: expect.arrayContaining([{ ...bundle, name: 'b', updatedTime: expect.any(String) }]) });
    expect(await refused(call(emu, 'GET', `/models/${String(model.modelId)}/dataBundles?status=ready`))).toMatch(/^status/);
    const other = await newModel();
    expect((await call(emu, 'GET', `/models/${String(other.modelId)}/dataBundles/${String(bundle.dataBundleId)}`)).status).toBe(404);
    await ok('DataBundle', call(emu, 'DELETE', path));
    expect((await call(emu, 'GET', path)).status).toBe(404);
  });
});

describe('trainings', () => {
  it('go pending → running → succeeded on the clock, counted as running by their model meanwhile', async () => {
    const model = await newModel();
    const training = await newTraining(model.modelId as string, { name: 't', metadata: { run: 1 } });
    expect(training).toMatchObject({
      modelId: model.modelId,
      name: 't',
      metadata: { run: 1 },
      status: 'pending',
      instanceType: 'small-gpu',
      gpuHours: null,
      evaluation: {},
      dataScientistAssistance: false,
      warmStartConfig: {},
      deploymentEnvironmentId: null,
    });
    expect(training.trainingId).toMatch(/^las:model-training:[a-f0-9]{32}$/);
    expect((await getModel(model.modelId)).numberOfRunningTrainings).toBe(0);

    await clock.advance(TRAINING_PENDING_MS);
    const running = await getTraining(training);
    expect(running).toMatchObject({ status: 'running' });
    expect(running.updatedTime).not.toBe(training.updatedTime);
    expect((await getModel(model.modelId)).numberOfRunningTrainings).toBe(1);
    expect((await ok('Models', call(emu, 'GET', '/models'))).models).toContainEqual(expect.objectContaining({ modelId: model.modelId, numberOfRunningTrainings: 1 }));

    await clock.advance(TRAINING_RUNNING_MS / 2);
    expectHalfRun((await getTraining(training)).gpuHours);

    await clock.advance(TRAINING_RUNNING_MS / 2);
    const done = await getTraining(training);
    expect(done).toMatchObject({ status: 'succeeded', gpuHours: expect.any(Number) });
    const evaluation = done.evaluation as { accuracy: number; fields: Record<string, { accuracy: number }> };
    expect(Object.keys(evaluation.fields)).toEqual(['total', 'due']);
    expect(evaluation.accuracy).toBeGreaterThanOrEqual(0.7);
    expect(evaluation.accuracy).toBeLessThan(1);
    expect((await getModel(model.modelId)).numberOfRunningTrainings).toBe(0);
    // Time past the end changes nothing.
    await clock.advance(10 * MINUTE);
    expect(await getTraining(training)).toEqual(done);
  });

  it('list by status as it is now', async () => {
    const model = await newModel();
    const training = await newTraining(model.modelId as string, { instanceType: 'large-gpu' });
    const path = `/models/${String(model.modelId)}/trainings`;
    expect(await ok('Trainings', call(emu, 'GET', `${path}?status=pending`))).toEqual({ trainings: [training], nextToken: null, status: ['pending'] });
    await clock.advance(TRAINING_PENDING_MS + TRAINING_RUNNING_MS);
    expect(await ok('Trainings', call(emu, 'GET', `${path}?status=pending`))).toEqual({ trainings: [], nextToken: null, status: ['pending'] });
    const succeeded = await ok('Trainings', call(emu, 'GET', `${path}?status=succeeded`));
    expect(succeeded.trainings).toEqual([expect.objectContaining({ trainingId: training.trainingId, status: 'succeeded', gpuHours: Math.round((TRAINING_RUNNING_MS / 3_600_000) * 4 * 10_000) / 10_000 })]);
    expect((await ok('Trainings', call(emu, 'GET', path))).trainings).toHaveLength(1);
    expect(await refused(call(emu, 'GET', `${path}?status=done`))).toMatch(/^status/);
    // Another model's list does not show it.
    const other = await newModel();
    expect((await ok('Trainings', call(emu, 'GET', `/models/${String(other.modelId)}/trainings`))).trainings).toEqual([]);
    expect((await call(emu, 'GET', `/models/${String(other.modelId)}/trainings/${String(training.trainingId)}`)).status).toBe(404);
  });

  it('take only data bundles of their model', async () => {
    const model = await newModel();
    const other = await newModel();
    const theirs = await newBundle(other.modelId as string);
    const path = `/models/${String(model.modelId)}/trainings`;
    expect(await refused(call(emu, 'POST', path, { dataBundleIds: [theirs.dataBundleId] }))).toBe(
      `body.dataBundleIds[0]: ${String(theirs.dataBundleId)} is not a data bundle of model ${String(model.modelId)}`,
    );
    const ours = await newBundle(model.modelId as string);
    const missing = `las:model-data-bundle:${'0'.repeat(32)}`;
    expect(await refused(call(emu, 'POST', path, { dataBundleIds: [ours.dataBundleId, missing] }))).toMatch(/^body\.dataBundleIds\[1\]: /);
    await refused(call(emu, 'POST', path, { dataBundleIds: [] }));
    await refused(call(emu, 'POST', path, {}));
    expect((await ok('Trainings', call(emu, 'GET', path))).trainings).toEqual([]);
  });

  it('warm-start only from a succeeded training of their model', async () => {
    const model = await newModel();
    const first = await newTraining(model.modelId as string);
    const bundle = await newBundle(model.modelId as string);
    const path = `/models/${String(model.modelId)}/trainings`;
    const warm = (trainingId: unknown) => call(emu, 'POST', path, { dataBundleIds: [bundle.dataBundleId], warmStartConfig: { trainingId } });
    expect(await refused(warm(first.trainingId))).toMatch(/is pending; only a succeeded training can be used$/);
    await clock.advance(TRAINING_PENDING_MS + TRAINING_RUNNING_MS);
    expect((await ok('Training', warm(first.trainingId))).warmStartConfig).toEqual({ trainingId: first.trainingId });
    const otherModel = await newModel();
    const theirs = await newTraining(otherModel.modelId as string);
    expect(await refused(warm(theirs.trainingId))).toMatch(/is not a training of model/);
  });

  it('PATCH cancels a pending or running one, which then stays cancelled; not a finished one', async () => {
    const model = await newModel();
    const training = await newTraining(model.modelId as string);
    await clock.advance(TRAINING_PENDING_MS + TRAINING_RUNNING_MS / 2);
    const cancelled = await ok('Training', call(emu, 'PATCH', trainingPath(training), { status: 'cancelled', name: 'stopped' }));
    expect(cancelled).toMatchObject({ status: 'cancelled', name: 'stopped', evaluation: {} });
    expectHalfRun(cancelled.gpuHours);
    expect((await getModel(model.modelId)).numberOfRunningTrainings).toBe(0);
    await clock.advance(TRAINING_RUNNING_MS * 2);
    expect(await getTraining(training)).toEqual(cancelled);
    expect(await refused(call(emu, 'PATCH', trainingPath(training), { status: 'cancelled' }))).toBe(
      `body.status: training ${String(training.trainingId)} is cancelled; only a pending or running training can be cancelled`,
    );
    const pending = await newTraining(model.modelId as string);
    expect((await ok('Training', call(emu, 'PATCH', trainingPath(pending), { status: 'cancelled' }))).gpuHours).toBeNull();
    const finished = await newTraining(model.modelId as string);
    await clock.advance(TRAINING_PENDING_MS + TRAINING_RUNNING_MS);
    expect(await refused(call(emu, 'PATCH', trainingPath(finished), { status: 'cancelled' }))).toMatch(/is succeeded; only a pending or running/);
    await refused(call(emu, 'PATCH', trainingPath(finished), { status: 'succeeded' }));
    await refused(call(emu, 'PATCH', trainingPath(finished), {}));
    const renamed = await ok('Training', call(emu, 'PATCH', trainingPath(finished), { metadata: { keep: true }, description: 'best' }));
    expect(renamed).toMatchObject({ status: 'succeeded', metadata: { keep: true }, description: 'best' });
  });

  it('a model predicts with a succeeded training of its own set as its trainingId (active), none with null (inactive)', async () => {
    const model = await newModel();
    const modelPath = `/models/${String(model.modelId)}`;
    const training = await newTraining(model.modelId as string);
    expect(await refused(call(emu, 'PATCH', modelPath, { trainingId: training.trainingId }))).toBe(
      `body.trainingId: training ${String(training.trainingId)} is pending; only a succeeded training can be used`,
    );
    const cancelled = await newTraining(model.modelId as string);
    await ok('Training', call(emu, 'PATCH', trainingPath(cancelled), { status: 'cancelled' }));
    await clock.advance(TRAINING_PENDING_MS + TRAINING_RUNNING_MS);
    expect(await refused(call(emu, 'PATCH', modelPath, { trainingId: cancelled.trainingId }))).toMatch(/is cancelled; only a succeeded training/);
    const other = await newModel();
    const theirs = await newTraining(other.modelId as string);
    await clock.advance(TRAINING_PENDING_MS + TRAINING_RUNNING_MS);
    expect(await refused(call(emu, 'PATCH', modelPath, { trainingId: theirs.trainingId }))).toBe(
      `body.trainingId: ${String(theirs.trainingId)} is not a training of model ${String(model.modelId)}`,
    );
    expect(await refused(call(emu, 'PATCH', modelPath, { trainingId: `las:model-training:${'a'.repeat(32)}` }))).toMatch(/is not a training of model/);
    expect((await getModel(model.modelId)).status).toBe('inactive');

    expect(await ok('Model', call(emu, 'PATCH', modelPath, { trainingId: training.trainingId }))).toMatchObject({ trainingId: training.trainingId, status: 'active' });
    expect(await ok('Model', call(emu, 'PATCH', modelPath, { trainingId: null }))).toMatchObject({ trainingId: null, status: 'inactive' });
  });

  it('go with their model: none is reached, and none is made, once it is deleted', async () => {
    const model = await newModel();
    const training = await newTraining(model.modelId as string);
    const bundle = await newBundle(model.modelId as string);
    await ok('Model', call(emu, 'DELETE', `/models/${String(model.modelId)}`));
    expect((await call(emu, 'GET', trainingPath(training))).status).toBe(404);
    expect((await call(emu, 'POST', `/models/${String(model.modelId)}/trainings`, { dataBundleIds: [bundle.dataBundleId] })).status).toBe(404);
  });
});

describe('labels that are names of Object.prototype', () => {
  it('are fields like any other, in evaluations and statistics', async () => {
    // As JSON text: in a JavaScript object literal `__proto__` would set the prototype, not a key.
    const fieldConfig = '{"__proto__":{"type":"amount"},"toString":{"type":"date"},"constructor":{"type":"string"}}';
    const created = await call(emu, 'POST', '/models', `{"fieldConfig":${fieldConfig}}`);
    expect(created.status).toBe(200);
    const model = created.body;
    expect(Object.keys(model.fieldConfig as object)).toEqual(['__proto__', 'toString', 'constructor']);
    const training = await newTraining(model.modelId as string);
    await clock.advance(TRAINING_PENDING_MS + TRAINING_RUNNING_MS);
    const evaluation = (await getTraining(training)).evaluation as { fields: object };
    expect(Object.keys(evaluation.fields)).toEqual(['__proto__', 'toString', 'constructor']);
    expect(Object.keys(((await getModel(model.modelId)).statistics as { automationPercentage: object }).automationPercentage)).toEqual(['__proto__', 'toString', 'constructor']);
  });
});

describe('with a data directory', () => {
  it('a training keeps its place on the schedule, and a cancelled one stays cancelled, across a restart', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'las-emulator-'));
    try {
      const before = await startEmulator({ apiVersion: '2024-11-29', dataDir: dir });
      const model = (await call(before, 'POST', '/models', { fieldConfig: FIELDS })).body;
      const dataset = (await call(before, 'POST', '/datasets', {})).body;
      const bundle = (await call(before, 'POST', `/models/${String(model.modelId)}/dataBundles`, { datasetIds: [dataset.datasetId] })).body;
      const trainings = `/models/${String(model.modelId)}/trainings`;
      const kept = (await call(before, 'POST', trainings, { dataBundleIds: [bundle.dataBundleId] })).body;
      const stopped = (await call(before, 'POST', trainings, { dataBundleIds: [bundle.dataBundleId] })).body;
      await call(before, 'PATCH', `${trainings}/${String(stopped.trainingId)}`, { status: 'cancelled' });
      await before.close();

      const after = await startEmulator({ apiVersion: '2024-11-29', dataDir: dir });
      try {
        expect((await ok('Training', call(after, 'GET', `${trainings}/${String(kept.trainingId)}`))).status).toBe('pending');
        await clockOf(after).advance(TRAINING_PENDING_MS + TRAINING_RUNNING_MS);
        expect((await ok('Training', call(after, 'GET', `${trainings}/${String(kept.trainingId)}`))).status).toBe('succeeded');
        expect((await ok('Training', call(after, 'GET', `${trainings}/${String(stopped.trainingId)}`))).status).toBe('cancelled');
      } finally {
        await after.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('under 2021-09-23 nothing changes', () => {
  let old: Emulator;
  beforeAll(async () => {
    old = await startEmulator();
  });
  afterAll(async () => {
    await old.close();
  });

  it('has no trainings, and its models neither count them nor show statistics', async () => {
    const model = await call(old, 'POST', '/models', { width: 801, height: 1281, fieldConfig: { total: { type: 'amount', maxLength: 10 } } });
    expect(model.status).toBe(200);
    const shown = await call(old, 'GET', `/models/${String(model.body.modelId)}?statisticsLastNDays=0`);
    expect(shown.body).toEqual(model.body);
    expect(Object.keys(shown.body)).not.toContain('numberOfRunningTrainings');
    expect((await call(old, 'GET', `/models/${String(model.body.modelId)}/trainings`)).status).toBe(403);
    const dataset = (await call(old, 'POST', '/datasets', {})).body;
    const bundle = await call(old, 'POST', `/models/${String(model.body.modelId)}/dataBundles`, { datasetIds: [dataset.datasetId] });
    expect(bundle.body.status).toBe('ready');
    expect(Object.keys(bundle.body)).not.toContain('retentionInDays');
  });
});
