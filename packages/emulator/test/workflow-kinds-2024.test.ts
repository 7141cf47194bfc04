/**
 * What the workflow-side kinds do under 2024-11-29 beyond their shapes (spec-walk-2024 checks
 * those): what a PATCH changes, what is counted, what moves on the emulator's clock.
 */
import { createHash } from 'node:crypto';
import { Credentials } from '../../../src/auth/credentials.js';
import { internals } from '../src/internals.js';
import { TRANSFORMATION_SECONDS } from '../src/routes/transformations.js';
import { answerChecker } from './answer-schemas.js';
import { raw, useEmulator } from './helpers.js';

const t = useEmulator({ apiVersion: '2024-11-29' });
const checkAnswer = answerChecker([], '2024-11-29');
type Body = Record<string, unknown>;
// The token requests are made with: the emulator's credentials' own, unless a test replaced it.
let token: string | undefined;

/** The answer of a request that must succeed, checked against the spec's component `schema`. */
async function call(method: string, path: string, schema: string, body?: Body): Promise<Body> {
  const answer = await raw(t.emu, method, path, { body, token });
  expect({ status: answer.status, message: answer.body.message }).toEqual({ status: 200, message: undefined });
  expect(checkAnswer(`#/components/schemas/${schema}`, answer.body)).toBeUndefined();
  return answer.body;
}

async function manualWorkflow(): Promise<{ workflowId: string; transitionId: string }> {
  const { transitionId } = (await call('POST', '/transitions', 'Transition', { transitionType: 'manual' })) as { transitionId: string };
  const definition = { StartAt: 'A', States: { A: { Type: 'Task', Resource: transitionId, End: true } } };
  const { workflowId } = (await call('POST', '/workflows', 'Workflow', { specification: { definition } })) as { workflowId: string };
  return { workflowId, transitionId };
}

test('a dataset keeps the metadata, retention and PII flag a PATCH gives; unset metadata shows as null', async () => {
  const { datasetId, metadata } = await call('POST', '/datasets', 'Dataset', {});
  expect(metadata).toBeNull();
  const changes = { metadata: { team: 'finance' }, retentionInDays: 30, containsPersonallyIdentifiableInformation: true };
  expect(await call('PATCH', `/datasets/${datasetId as string}`, 'Dataset', changes)).toMatchObject(changes);
  expect(await call('GET', `/datasets/${datasetId as string}`, 'Dataset')).toMatchObject(changes);
});

test("an asset shows the MD5 of its content's bytes (base64), in every answer, and a new one after its content changes", async () => {
  const md5 = (text: string) => createHash('md5').update(text).digest('base64');
  const { assetId, contentMD5 } = await call('POST', '/assets', 'Asset', { content: Buffer.from('hello').toString('base64') });
  expect(contentMD5).toBe(md5('hello'));
  expect((await call('GET', '/assets', 'Assets')).assets).toContainEqual(expect.objectContaining({ assetId, contentMD5: md5('hello') }));
  const changed = await call('PATCH', `/assets/${assetId as string}`, 'Asset', { content: Buffer.from('bye').toString('base64') });
  expect(changed.contentMD5).toBe(md5('bye'));
});

test('a transition update changes the parameters it names, clears those it gives as null, keeps the others', async () => {
  const parameters = { imageUrl: 'example.com/x:1', environment: { MODE: 'test' }, cpu: 256 };
  const { transitionId } = await call('POST', '/transitions', 'Transition', { transitionType: 'docker', parameters });
  const changed = await call('PATCH', `/transitions/${transitionId as string}`, 'Transition', { parameters: { environment: null, memory: 2048 } });
  expect(changed.parameters).toEqual({ imageUrl: 'example.com/x:1', cpu: 256, memory: 2048 });
  // 2021-09-23's fields of the update body are refused.
  const old = await raw(t.emu, 'PATCH', `/transitions/${transitionId as string}`, { body: { environment: { MODE: 'x' } } });
  expect(old.status).toBe(400);
});

