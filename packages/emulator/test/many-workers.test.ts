/**
 * Workers scale out as processes against one service, which hands each pending execution to
 * exactly one of them: 4 worker processes (test/emulator/worker-process.ts, `transition.work()`)
 * drain 200 executions of one manual transition.
 */
import type { WorkSummary } from '../../../src/jobs/transition-work-types.js';
import { runNode } from '../../../test/helpers/process.js';
import { useEmulator } from './helpers.js';

const WORKERS = 4;
const EXECUTIONS = 200;

const t = useEmulator();

interface WorkerReport {
  handled: string[];
  summary: WorkSummary;
}

/** Runs one worker process to its end; its report, or a rejection with what it printed. */
async function runWorker(name: string, transitionId: string): Promise<WorkerReport> {
  const { credentials } = t.emu;
  const env = {
    ...process.env,
    LAS_CLIENT_ID: credentials.clientId,
    LAS_CLIENT_SECRET: credentials.clientSecret,
    LAS_AUTH_ENDPOINT: credentials.authEndpoint,
    LAS_API_ENDPOINT: credentials.apiEndpoint,
    TRANSITION_ID: transitionId,
    WORKER_NAME: name,
  };
  let stdout: string;
  try {
    stdout = await runNode(['--import', 'tsx', 'packages/emulator/test/worker-process.ts'], env);
  } catch (error) {
    throw new Error(`worker ${name}: ${(error as Error).message}`);
  }
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as WorkerReport;
}

test(
  `${WORKERS} worker processes drain ${EXECUTIONS} executions of one manual transition: each completed exactly once, all workflow executions succeed`,
  async () => {
    const { las } = t;
    const step = await las.transitions.create('manual');
    const workflow = await las.workflows.create({
      definition: { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: step.transitionId, End: true } } },
    });
    const runs = [];
    for (let i = 0; i < EXECUTIONS; i++) runs.push(await workflow.execute({ n: i }));

    const reports = await Promise.all(Array.from({ length: WORKERS }, async (_, i) => runWorker(`w${i}`, step.transitionId)));

    const handled = reports.flatMap((report) => report.handled);
    const created = (await step.executions.list().toArray()).map((execution) => execution.executionId);
    expect(created).toHaveLength(EXECUTIONS);
    expect([...handled].sort()).toEqual([...created].sort());
    expect(reports.map((report) => ({ ...report.summary, durationMs: 0 }))).toEqual(
      reports.map((report) => ({
        taken: report.handled.length,
        succeeded: report.handled.length,
        failed: 0,
        retried: 0,
        lost: 0,
        unreported: [],
        aborted: false,
        durationMs: 0,
      })),
    );
    const ended = await workflow.executions.list().toArray();
    expect(ended.map((execution) => execution.executionId).sort()).toEqual(runs.map((run) => run.executionId).sort());
    expect(ended.filter((execution) => execution.status !== 'succeeded')).toEqual([]);
    // Each workflow execution's output is what the one worker that ran its step returned for its input.
    expect(ended.map((execution) => (execution.output as { input: { n: number } }).input.n).sort((a, b) => a - b)).toEqual(
      Array.from({ length: EXECUTIONS }, (_, i) => i),
    );
  },
  120_000,
);
