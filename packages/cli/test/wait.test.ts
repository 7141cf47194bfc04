/** `las workflows wait`: prints the ended execution; exit 0 succeeded, 1 failed, 124 timed out, 130 stopped. */
import { startEmulator, type Emulator } from 'las-emulator';
import { Las } from '../../../src/las.js';
import type { Transition } from '../../../src/resources/transitions.js';
import type { Workflow } from '../../../src/resources/workflows.js';
import type { WorkflowSpecification } from '../../../src/api/workflows.js';
import { cli, emulatorEnv, json, useTempDir } from './helpers.js';

let emu: Emulator;
let las: Las;
let transition: Transition;
let workflow: Workflow;
const tmp = useTempDir();
const env = () => emulatorEnv(emu, tmp.path);

beforeAll(async () => {
  emu = await startEmulator();
  las = new Las({ credentials: emu.credentials, maxRetries: 0 });
  transition = await las.transitions.create('manual', { name: 'step' });
  const definition = { StartAt: 'Step', States: { Step: { Type: 'Task', Resource: transition.transitionId, End: true } } };
  workflow = await las.workflows.create({ language: 'ASL', version: '1.0.0', definition } as WorkflowSpecification);
});
afterAll(async () => emu?.close());

/** Starts an execution and takes its task, as a worker would. */
async function started() {
  const run = await workflow.execute({ n: 1 });
  const task = await transition.execute();
  return { run, task };
}

const waitArgv = (executionId: string, ...more: string[]) => ['workflows', 'wait', workflow.workflowId, executionId, '--poll-interval', '0.05', ...more];

test('an execution that succeeds while waited on: printed, exit 0', async () => {
  const { run, task } = await started();
  const waiting = cli(waitArgv(run.executionId), { env: env() });
  await task.succeed({ done: true });
  const result = await waiting;
  expect(result.code).toBe(0);
  expect(json(result)).toMatchObject({ executionId: run.executionId, status: 'succeeded', output: { done: true } });
});

test('a failed execution: printed, exit 1', async () => {
  const { run, task } = await started();
  await task.fail('no good');
  const result = await cli(waitArgv(run.executionId), { env: env() });
  expect(result.code).toBe(1);
  expect(json(result)).toMatchObject({ executionId: run.executionId, status: 'failed' });
});

test('--timeout passes while it runs: exit 124 with the last status, nothing on stdout', async () => {
  const { run } = await started();
  const result = await cli(waitArgv(run.executionId, '--timeout', '0.3'), { env: env() });
  expect(result).toMatchObject({ code: 124, stdout: '' });
  expect(result.stderr).toMatch(/^las: Gave up waiting for workflow execution .* last status: running\n$/);
});

test('the signal (Ctrl+C) stops the wait: exit 130', async () => {
  const { run } = await started();
  const controller = new AbortController();
  const waiting = cli(waitArgv(run.executionId), { env: env(), signal: controller.signal });
  setTimeout(() => controller.abort(), 200);
  const result = await waiting;
  expect(result.code).toBe(130);
  expect(result.stderr).toMatch(/^las: Stopped waiting for workflow execution/);
});

test('a global --timeout before the group is the request timeout, not a limit on the wait', async () => {
  const { run, task } = await started();
  const waiting = cli(['--timeout', '0.3', ...waitArgv(run.executionId)], { env: env() });
  await new Promise((resolve) => setTimeout(resolve, 700));
  await task.succeed({});
  expect((await waiting).code).toBe(0);
});
