/**
 * `las transitions work -- node handler.js` as a process: it completes the executions of a running
 * workflow with the handler's output, fails one when the handler exits non-zero, and on SIGTERM
 * finishes the execution under way, takes no other and exits 130.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type Emulator } from 'las-emulator';
import { Las } from '../../../src/las.js';
import type { Transition } from '../../../src/resources/transitions.js';
import type { Workflow } from '../../../src/resources/workflows.js';
import type { WorkflowSpecification } from '../../../src/api/workflows.js';
import { emulatorEnv, useTempDir } from './helpers.js';
import { spawnLas, until } from './bin.js';

const HANDLER = `
const fs = require('node:fs');
let text = '';
process.stdin.setEncoding('utf8').on('data', (chunk) => (text += chunk)).on('end', async () => {
  const input = JSON.parse(text);
  if (input.fail) {
    process.stderr.write('bad input: ' + 'x'.repeat(5000));
    process.exit(3);
  }
  if (input.hold) {
    fs.writeFileSync(input.hold + '.started', '');
    while (!fs.existsSync(input.hold)) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  process.stdout.write(JSON.stringify({ doubled: input.n * 2, transitionId: process.env.TRANSITION_ID }));
});
`;

let emu: Emulator;
let las: Las;
let transition: Transition;
let workflow: Workflow;
const tmp = useTempDir();
let handler: string;

beforeAll(async () => {
  emu = await startEmulator();
  las = new Las({ credentials: emu.credentials, maxRetries: 0 });
  handler = join(tmp.path, 'handler.cjs');
  writeFileSync(handler, HANDLER);
});
beforeEach(async () => {
  transition = await las.transitions.create('manual', { name: 'work' });
  const definition = { StartAt: 'Step', States: { Step: { Type: 'Task', Resource: transition.transitionId, End: true } } };
  workflow = await las.workflows.create({ language: 'ASL', version: '1.0.0', definition } as WorkflowSpecification);
});
afterAll(async () => emu?.close());

const workArgv = (...more: string[]) => ['transitions', 'work', transition.transitionId, '--poll-interval', '0.05', ...more, '--', 'node', handler];

test('completes each execution with the command\'s output, fails the one whose command exits non-zero, and exits 1 for it', async () => {
  const runs = await Promise.all([{ n: 1 }, { n: 2 }, { n: 3, fail: true }].map(async (input) => workflow.execute(input)));
  const worker = spawnLas(workArgv('--stop-when-idle', '--concurrency', '2'), emulatorEnv(emu, tmp.path));
  // An item of a long job failed: exit 1 (CLI.md "Conventions").
  expect(await worker.exited).toBe(1);
  const [one, two, bad] = await Promise.all(runs.map(async (run) => run.refresh()));
  expect(one).toMatchObject({ status: 'succeeded', output: { doubled: 2, transitionId: transition.transitionId } });
  expect(two).toMatchObject({ status: 'succeeded', output: { doubled: 4 } });
  expect(bad.status).toBe('failed');
  expect(JSON.parse(worker.stdout())).toMatchObject({ taken: 3, succeeded: 2, failed: 1, aborted: false });
  expect(worker.stderr()).toMatch(/: failed: bad input: x+/);
  // The execution's log records the failure with the command's stderr.
  const [failedExecution] = await las.transitions.ref(transition.transitionId).executions.list({ status: 'failed' }).toArray();
  const log = await las.logs.get(failedExecution.logId!);
  expect(JSON.stringify(log.events)).toContain('bad input: xxx');
});

test('SIGTERM: the execution under way finishes, no new one is taken, exit 130', async () => {
  const hold = join(tmp.path, 'release');
  const first = await workflow.execute({ n: 5, hold });
  const second = await workflow.execute({ n: 6 });
  const worker = spawnLas(workArgv('--concurrency', '1'), emulatorEnv(emu, tmp.path));
  await until(() => existsSync(`${hold}.started`), 'the handler to start');
  worker.child.kill('SIGTERM');
  await until(() => worker.stderr().includes('SIGTERM: stopping: no new executions'), 'las to take the signal');
  writeFileSync(hold, '');
  expect(await worker.exited).toBe(130);
  expect(await first.refresh()).toMatchObject({ status: 'succeeded', output: { doubled: 10 } });
  expect((await second.refresh()).status).toBe('running');
  expect(worker.stderr()).toContain('Took 1 executions: 1 succeeded, 0 failed, 0 lost; stopped.');
}, 60_000);
