import { jest } from '@jest/globals';
import nock from 'nock';
import { api, testLas, useApiMock } from '../helpers/api.js';
import { fixture } from '../helpers/fixtures.js';
import { LasError, NotFoundError, ValidationError, WaitAbortedError, WaitTimeoutError } from '../../src/errors.js';
import type { Session } from '../../src/http/session.js';
import { pollUntil } from '../../src/jobs/wait.js';
import { WorkflowExecution } from '../../src/resources/workflow-executions.js';
import { thrown } from '../helpers/thrown.js';

const workflowExecution = fixture('workflow-execution');
const transitionExecution = fixture('transition-execution');
const wid = workflowExecution.workflowId as string;
const weid = workflowExecution.executionId as string;
const tid = transitionExecution.transitionId as string;
const teid = transitionExecution.executionId as string;
const workflowPath = `/workflows/${encodeURIComponent(wid)}/executions/${encodeURIComponent(weid)}`;
const transitionPath = `/transitions/${encodeURIComponent(tid)}/executions/${encodeURIComponent(teid)}`;
const wf = (status: string) => ({ ...workflowExecution, status });
const te = (status: string) => ({ ...transitionExecution, status });

describe('wait()', () => {
  useApiMock();
  const las = testLas();
  const workflowRun = () => las.workflows.ref(wid).executions.ref(weid);
  const transitionRun = () => las.transitions.ref(tid).executions.ref(teid);

  describe('workflowExecution.wait', () => {
    test('polls until succeeded and returns the same entity, refreshed', async () => {
      const scope = api().get(workflowPath).times(2).reply(200, wf('running')).get(workflowPath).reply(200, wf('succeeded'));
      const handle = workflowRun();
      const done = await handle.wait({ pollInterval: 5 });
      expect(done).toBe(handle);
      expect(done.status).toBe('succeeded');
      expect(done.output).toEqual({ erpReference: 'INV-2021-0042' });
      expect(done.endTime).toBeInstanceOf(Date);
      expect(scope.isDone()).toBe(true);
    });

    test('resolves with a failed execution rather than throwing', async () => {
      api().get(workflowPath).reply(200, wf('running')).get(workflowPath).reply(200, { ...wf('failed'), output: { error: { message: 'ERP down' } } });
      const done = await workflowRun().wait({ pollInterval: 5 });
      expect(done.status).toBe('failed');
      expect(done.output).toEqual({ error: { message: 'ERP down' } });
    });

    test('keeps polling through retry and ends on error', async () => {
      api().get(workflowPath).reply(200, wf('retry')).get(workflowPath).reply(200, wf('running')).get(workflowPath).reply(200, wf('error'));
      const done = await workflowRun().wait({ pollInterval: 5 });
      expect(done.status).toBe('error');
    });

    test('past its timeout, a WaitTimeoutError saying how long it waited and the last status', async () => {
      let polls = 0;
      api()
        .get(workflowPath)
        .times(100)
        .reply(() => (polls++, [200, wf('running')]));
      const started = performance.now();
      const error = await thrown(workflowRun().wait({ timeout: 60, pollInterval: 10 }));
      const elapsed = performance.now() - started;

      expect(error).toBeInstanceOf(WaitTimeoutError);
      expect(error).toBeInstanceOf(LasError);
      const timeout = error as WaitTimeoutError;
      expect(timeout.lastStatus).toBe('running');
      // One slow poll on a loaded machine can use up the 60 ms: the fake-clock test below counts polls exactly.
      expect(polls).toBeGreaterThanOrEqual(1);
      expect(timeout.waitedMs).toBeLessThanOrEqual(Math.ceil(elapsed));
      expect(timeout.message).toMatch(/^Gave up waiting for workflow execution las:workflow-execution:9a0b\w+ after \d+\.\d\d s \(timeout 60 ms\); last status: running$/);
      nockCleanup();
    });

    test('on a fake clock: the timeout counts from the start, and waitedMs says exactly how long it waited', async () => {
      jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask'] });
      try {
        const seen: number[] = [];
        const started = performance.now();
        const session = { get: async () => (seen.push(performance.now() - started), wf('running')) } as unknown as Session;
        const waiting = WorkflowExecution.fromApi(session, wf('running')).wait({ timeout: 60, pollInterval: 10, maxPollInterval: 10 });
        const outcome = thrown(waiting);
        await jest.runAllTimersAsync();
        const error = (await outcome) as WaitTimeoutError;

        expect(error).toBeInstanceOf(WaitTimeoutError);
        expect(error.waitedMs).toBe(60);
        expect(error.message).toMatch(/ after 0\.06 s \(timeout 60 ms\); last status: running$/);
        // Pauses of 8-10 ms (jitter) until the one cut to the deadline: the last poll at 60 ms exactly.
        expect(seen[0]).toBe(0);
        expect(seen.at(-1)).toBe(60);
        expect(seen.length).toBeGreaterThanOrEqual(7);
        expect(seen.length).toBeLessThanOrEqual(9);
      } finally {
        jest.useRealTimers();
      }
    });

    test('timeout 0 polls once, then gives up', async () => {
      const scope = api().get(workflowPath).reply(200, wf('running'));
      await expect(workflowRun().wait({ timeout: 0 })).rejects.toMatchObject({ name: 'WaitTimeoutError', lastStatus: 'running' });
      expect(scope.isDone()).toBe(true);
    });

    // An abort while a poll is in flight: test/http/abort.test.ts, on a real server (nock fails on a request cancelled mid-reply).

    test('an already aborted signal sends nothing', async () => {
      const error = (await thrown(workflowRun()
        .wait({ signal: AbortSignal.abort() }))) as WaitAbortedError;
      expect(error).toBeInstanceOf(WaitAbortedError);
      expect(error.lastStatus).toBeUndefined();
      expect(error.message).toMatch(/last status: none seen$/);
    });

    test('an API error ends the wait as it is', async () => {
      api().get(workflowPath).reply(404, { message: 'Not found' });
      await expect(workflowRun().wait({ pollInterval: 5 })).rejects.toBeInstanceOf(NotFoundError);
    });

    test.each([
      [{ pollInterval: 0 }, /^wait: pollInterval must be a number of milliseconds from 1 to 2147483647$/],
      [{ pollInterval: Number.NaN }, /pollInterval/],
      [{ timeout: -1 }, /^wait: timeout must be a number of milliseconds from 0 to 2147483647$/],
      // Past 2^31 - 1 ms a timer fires at once: the bound every duration option has.
      [{ timeout: 2 ** 31 }, /^wait: timeout must be a number of milliseconds from 0 to 2147483647$/],
      [{ pollInterval: 100, maxPollInterval: 50 }, /^wait: maxPollInterval must be a number of milliseconds from 100 to 2147483647$/],
    ])('bad options %p are a ValidationError before any request', async (options, message) => {
      await expect(workflowRun().wait(options)).rejects.toThrow(ValidationError);
      await expect(workflowRun().wait(options)).rejects.toThrow(message);
    });
  });

  describe('transitionExecution.wait', () => {
    test('a ref loads itself and waits until it is no longer running', async () => {
      api().get(transitionPath).reply(200, te('running')).get(transitionPath).reply(200, { ...te('succeeded'), endTime: '2021-10-05T07:31:10Z' });
      const done = await transitionRun().wait({ pollInterval: 5 });
      expect(done.status).toBe('succeeded');
      expect(done.input).toEqual(transitionExecution.input);
    });

    test.each(['failed', 'rejected', 'retry'])('%s is final', async (status) => {
      api().get(transitionPath).reply(200, te(status));
      expect((await transitionRun().wait()).status).toBe(status);
    });

    test('times out with the last status', async () => {
      api().get(transitionPath).times(100).reply(200, te('running'));
      await expect(transitionRun().wait({ timeout: 30, pollInterval: 5 })).rejects.toMatchObject({
        name: 'WaitTimeoutError',
        lastStatus: 'running',
        message: expect.stringContaining(`transition execution ${teid}`),
      });
      nockCleanup();
    });
  });
});