test("a manual transition's assets set by an update are shown in its parameters and beside them", async () => {
  const { assetId } = await call('POST', '/assets', 'Asset', { content: 'aGk=' });
  const { transitionId } = await call('POST', '/transitions', 'Transition', { transitionType: 'manual' });
  const assets = { jsRemoteComponent: assetId };
  const changed = await call('PATCH', `/transitions/${transitionId as string}`, 'Transition', { parameters: { assets } });
  expect({ parameters: changed.parameters, assets: changed.assets }).toEqual({ parameters: { assets }, assets });
});

test('a lambda transition needs its lambdaId; listed by type', async () => {
  expect(await raw(t.emu, 'POST', '/transitions', { body: { transitionType: 'lambda' } })).toEqual({
    status: 400,
    body: { message: 'body.parameters.lambdaId: is required for a lambda transition' },
  });
  const { transitionId } = await call('POST', '/transitions', 'Transition', { transitionType: 'lambda', parameters: { lambdaId: 'las:lambda:walk:1' } });
  const listed = await call('GET', '/transitions?transitionType=lambda', 'Transitions');
  expect(listed).toMatchObject({ transitions: [expect.objectContaining({ transitionId })], transitionType: ['lambda'] });
});

test("parameters another type of transition has are refused, at create and update; so is a start time that is no time", async () => {
  const refusal = (message: string) => ({ status: 400, body: { message } });
  const { transitionId } = await call('POST', '/transitions', 'Transition', { transitionType: 'docker', parameters: { imageUrl: 'example.com/x:1' } });
  expect(await raw(t.emu, 'PATCH', `/transitions/${transitionId as string}`, { body: { parameters: { lambdaId: 'las:lambda:a:1' } } })).toEqual(
    refusal('body.parameters.lambdaId: a docker transition has no such parameter'),
  );
  expect(await raw(t.emu, 'POST', '/transitions', { body: { transitionType: 'manual', parameters: { imageUrl: 'example.com/x:1' } } })).toEqual(
    refusal('body.parameters.imageUrl: a manual transition has no such parameter'),
  );
  const { workflowId } = await manualWorkflow();
  expect(await raw(t.emu, 'GET', `/workflows/${workflowId}/executions?fromStartTime=2024-13-45`)).toEqual(
    refusal('fromStartTime: must be an ISO 8601 time, got "2024-13-45"'),
  );
});

test("a transition execution shows the output its worker reported on success, null once failed", async () => {
  const { workflowId, transitionId } = await manualWorkflow();
  const runs = [];
  for (const input of [{ n: 1 }, { n: 2 }]) {
    const execution = await call('POST', `/workflows/${workflowId}/executions`, 'WorkflowExecution', { input });
    runs.push((execution.transitionExecutions as Record<string, string[]>)[transitionId][0]);
  }
  const path = (id: string) => `/transitions/${transitionId}/executions/${id}`;
  expect((await call('PATCH', path(runs[0]), 'TransitionExecution', { status: 'succeeded', output: { total: 3 } })).output).toEqual({ total: 3 });
  expect((await call('GET', path(runs[0]), 'TransitionExecution')).output).toEqual({ total: 3 });
  expect((await call('PATCH', path(runs[1]), 'TransitionExecution', { status: 'failed', error: { message: 'no' } })).output).toBeNull();
});

