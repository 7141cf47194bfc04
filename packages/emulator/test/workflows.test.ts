/**
 * Workflows run by the emulator, driven through the SDK as a worker would: tasks handed out by
 * `transition.execute()`, ended by `succeed`/`fail`, kept alive by heartbeats; failures, retries
 * from a step, missed heartbeats, the ASL data flow, and the lists and logs that record it all.
 */
import type { Transition } from '../../../src/resources/transitions.js';
import type { TransitionExecution } from '../../../src/resources/transition-executions.js';
import { transitionExecutionSchema } from '../../../src/api/transition-executions.js';
import type { Workflow } from '../../../src/resources/workflows.js';
import type { WorkflowSpecification } from '../../../src/api/workflows.js';
import { type WorkflowExecution } from '../../../src/resources/workflow-executions.js';
import { workflowExecutionSchema } from '../../../src/api/workflow-executions.js';
import { logSchema } from '../../../src/api/logs.js';
import { BadRequestError, NotFoundError } from '../../../src/errors.js';
import { expectShape, messageOf, rejection, useEmulator, waitFor } from './helpers.js';

const t = useEmulator();

const task = (transition: Transition, rest: Record<string, unknown>) => ({ Type: 'Task', Resource: transition.transitionId, ...rest });

async function workflowOf(definition: Record<string, unknown>): Promise<Workflow> {
  return t.las.workflows.create({ language: 'ASL', version: '1.0.0', definition } as WorkflowSpecification, { name: 'test' });
}

async function settled(run: WorkflowExecution): Promise<WorkflowExecution> {
  return waitFor(() => run.refresh(), (r) => r.status !== 'running');
}

/** Takes the next pending execution of a transition (what a worker does). */
async function next(transition: Transition): Promise<TransitionExecution> {
  return waitFor(
    () => transition.execute().catch((error: unknown) => (error instanceof NotFoundError ? undefined : Promise.reject(error))),
    (execution) => execution !== undefined,
  ) as Promise<TransitionExecution>;
}

test('a full workflow: tasks handed to a worker, Pass and Choice in between, paths applied', async () => {
  const extract = await t.las.transitions.create('manual', { name: 'extract' });
  const review = await t.las.transitions.create('docker', { parameters: { imageUrl: 'example.com/review:1' } });
  const workflow = await workflowOf({
    StartAt: 'Tag',
    States: {
      Tag: { Type: 'Pass', Result: { source: 'test' }, ResultPath: '$.meta', Next: 'Extract' },
      Extract: task(extract, { InputPath: '$.document', ResultPath: '$.extracted', Next: 'Big?' }),
      'Big?': {
        Type: 'Choice',
        Choices: [
          { And: [{ Variable: '$.extracted.total', IsPresent: true }, { Variable: '$.extracted.total', NumericGreaterThan: 1000 }], Next: 'Review' },
        ],
        Default: 'Small',
      },
      Small: { Type: 'Succeed' },
      Review: task(review, { Parameters: { 'total.$': '$.extracted.total', kind: 'review' }, ResultPath: '$.review', OutputPath: '$.review', End: true }),
    },
  });

  const run = await workflow.execute({ document: { id: 'doc-1' }, customer: 'acme' });
  expect(run.status).toBe('running');
  expect(run.endTime).toBeNull();
  expectShape(workflowExecutionSchema, run);

  const first = await next(extract);
  expectShape(transitionExecutionSchema, first);
  expect(first.status).toBe('running');
  expect(first.input).toEqual({ id: 'doc-1' }); // InputPath
  expect(first.startTime).toBeInstanceOf(Date);
  await first.heartbeat();
  await first.succeed({ total: 2500 });

  const second = await next(review);
  expect(second.input).toEqual({ total: 2500, kind: 'review' }); // Parameters
  await second.succeed({ approved: true });

  const done = await settled(run);
  expect(done.status).toBe('succeeded');
  expect(done.output).toEqual({ approved: true }); // OutputPath
  expect(done.endTime).toBeInstanceOf(Date);
  expect(done.transitionExecutions).toEqual({ [extract.transitionId]: [first.executionId], [review.transitionId]: [second.executionId] });
  expect(done.completedBy).toEqual([expect.stringMatching(/^las:app-client:/)]);
  expect((done.events ?? []).map((e) => e.type)).toEqual(expect.arrayContaining(['ExecutionStarted', 'TaskScheduled', 'TaskSucceeded', 'ExecutionSucceeded']));
  expectShape(workflowExecutionSchema, done);

  const ended = await extract.executions.get(first.executionId);
  expect(ended.status).toBe('succeeded');
  expect(ended.completedBy).toMatch(/^las:app-client:/);
  expect(ended.endTime).toBeInstanceOf(Date);

  const small = await workflow.execute({ document: { id: 'doc-2' } });
  await (await next(extract)).succeed({ total: 10 });
  expect((await settled(small)).output).toEqual({ document: { id: 'doc-2' }, meta: { source: 'test' }, extracted: { total: 10 } });
});

