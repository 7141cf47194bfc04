/**
 * One worker process of the many-workers test: `transition.work()` on the transition named by
 * `TRANSITION_ID`, with credentials from the `LAS_*` environment variables, until no execution is
 * pending. Prints one JSON line: the ids of the executions its handler ran and the work summary.
 */
import { Las } from '../../../src/las.js';

const transitionId = process.env.TRANSITION_ID;
if (!transitionId) throw new Error('TRANSITION_ID is not set');
const worker = process.env.WORKER_NAME ?? String(process.pid);

// Generous timeouts and retries: four processes share a loaded machine with the emulator.
const las = new Las({ timeout: 60_000, maxRetries: 5 });
const handled: string[] = [];
const summary = await las.transitions.ref(transitionId).work(
  (input, execution) => {
    handled.push(execution.executionId);
    return { worker, input };
  },
  { concurrency: 3, pollInterval: 20, maxPollInterval: 100, stopWhenIdle: true },
);
process.stdout.write(`${JSON.stringify({ handled, summary })}\n`);