describe('pollUntil', () => {
  /** Runs `pollUntil` on jest's fake clock, recording the fake time of each poll from the start. */
  async function onFakeClock<T>(
    poll: (n: number) => T,
    done: (value: T) => boolean,
    options: Parameters<typeof pollUntil>[1],
  ): Promise<{ at: number[]; result: T | undefined; error: unknown }> {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask'] });
    try {
      const at: number[] = [];
      const started = performance.now();
      const waiting = pollUntil({ what: 'x', poll: async () => poll(at.push(performance.now() - started)), done }, options).then(
        (result) => ({ result, error: undefined }),
        (error: unknown) => ({ result: undefined, error }),
      );
      await jest.runAllTimersAsync();
      return { at, ...(await waiting) };
    } finally {
      jest.useRealTimers();
    }
  }

  test('pauses grow by 1.5 per poll up to maxPollInterval, each 80-100 % of its nominal length (jitter)', async () => {
    const { at, result } = await onFakeClock(
      (n) => n,
      (n) => n === 7,
      { pollInterval: 20, maxPollInterval: 80 },
    );
    expect(result).toBe(7);
    const gaps = at.slice(1).map((t, i) => t - at[i]);
    // The fake clock keeps whole milliseconds: a pause of 54.3 ms is 54.
    const nominal = [20, 30, 45, 67.5, 80, 80];
    expect(gaps).toHaveLength(nominal.length);
    gaps.forEach((gap, i) => {
      expect(gap).toBeGreaterThanOrEqual(Math.floor(nominal[i] * 0.8));
      expect(gap).toBeLessThanOrEqual(nominal[i]);
    });
  });

  test('the last poll is sent at the deadline, not a full pause later', async () => {
    const { at, error } = await onFakeClock(
      () => undefined,
      () => false,
      { pollInterval: 1000, timeout: 40 },
    );
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(at).toEqual([0, 40]);
    expect((error as WaitTimeoutError).waitedMs).toBe(40);
  });

  test('a pause cut to the deadline that ends a little early is still the last: no extra poll, no wait past the deadline', async () => {
    // The fake clock fires a 40.6 ms timer at 40 ms, as a real timer may fire a little early.
    const { at, error } = await onFakeClock(
      () => undefined,
      () => false,
      { pollInterval: 1000, timeout: 40.6 },
    );
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(at).toEqual([0, 40]);
  });

  test('a poll in flight when the signal aborts is let finish, and its answer used', async () => {
    const controller = new AbortController();
    const value = await pollUntil(
      {
        what: 'x',
        poll: async () => {
          controller.abort();
          await new Promise((resolve) => setTimeout(resolve, 10));
          return 'taken';
        },
        done: (v) => v === 'taken',
      },
      { signal: controller.signal },
    );
    expect(value).toBe('taken');
  });

  // The signal's reason is told as describeError tells anything thrown.
  test.each([
    ['an object', { why: 'shutdown' }, '({"why":"shutdown"})'],
    ['an Error with no message', new RangeError(), '(RangeError)'],
    ['a string', 'user pressed stop', '(user pressed stop)'],
    ['none (the default AbortError)', undefined, '(This operation was aborted)'],
  ])('an abort with %s as its reason names it', async (_kind, reason, said) => {
    const controller = new AbortController();
    const poll = async () => {
      controller.abort(reason);
      return 'running';
    };
    const error = await thrown(pollUntil({ what: 'x', poll, done: () => false }, { signal: controller.signal }));
    expect(error).toBeInstanceOf(WaitAbortedError);
    expect((error as WaitAbortedError).message).toContain(said);
  });
});

/** Interceptors registered with times(100) are not all used: drop them before the pending check. */
function nockCleanup(): void {
  nock.cleanAll();
}