test('a failing step fails the workflow execution and records the error', async () => {
  const step = await t.las.transitions.create('manual');
  const workflow = await workflowOf({ StartAt: 'A', States: { A: task(step, { End: true }) } });
  const run = await workflow.execute({ n: 1 });
  const execution = await next(step);
  await execution.fail('the scan is unreadable');
  const done = await settled(run);
  expect(done.status).toBe('failed');
  expect(done.output).toEqual({
    error: { message: 'the scan is unreadable', state: 'A', transitionId: step.transitionId, transitionExecutionId: execution.executionId },
  });
  expect((await step.executions.get(execution.executionId)).status).toBe('failed');
  // An ended execution cannot be ended again.
  const again = await rejection(execution.succeed({}));
  expect(again).toBeInstanceOf(BadRequestError);
  expect(messageOf(again)).toBe(`Transition execution ${execution.executionId} is failed, not running`);
});

test('a Fail state and an unmatched Choice end the execution as failed', async () => {
  const failing = await workflowOf({ StartAt: 'Stop', States: { Stop: { Type: 'Fail', Error: 'Rejected', Cause: 'no good' } } });
  const stopped = await failing.execute({});
  expect(stopped.status).toBe('failed');
  expect(stopped.output).toEqual({ error: { name: 'Rejected', message: 'no good', state: 'Stop' } });
  const choosy = await workflowOf({
    StartAt: 'C',
    States: { C: { Type: 'Choice', Choices: [{ Variable: '$.x', StringEquals: 'a', Next: 'End' }] }, End: { Type: 'Succeed' } },
  });
  expect((await choosy.execute({ x: 'b' })).output).toMatchObject({ error: { name: 'States.NoChoiceMatched' } });
  expect((await choosy.execute({ x: 'a' })).status).toBe('succeeded');
});

test('retry from a step after a failure, then end another one with commons-failed', async () => {
  const first = await t.las.transitions.create('manual');
  const second = await t.las.transitions.create('manual');
  const workflow = await workflowOf({
    StartAt: 'One',
    States: { One: task(first, { ResultPath: '$.one', Next: 'Two' }), Two: task(second, { ResultPath: '$.two', End: true }) },
  });
  const run = await workflow.execute({ id: 7 });
  await (await next(first)).succeed({ ok: 1 });
  const failed = await next(second);
  expect(failed.input).toEqual({ id: 7, one: { ok: 1 } });
  await failed.fail({ message: 'flaky' });
  expect((await settled(run)).status).toBe('failed');

  await run.update({ nextTransitionId: second.transitionId });
  expect(run.status).toBe('running');
  expect(run.endTime).toBeNull();
  const retried = await next(second);
  expect(retried.executionId).not.toBe(failed.executionId);
  expect(retried.input).toEqual({ id: 7, one: { ok: 1 } }); // the step's input, again
  await retried.succeed({ ok: 2 });
  const done = await settled(run);
  expect(done.status).toBe('succeeded');
  expect(done.output).toEqual({ id: 7, one: { ok: 1 }, two: { ok: 2 } });
  expect(done.transitionExecutions[second.transitionId]).toEqual([failed.executionId, retried.executionId]);

  const other = await workflow.execute({ id: 8 });
  const pending = await next(first);
  await other.update({ nextTransitionId: 'las:transition:commons-failed' });
  expect(other.status).toBe('failed');
  expect((await first.executions.get(pending.executionId)).status).toBe('failed');
  expect(await rejection(other.update({ nextTransitionId: 'las:transition:0123456789abcdef0123456789abcdef' }))).toBeInstanceOf(BadRequestError);
});

test('a `retry` status runs the same step again in a new execution', async () => {
  const step = await t.las.transitions.create('manual');
  const workflow = await workflowOf({ StartAt: 'A', States: { A: task(step, { End: true }) } });
  const run = await workflow.execute({ attempt: 'any' });
  const handedBack = await next(step);
  await handedBack.update('retry');
  const again = await next(step);
  expect(again.executionId).not.toBe(handedBack.executionId);
  expect(again.input).toEqual({ attempt: 'any' });
  await again.succeed({ done: true });
  expect((await settled(run)).output).toEqual({ done: true });
});