test('a workflow counts the executions started this month on the emulator clock (deleted ones too); an execution names who started it', async () => {
  const { workflowId } = await manualWorkflow();
  const workflow = await call('GET', `/workflows/${workflowId}`, 'Workflow');
  expect(workflow).toMatchObject({ status: 'development', emailConfig: null, metadata: null, monthlyNumberOfWorkflowExecutionsCreated: 0 });
  expect(workflow.monthlyNumberOfWorkflowExecutionsAllowed).toBeGreaterThan(0);
  const execution = await call('POST', `/workflows/${workflowId}/executions`, 'WorkflowExecution', { input: {} });
  // The same app client made the workflow and started the execution.
  expect(execution.createdBy).toBe(workflow.createdBy);
  await call('DELETE', `/workflows/${workflowId}/executions/${execution.executionId as string}`, 'WorkflowExecution');
  await call('POST', `/workflows/${workflowId}/executions`, 'WorkflowExecution', { input: {} });
  expect((await call('GET', `/workflows/${workflowId}`, 'Workflow')).monthlyNumberOfWorkflowExecutionsCreated).toBe(2);
});

test('a workflow keeps its status, emailConfig and metadata; a null emailConfig clears it', async () => {
  const { workflowId } = await manualWorkflow();
  expect(await call('GET', `/workflows/${workflowId}`, 'Workflow')).toMatchObject({ status: 'development', emailConfig: null, metadata: null });
  const { secretId } = await call('POST', '/secrets', 'Secret', { data: { password: 'x' } });
  const changes = { status: 'production', emailConfig: { secretId, email: 'in@example.com' }, metadata: { owner: 'ops' } };
  expect(await call('PATCH', `/workflows/${workflowId}`, 'Workflow', changes)).toMatchObject(changes);
  expect(await call('PATCH', `/workflows/${workflowId}`, 'Workflow', { emailConfig: null })).toMatchObject({ emailConfig: null, status: 'production' });
});

test('PATCH of a workflow execution with a status ends it so, its waiting step closed; with neither field, 400', async () => {
  const { workflowId, transitionId } = await manualWorkflow();
  const started = await call('POST', `/workflows/${workflowId}/executions`, 'WorkflowExecution', { input: { n: 1 } });
  const path = `/workflows/${workflowId}/executions/${started.executionId as string}`;
  expect(await raw(t.emu, 'PATCH', path, { body: {} })).toEqual({ status: 400, body: { message: 'body: nextTransitionId or status is required' } });
  const ended = await call('PATCH', path, 'WorkflowExecution', { status: 'completed' });
  expect(ended).toMatchObject({ status: 'completed', endTime: expect.any(String) });
  expect((await call('GET', `/workflows/${workflowId}`, 'Workflow')).numberOfRunningExecutions).toBe(0);
  const [stepId] = (started.transitionExecutions as Record<string, string[]>)[transitionId];
  const step = await call('GET', `/transitions/${transitionId}/executions/${stepId}`, 'TransitionExecution');
  expect(step.status).not.toBe('running');
  expect((await call('GET', `/workflows/${workflowId}/executions?status=completed`, 'WorkflowExecutions')).executions).toEqual([
    expect.objectContaining({ executionId: started.executionId }),
  ]);
});

test('PATCH of an ended workflow execution with a status marks it so and keeps when it ended', async () => {
  const { workflowId, transitionId } = await manualWorkflow();
  const started = await call('POST', `/workflows/${workflowId}/executions`, 'WorkflowExecution', { input: {} });
  const [stepId] = (started.transitionExecutions as Record<string, string[]>)[transitionId];
  await call('PATCH', `/transitions/${transitionId}/executions/${stepId}`, 'TransitionExecution', { status: 'failed', error: { message: 'no' } });
  const path = `/workflows/${workflowId}/executions/${started.executionId as string}`;
  const failed = await call('GET', path, 'WorkflowExecution');
  expect(failed.status).toBe('failed');
  await internals.get(t.emu)?.store.clock.advance(1000);
  expect(await call('PATCH', path, 'WorkflowExecution', { status: 'completed' })).toMatchObject({ status: 'completed', endTime: failed.endTime, output: failed.output });
});

