/**
 * The loop behind `transition.work()` works through the transition's own methods: a plain object
 * with `transitionId`, `refresh()` and `execute()` drives it, with no Session, server or nock.
 */
import { ApiError, ValidationError } from '../../src/errors.js';
import type { TransitionExecutionUpdateStatus, UpdateTransitionExecutionOptions } from '../../src/api/transition-executions.js';
import type { RequestOptions } from '../../src/http/request-options.js';
import { workTransition, type WorkableTransition } from '../../src/jobs/work-transition.js';
import { TransitionExecution } from '../../src/resources/transition-executions.js';
import { fixture } from '../helpers/fixtures.js';
import { thrown } from '../helpers/thrown.js';

const TID = fixture<{ transitionId: string }>('transition').transitionId;
const executionId = (n: number) => `las:transition-execution:${n.toString(16).padStart(32, '0')}`;

/** An execution whose requests are recorded instead of sent: it has no session. */
class RecordedExecution extends TransitionExecution {
  readonly updates: { status: TransitionExecutionUpdateStatus; options: UpdateTransitionExecutionOptions }[] = [];

  override async update(status: TransitionExecutionUpdateStatus, options: UpdateTransitionExecutionOptions = {}): Promise<this> {
    this.updates.push({ status, options });
    this.status = status;
    return this;
  }
  override async heartbeat(): Promise<void> {}
  override refresh = async (): Promise<this> => this;
}

function execution(n: number): RecordedExecution {
  return Object.assign(new RecordedExecution(), { executionId: executionId(n), transitionId: TID, input: { n }, status: 'running' as const });
}

/** A transition as the loop sees it: what it was asked, and with which options, is kept in `calls`. */
function fakeTransition(pending: TransitionExecution[], transitionType: 'manual' | 'docker' = 'manual') {
  const calls: { method: 'refresh' | 'execute'; options?: RequestOptions }[] = [];
  const transition: WorkableTransition = {
    transitionId: TID,
    refresh: async (options) => {
      calls.push({ method: 'refresh', options });
      return { transitionId: TID, transitionType, timeoutInSeconds: 60 };
    },
    execute: async (options) => {
      calls.push({ method: 'execute', options });
      const next = pending.shift();
      if (!next) throw ApiError.from({ status: 404, method: 'POST', url: 'http://api.test/v1/transitions', body: { message: 'No pending executions' } });
      return next;
    },
  };
  return { transition, calls };
}

describe('workTransition over the transition’s own methods', () => {
  test('loads the transition with refresh(), then takes each execution with execute(), passing its abort signal', async () => {
    const executions = [execution(1), execution(2)];
    const { transition, calls } = fakeTransition([...executions]);

    const summary = await workTransition<{ n: number }, { doubled: number }>(transition, ({ n }) => ({ doubled: n * 2 }), { stopWhenIdle: true });

    expect(summary).toMatchObject({ taken: 2, succeeded: 2, failed: 0, aborted: false });
    expect(calls.map((c) => c.method)).toEqual(['refresh', 'execute', 'execute', 'execute']);
    for (const call of calls) expect(call.options?.signal).toBeInstanceOf(AbortSignal);
    expect(executions.map((e) => e.updates)).toEqual([
      [{ status: 'succeeded', options: { output: { doubled: 2 } } }],
      [{ status: 'succeeded', options: { output: { doubled: 4 } } }],
    ]);
  });

  test('aborting the work aborts the signal execute() was given: the ask in flight is cancelled', async () => {
    const controller = new AbortController();
    let given: AbortSignal | undefined;
    const transition: WorkableTransition = {
      transitionId: TID,
      refresh: async () => ({ transitionId: TID, transitionType: 'manual', timeoutInSeconds: 60 }),
      // Like a request, it ends only when its signal aborts.
      execute: async (options) =>
        new Promise<never>((_, reject) => {
          given = options?.signal;
          given?.addEventListener('abort', () => reject(given?.reason as Error), { once: true });
          controller.abort(new Error('shutting down'));
        }),
    };

    const summary = await workTransition(transition, () => ({}), { signal: controller.signal });

    expect(summary).toMatchObject({ taken: 0, aborted: true });
    expect(given?.aborted).toBe(true);
  });

  test('an execute() answer that holds no execution is no work', async () => {
    const { transition, calls } = fakeTransition([new RecordedExecution()]);

    const summary = await workTransition(transition, () => ({}), { stopWhenIdle: true });

    expect(summary).toMatchObject({ taken: 0 });
    expect(calls.map((c) => c.method)).toEqual(['refresh', 'execute']);
  });

  test('a docker transition is refused before execute() is called: there, each call would start an execution', async () => {
    const { transition, calls } = fakeTransition([execution(1)], 'docker');

    const error = await thrown(workTransition(transition, () => ({})));

    expect(error).toBeInstanceOf(ValidationError);
    expect(calls.map((c) => c.method)).toEqual(['refresh']);
  });
});