describe('heartbeats', () => {
  // Timeouts scaled down 60 times: the shortest the API takes, 60 s, lasts one second.
  const fast = useEmulator({ timeoutScale: 1 / 60 });

  test('a missed heartbeat fails the transition execution and the workflow; heartbeats extend the deadline', async () => {
    const slow = await fast.las.transitions.create('manual', { timeoutInSeconds: 60 });
    const workflow = await fast.las.workflows.create({ definition: { StartAt: 'Slow', States: { Slow: task(slow, { End: true }) } } });
    const run = await workflow.execute({});
    const execution = await slow.execute();
    // Heartbeats every 0.3 s keep it alive past its 1 s timeout ...
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await execution.heartbeat();
    }
    expect((await execution.refresh()).status).toBe('running');
    // ... and then they stop.
    const timedOut = await waitFor(() => execution.refresh(), (e) => e.status !== 'running', 3000);
    expect(timedOut.status).toBe('failed');
    const done = await settled(run);
    expect(done.status).toBe('failed');
    expect(done.output).toMatchObject({ error: { name: 'States.Timeout', transitionExecutionId: execution.executionId } });
    expect(messageOf(await rejection(execution.heartbeat()))).toMatch(/is failed, not running/);
    expect(messageOf(await rejection(execution.succeed({})))).toMatch(/is failed, not running/);
  });
});

test('execute: a manual transition with nothing pending is a 404; a docker one starts a new execution', async () => {
  const manual = await t.las.transitions.create('manual');
  expect(messageOf(await rejection(manual.execute()))).toBe(`Transition ${manual.transitionId} has no pending executions`);
  const docker = await t.las.transitions.create('docker', { parameters: { imageUrl: 'example.com/x:1' } });
  const execution = await docker.execute();
  expect(execution.input).toEqual({});
  expect(execution.status).toBe('running');
  await execution.succeed({ result: 1 });
  const log = await t.las.logs.get(execution.logId ?? '');
  expect(log.workflowId).toBeNull();
  expect(log.events?.at(-1)?.message).toMatch(/^Succeeded/);
});

test('executions list with status filters, sortBy and order; logs list with the spec filters', async () => {
  const step = await t.las.transitions.create('manual');
  const workflow = await workflowOf({ StartAt: 'A', States: { A: task(step, { End: true }) } });
  const runs: WorkflowExecution[] = [];
  for (let i = 0; i < 3; i++) runs.push(await workflow.execute({ i }));
  await (await next(step)).succeed({});
  await (await next(step)).fail('no');
  expect((await workflow.refresh()).numberOfRunningExecutions).toBe(1);

  const ids = async (options: Parameters<Workflow['executions']['list']>[0]) =>
    (await workflow.executions.list(options)).items.map((run) => run.executionId);
  expect(await ids({ status: 'running' })).toEqual([runs[2].executionId]);
  expect(await ids({ status: ['succeeded', 'failed'] })).toEqual([runs[0].executionId, runs[1].executionId]);
  expect(await ids({ sortBy: 'startTime', order: 'descending' })).toEqual(runs.map((r) => r.executionId).reverse());
  // Sorted by end time, running executions (no end time yet) come last.
  expect((await ids({ sortBy: 'endTime' })).at(-1)).toBe(runs[2].executionId);

  const stepRuns = await step.executions.list({ status: 'succeeded' });
  expect(stepRuns.items).toHaveLength(1);
  const byId = await step.executions.list({ executionId: stepRuns.items[0].executionId });
  expect(byId.items.map((e) => e.executionId)).toEqual([stepRuns.items[0].executionId]);
  expect((await step.executions.list({ sortBy: 'startTime', order: 'descending' })).items).toHaveLength(3);

  const logs = await t.las.logs.list({ workflowId: workflow.workflowId });
  expect(logs.items).toHaveLength(3);
  for (const log of logs.items) expectShape(logSchema, log);
  const one = await t.las.logs.list({ workflowExecutionId: runs[1].executionId });
  expect(one.items).toHaveLength(1);
  expect(one.items[0].events?.map((e) => e.message)).toEqual([
    expect.stringMatching(/^Created by state A/),
    expect.stringMatching(/^Handed out/),
    expect.stringMatching(/^Failed .*"no"/),
  ]);
  const newestFirst = await t.las.logs.list({ transitionId: step.transitionId, order: 'descending' });
  expect(newestFirst.items.map((l) => l.logId)).toEqual(logs.items.map((l) => l.logId).reverse());
  const byExecution = await t.las.logs.list({ transitionExecutionId: one.items[0].transitionExecutionId ?? undefined });
  expect(byExecution.items.map((l) => l.logId)).toEqual([one.items[0].logId]);

  await workflow.executions.delete(runs[2].executionId);
  expect(await rejection(workflow.executions.get(runs[2].executionId))).toBeInstanceOf(NotFoundError);
  expect(await rejection(step.execute())).toBeInstanceOf(NotFoundError); // its pending step went with it
});