test('workflow executions are listed by start time: from fromStartTime, before toStartTime', async () => {
  const { workflowId } = await manualWorkflow();
  const first = await call('POST', `/workflows/${workflowId}/executions`, 'WorkflowExecution', { input: {} });
  await internals.get(t.emu)?.store.clock.advance(60_000);
  const second = await call('POST', `/workflows/${workflowId}/executions`, 'WorkflowExecution', { input: {} });
  const ids = async (query: string) =>
    ((await call('GET', `/workflows/${workflowId}/executions?${query}`, 'WorkflowExecutions')).executions as Body[]).map((e) => e.executionId);
  const at = encodeURIComponent(second.startTime as string);
  expect(await ids(`fromStartTime=${at}`)).toEqual([second.executionId]);
  expect(await ids(`toStartTime=${at}`)).toEqual([first.executionId]);
});

test('a transformation runs for its seconds on the emulator clock, then has succeeded; listed by status; gone with its dataset', async () => {
  const { datasetId } = await call('POST', '/datasets', 'Dataset', {});
  const path = `/datasets/${datasetId as string}/transformations`;
  const operations = [{ type: 'remove-duplicates' }];
  const made = await call('POST', path, 'Transformation', { operations });
  expect(made).toMatchObject({ datasetId, operations, status: 'running', transformationId: expect.stringMatching(/^las:dataset-transformation:[a-f0-9]{32}$/) });
  expect(await call('GET', `${path}?status=running`, 'Transformations')).toEqual({ transformations: [made], nextToken: null, status: ['running'] });
  await internals.get(t.emu)?.store.clock.advance(TRANSFORMATION_SECONDS * 1000);
  const listed = await call('GET', path, 'Transformations');
  expect(listed.transformations).toEqual([expect.objectContaining({ transformationId: made.transformationId, status: 'succeeded' })]);
  expect((await call('GET', `${path}?status=running`, 'Transformations')).transformations).toEqual([]);
  await call('DELETE', `/datasets/${datasetId as string}`, 'Dataset');
  const { transformationId } = await call('POST', `/datasets/${(await call('POST', '/datasets', 'Dataset', {})).datasetId as string}/transformations`, 'Transformation', { operations: [] });
  expect(internals.get(t.emu)?.store.tables.transformations.rows().map((row) => row.id)).toEqual([transformationId]);
});

test('a transformation is deleted by its id under its dataset; another dataset answers 404 for it', async () => {
  const { datasetId } = await call('POST', '/datasets', 'Dataset', {});
  const { datasetId: otherId } = await call('POST', '/datasets', 'Dataset', {});
  const { transformationId } = await call('POST', `/datasets/${datasetId as string}/transformations`, 'Transformation', { operations: [] });
  expect((await raw(t.emu, 'DELETE', `/datasets/${otherId as string}/transformations/${transformationId as string}`)).status).toBe(404);
  expect(await call('DELETE', `/datasets/${datasetId as string}/transformations/${transformationId as string}`, 'Transformation')).toMatchObject({ transformationId });
  expect((await call('GET', `/datasets/${datasetId as string}/transformations`, 'Transformations')).transformations).toEqual([]);
});

// Last: a month passes on the emulator's clock, and every token handed out before has expired.
test("a workflow's monthly count starts again at 0 when the emulator's clock enters the next month", async () => {
  const { workflowId } = await manualWorkflow();
  await call('POST', `/workflows/${workflowId}/executions`, 'WorkflowExecution', { input: {} });
  const store = internals.get(t.emu)?.store;
  const now = new Date(store?.clock.now() ?? 0);
  await store?.clock.advance(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1) - now.getTime());
  const { clientId, clientSecret } = t.emu.credentials;
  token = await new Credentials({ clientId, clientSecret, authEndpoint: t.emu.url, apiEndpoint: t.emu.apiEndpoint }).getAccessToken();
  expect((await call('GET', `/workflows/${workflowId}`, 'Workflow')).monthlyNumberOfWorkflowExecutionsCreated).toBe(0);
});
