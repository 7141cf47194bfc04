import nock from 'nock';
import { api, testLas, useApiMock } from '../helpers/api.js';
import { fixture } from '../helpers/fixtures.js';
import { LasError, NotFoundError, ValidationError, WaitAbortedError, WaitTimeoutError } from '../../src/errors.js';
import { pollUntil } from '../../src/jobs/wait.js';

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
      api().get(workflowPath).times(100).reply(200, wf('running'));
      const started = performance.now();
      const error = await workflowRun().wait({ timeout: 60, pollInterval: 10 }).catch((e: unknown) => e);
      const elapsed = performance.now() - started;

      expect(error).toBeInstanceOf(WaitTimeoutError);
      expect(error).toBeInstanceOf(LasError);
      const timeout = error as WaitTimeoutError;
      expect(timeout.lastStatus).toBe('running');
      expect(timeout.waitedMs).toBeGreaterThanOrEqual(59);
      expect(timeout.waitedMs).toBeLessThanOrEqual(Math.ceil(elapsed));
      expect(timeout.message).toMatch(/^Gave up waiting for workflow execution las:workflow-execution:9a0b\w+ after 0\.\d\d s \(timeout 60 ms\); last status: running$/);
      expect(elapsed).toBeLessThan(1000);
      nockCleanup();
    });

    test('timeout 0 polls once, then gives up', async () => {
      const scope = api().get(workflowPath).reply(200, wf('running'));
      await expect(workflowRun().wait({ timeout: 0 })).rejects.toMatchObject({ name: 'WaitTimeoutError', lastStatus: 'running' });
      expect(scope.isDone()).toBe(true);
    });

    test('an abort mid-wait is a WaitAbortedError with the reason as cause', async () => {
      api().get(workflowPath).times(100).reply(200, wf('running'));
      const controller = new AbortController();
      const reason = new Error('shutting down');
      setTimeout(() => controller.abort(reason), 30);
      const error = (await workflowRun()
        .wait({ pollInterval: 5, signal: controller.signal })
        .catch((e: unknown) => e)) as WaitAbortedError;

      expect(error).toBeInstanceOf(WaitAbortedError);
      expect(error.cause).toBe(reason);
      expect(error.lastStatus).toBe('running');
      expect(error.waitedMs).toBeGreaterThanOrEqual(25);
      expect(error.message).toMatch(/^Stopped waiting for workflow execution \S+ after 0\.\d\d s \(shutting down\); last status: running$/);
      nockCleanup();
    });

    test('an already aborted signal sends nothing', async () => {
      const error = (await workflowRun()
        .wait({ signal: AbortSignal.abort() })
        .catch((e: unknown) => e)) as WaitAbortedError;
      expect(error).toBeInstanceOf(WaitAbortedError);
      expect(error.lastStatus).toBeUndefined();
      expect(error.message).toMatch(/last status: none seen$/);
    });

    test('an API error ends the wait as it is', async () => {
      api().get(workflowPath).reply(404, { message: 'Not found' });
      await expect(workflowRun().wait({ pollInterval: 5 })).rejects.toBeInstanceOf(NotFoundError);
    });

    test.each([
      [{ pollInterval: 0 }, /pollInterval: expected a number of milliseconds >= 1, got 0/],
      [{ pollInterval: Number.NaN }, /pollInterval/],
      [{ timeout: -1 }, /timeout: expected a number of milliseconds >= 0, got -1/],
      [{ pollInterval: 100, maxPollInterval: 50 }, /maxPollInterval: expected a number of milliseconds >= 100/],
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
  test('pauses grow by about 1.5 per poll up to maxPollInterval', async () => {
    const at: number[] = [];
    let polls = 0;
    await pollUntil(
      { what: 'x', poll: async () => (at.push(performance.now()), ++polls), done: (n) => n === 7 },
      { pollInterval: 20, maxPollInterval: 80 },
    );
    const gaps = at.slice(1).map((t, i) => t - at[i]);
    // Each pause is 80-100 % of 20, 30, 45, 67.5, 80, 80 ms (jitter), plus timer slack on a loaded machine.
    const nominal = [20, 30, 45, 67.5, 80, 80];
    gaps.forEach((gap, i) => {
      expect(gap).toBeGreaterThanOrEqual(nominal[i] * 0.8 - 1);
      expect(gap).toBeLessThanOrEqual(nominal[i] + 250);
    });
  });

  test('the last poll is sent at the deadline, not a full pause later', async () => {
    const at: number[] = [];
    const started = performance.now();
    const error = await pollUntil(
      { what: 'x', poll: async () => void at.push(performance.now() - started), done: () => false },
      { pollInterval: 1000, timeout: 40 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(at).toHaveLength(2);
    expect(at[1]).toBeGreaterThanOrEqual(39);
    expect(at[1]).toBeLessThan(200);
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
});

/** Interceptors registered with times(100) are not all used: drop them before the pending check. */
function nockCleanup(): void {
  nock.cleanAll();
}
