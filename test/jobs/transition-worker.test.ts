import { setTimeout as sleep } from 'node:timers/promises';
import { Las } from '../../src/las.js';
import { ConnectionError, InvalidCredentialsError, PartialFailureError, ServerError, ValidationError } from '../../src/errors.js';
import { handleTransitionExecution } from '../../src/jobs/handle-transition-execution.js';
import { trimErrorMessage } from '../../src/jobs/run-execution.js';
import { MAX_ERROR_MESSAGE_LENGTH, type WorkErrorContext, type WorkErrorListener } from '../../src/jobs/transition-work-types.js';
import type { TransitionExecution } from '../../src/resources/transition-executions.js';
import { serverCredentials, startServer, type RecordedRequest, type Reply, type TestServer } from '../helpers/server.js';
import { fixture } from '../helpers/fixtures.js';
import { thrown } from '../helpers/thrown.js';

const transitionData = { ...fixture<{ transitionId: string }>('transition'), transitionType: 'manual', parameters: {}, timeoutInSeconds: 60 };
const TID = transitionData.transitionId;
const hex = (n: number) => n.toString(16).padStart(32, '0');

/** One execution as the fake API holds it; `pending` until handed out. */
interface FakeExecution {
  executionId: string;
  input: Record<string, unknown>;
  status: 'pending' | 'running' | 'succeeded' | 'failed' | 'rejected' | 'retry';
  output?: unknown;
  error?: { message: string };
  heartbeats: number[];
  takenAt?: number;
  endedAt?: number;
}

/**
 * A manual transition on the test server: POST .../executions hands out the next pending
 * execution (404 when none), heartbeats and PATCHes are accepted only while it runs. `override`
 * answers a request first when it returns a reply.
 */
class FakeTransitionApi {
  readonly executions: FakeExecution[] = [];
  transition: Record<string, unknown> = transitionData;
  override: (request: RecordedRequest, execution?: FakeExecution) => Reply | undefined = () => undefined;

  constructor(readonly server: TestServer) {
    server.handle((request) => this.#answer(request));
  }

  add(count: number, input: (n: number) => Record<string, unknown> = (n) => ({ n })): FakeExecution[] {
    const added = Array.from({ length: count }, (_, i) => {
      const n = this.executions.length + i;
      return { executionId: `las:transition-execution:${hex(n + 1)}`, input: input(n), status: 'pending' as const, heartbeats: [] };
    });
    this.executions.push(...added);
    return added;
  }

  get(id: string): FakeExecution {
    const found = this.executions.find((e) => e.executionId === id);
    if (!found) throw new Error(`no execution ${id}`);
    return found;
  }

  /** The PATCH bodies sent for one execution, in order. */
  patches(id: string): unknown[] {
    return this.server.requests.filter((r) => r.method === 'PATCH' && decodeURIComponent(r.path).endsWith(id)).map((r) => JSON.parse(r.body));
  }

  takes(): RecordedRequest[] {
    return this.server.requests.filter((r) => r.method === 'POST' && decodeURIComponent(r.path) === `/v1/transitions/${TID}/executions`);
  }

  data(e: FakeExecution) {
    return {
      executionId: e.executionId,
      transitionId: TID,
      input: e.input,
      status: e.status === 'pending' ? 'running' : e.status,
      completedBy: e.endedAt ? 'las:app-client:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' : null,
      startTime: e.takenAt ? '2021-10-05T07:30:00Z' : null,
      endTime: e.endedAt ? '2021-10-05T07:31:00Z' : null,
    };
  }

  #answer(request: RecordedRequest): Reply {
    const parts = request.path.split('/').map(decodeURIComponent);
    // ['', 'v1', 'transitions', tid, 'executions', eid?, 'heartbeats'?]
    const execution = parts[5] ? this.executions.find((e) => e.executionId === parts[5]) : undefined;
    const overridden = this.override(request, execution);
    if (overridden) return overridden;
    const route = `${request.method} ${parts.slice(2).map((p, i) => (i === 1 || i === 3 ? '*' : p)).join('/')}`;
    const notRunning = (e: FakeExecution): Reply => ({ status: 400, body: { message: `Execution ${e.executionId} is ${e.status}, not running` } });
    switch (route) {
      case 'GET transitions/*':
        return { body: this.transition };
      case 'POST transitions/*/executions': {
        const next = this.executions.find((e) => e.status === 'pending');
        if (!next) return { status: 404, body: { message: `Transition ${TID} has no pending executions` } };
        next.status = 'running';
        next.takenAt = performance.now();
        return { body: this.data(next) };
      }
    }
    if (!execution) return { status: 404, body: { message: 'Not Found' } };
    switch (route) {
      case 'GET transitions/*/executions/*':
        return { body: this.data(execution) };
      case 'POST transitions/*/executions/*/heartbeats':
        if (execution.status !== 'running') return notRunning(execution);
        execution.heartbeats.push(performance.now());
        return { status: 204 };
      case 'PATCH transitions/*/executions/*': {
        if (execution.status !== 'running') return notRunning(execution);
        const body = JSON.parse(request.body) as { status: FakeExecution['status']; output?: unknown; error?: { message: string } };
        Object.assign(execution, { status: body.status, output: body.output, error: body.error, endedAt: performance.now() });
        return { body: this.data(execution) };
      }
    }
    return { status: 404, body: { message: `no route ${route}` } };
  }
}

let server: TestServer;
let fake: FakeTransitionApi;
let las: Las;

beforeEach(async () => {
  server = await startServer();
  fake = new FakeTransitionApi(server);
  las = new Las({
    credentials: serverCredentials(server),
    maxRetries: 0,
  });
});

afterEach(async () => {
  await server.close();
});

const fast = { heartbeatInterval: 20, pollInterval: 10, maxPollInterval: 40 };

/** An `onError` that keeps what it is told. */
function recordErrors(): { calls: { error: unknown; context: WorkErrorContext }[]; onError: WorkErrorListener } {
  const calls: { error: unknown; context: WorkErrorContext }[] = [];
  return { calls, onError: (error, context) => void calls.push({ error, context }) };
}

/** Resolves once `condition` holds (checked every 5 ms), or after 5 s so a broken test fails rather than hangs. */
async function until(condition: () => boolean): Promise<void> {
  for (const started = performance.now(); !condition() && performance.now() - started < 5000; ) await sleep(5);
}

describe('transition.work', () => {
  test('handles 20 executions 4 at a time: heartbeats for a slow handler, the thrown message for a failing one', async () => {
    fake.add(20);
    let active = 0;
    let maxActive = 0;
    // The first four wait for each other: the test hangs unless four run at once.
    let allFour: () => void = () => {};
    const fourRunning = new Promise<void>((resolve) => (allFour = resolve));
    const summary = await las.transitions.ref(TID).work<{ n: number }>(
      async ({ n }) => {
        maxActive = Math.max(maxActive, ++active);
        try {
          if (n < 4) {
            if (active === 4) allFour();
            await fourRunning;
          }
          // Slower than the heartbeat interval: runs until the API has seen three heartbeats.
          if (n === 3) await until(() => fake.executions[3].heartbeats.length >= 3);
          else await sleep(15);
          if (n === 7) throw new Error('invoice 7: total does not add up');
          return { doubled: n * 2 };
        } finally {
          active--;
        }
      },
      { ...fast, concurrency: 4, stopWhenIdle: true },
    );

    expect(summary).toMatchObject({ taken: 20, succeeded: 19, failed: 1, retried: 0, lost: 0, unreported: [], aborted: false });
    expect(maxActive).toBe(4);
    for (const e of fake.executions) {
      const n = e.input.n as number;
      if (n === 7) {
        expect(e.status).toBe('failed');
        expect(fake.patches(e.executionId)).toEqual([{ status: 'failed', error: { message: 'invoice 7: total does not add up' } }]);
      } else {
        expect(e.status).toBe('succeeded');
        expect(fake.patches(e.executionId)).toEqual([{ status: 'succeeded', output: { doubled: n * 2 } }]);
      }
      // No heartbeat after the final status.
      for (const beat of e.heartbeats) expect(beat).toBeLessThan(e.endedAt!);
    }
    // The slow one was kept alive (the pace of heartbeats is checked on a fake clock in transition-worker-failures.test.ts).
    expect(fake.executions[3].heartbeats.length).toBeGreaterThanOrEqual(3);
    // One ask for work per execution, and the one that found none.
    expect(fake.takes()).toHaveLength(21);
  });

  test('an abort mid-work stops taking work and leaves no taken execution without a final status', async () => {
    fake.add(12);
    const controller = new AbortController();
    let started = 0;
    const work = las.transitions.ref(TID).work(
      async () => {
        if (++started === 5) controller.abort(new Error('SIGTERM'));
        await sleep(30);
        return { ok: true };
      },
      { ...fast, concurrency: 3, signal: controller.signal },
    );
    const summary = await work;

    expect(summary.aborted).toBe(true);
    expect(summary.taken).toBeGreaterThanOrEqual(5);
    expect(summary.taken).toBeLessThan(12);
    expect(summary.succeeded).toBe(summary.taken);
    const taken = fake.executions.filter((e) => e.takenAt !== undefined);
    expect(taken).toHaveLength(summary.taken);
    expect(taken.every((e) => e.status === 'succeeded')).toBe(true);
    expect(fake.executions.filter((e) => e.status === 'pending')).toHaveLength(12 - summary.taken);
    expect(fake.executions.some((e) => e.status === 'running')).toBe(false);
  });

  test.each([
    ['fail', 'failed'],
    ['retry', 'retry'],
  ] as const)('onAbort %s ends running executions as %s at once and aborts the handlers', async (onAbort, status) => {
    fake.add(6);
    const controller = new AbortController();
    const signals: AbortSignal[] = [];
    const returned: Promise<unknown>[] = [];
    const summary = await las.transitions.ref(TID).work(
      (_input, _execution, { signal }) => {
        signals.push(signal);
        if (signals.length === 2) controller.abort(new Error('shutting down'));
        // Far longer than the test's timeout: work() resolves only if it does not wait for the handlers.
        const late = sleep(600_000, undefined, { signal }).then(
          () => ({ late: true }),
          () => ({ late: true }),
        );
        returned.push(late);
        return late;
      },
      { ...fast, concurrency: 2, signal: controller.signal, onAbort },
    );

    expect(summary).toMatchObject({ taken: 2, aborted: true, unreported: [] });
    expect(signals.every((s) => s.aborted)).toBe(true);
    const taken = fake.executions.filter((e) => e.takenAt !== undefined);
    expect(taken.map((e) => e.status)).toEqual([status, status]);
    if (onAbort === 'fail') {
      expect(summary.failed).toBe(2);
      expect(taken[0].error).toEqual({ message: 'The worker stopped before the handler finished: shutting down' });
    } else {
      expect(summary.retried).toBe(2);
      expect(fake.patches(taken[0].executionId)).toEqual([{ status: 'retry' }]);
    }
    // The handlers' late results are never sent.
    await Promise.all(returned);
    await new Promise((resolve) => setImmediate(resolve));
    expect(taken.every((e) => fake.patches(e.executionId).length === 1)).toBe(true);
  });

  test('keeps asking while there is no work, and takes work that appears later', async () => {
    const controller = new AbortController();
    const emptyAsks: number[] = [];
    fake.override = (request) => {
      if (request.method !== 'POST' || !request.path.endsWith('/executions') || fake.executions.length > 0) return undefined;
      emptyAsks.push(request.at);
      if (emptyAsks.length === 5) fake.add(2);
      return emptyAsks.length === 5 ? undefined : { status: 404, body: { message: 'No pending executions' } };
    };
    const handled: number[] = [];
    const summary = await las.transitions.ref(TID).work<{ n: number }>(
      ({ n }) => {
        handled.push(n);
        if (handled.length === 2) controller.abort();
        return { n };
      },
      { ...fast, signal: controller.signal },
    );
    expect(handled).toEqual([0, 1]);
    expect(summary).toMatchObject({ taken: 2, succeeded: 2, aborted: true });
    // The backoff between empty asks is checked on a fake clock in transition-worker-failures.test.ts.
    expect(emptyAsks).toHaveLength(5);
  });

  test('loads the transition first and refuses a docker transition without asking for work', async () => {
    fake.transition = { ...transitionData, transitionType: 'docker' };
    await expect(las.transitions.ref(TID).work(() => ({}), fast)).rejects.toThrow(ValidationError);
    await expect(las.transitions.ref(TID).work(() => ({}), fast)).rejects.toThrow(/is a docker transition.*handleTransitionExecution/);
    expect(fake.takes()).toHaveLength(0);
  });

  test('a heartbeat interval that would miss the deadline is refused', async () => {
    await expect(las.transitions.ref(TID).work(() => ({}), { heartbeatInterval: 60_000 })).rejects.toThrow(/would miss the transition's deadline of 60 s/);
  });

  test.each([
    [{ concurrency: 0 }, /concurrency must be a whole number >= 1/],
    [{ heartbeatInterval: -5 }, /^transition\.work: heartbeatInterval must be a number of milliseconds from 1 to 2147483647$/],
    [{ heartbeatInterval: 2 ** 31 }, /^transition\.work: heartbeatInterval must be a number of milliseconds from 1 to 2147483647$/],
    // Not echoed: an option's value may be anything the caller holds.
    [{ onAbort: 'explode' as never }, /^transition\.work: onAbort must be one of finish, fail, retry$/],
  ])('bad options %p are refused before any request', async (options, message) => {
    await expect(las.transitions.ref(TID).work(() => ({}), options)).rejects.toThrow(message);
    expect(server.requests).toHaveLength(0);
  });

  test('output: nothing is sent as {}; a non-object fails the execution; so does an output the API refuses', async () => {
    fake.add(3);
    fake.override = (request, execution) => {
      if (request.method === 'PATCH' && execution?.input.n === 2 && JSON.parse(request.body).status === 'succeeded') {
        return { status: 400, body: { message: 'output does not match outputJsonSchema: erpReference is required' } };
      }
      return undefined;
    };
    const summary = await las.transitions.ref(TID).work(({ n }) => (n === 0 ? undefined : n === 1 ? (['a'] as never) : { wrong: true }), {
      ...fast,
      stopWhenIdle: true,
    });
    expect(summary).toMatchObject({ taken: 3, succeeded: 1, failed: 2 });
    const [none, array, refused] = fake.executions;
    expect(none.status).toBe('succeeded');
    expect(none.output).toEqual({});
    expect(array.error?.message).toMatch(/^The handler returned an array; the output of an execution is an object/);
    expect(refused.status).toBe('failed');
    expect(refused.error?.message).toMatch(/^The API refused the handler's output: .*failed with 400: output does not match outputJsonSchema/);
  });

  test('an output JSON cannot carry as given (NaN, a BigInt, undefined in a list) fails the execution naming the field', async () => {
    fake.add(3);
    const outputs = [{ total: NaN }, { id: 10n }, { lines: [1, undefined] }];
    const summary = await las.transitions.ref(TID).work(({ n }) => outputs[n as number] as never, { ...fast, stopWhenIdle: true });
    expect(summary).toMatchObject({ taken: 3, succeeded: 0, failed: 3 });
    expect(fake.executions.map((execution) => [execution.status, execution.error?.message])).toEqual([
      ['failed', "The handler's output cannot be sent as JSON: output.total: is NaN, which JSON cannot carry (it would be sent as null)"],
      ['failed', "The handler's output cannot be sent as JSON: output.id: is a BigInt, which JSON cannot carry: give a number or a string"],
      [
        'failed',
        "The handler's output cannot be sent as JSON: output.lines[1]: is undefined, which JSON cannot carry (it would be left out or sent as null): leave it out or give null",
      ],
    ]);
  });

  test('an error message longer than the limit is cut to it', async () => {
    fake.add(1);
    await las.transitions.ref(TID).work(
      () => {
        throw new Error('x'.repeat(10_000));
      },
      { ...fast, stopWhenIdle: true },
    );
    const message = fake.executions[0].error!.message;
    expect(message).toHaveLength(MAX_ERROR_MESSAGE_LENGTH);
    expect(message.endsWith('x…')).toBe(true);
  });

  test('an execution the API stops taking heartbeats for is lost: its handler is aborted and nothing is sent', async () => {
    fake.add(1);
    fake.override = (request, execution) => {
      if (request.path.endsWith('/heartbeats') && execution) {
        execution.status = 'failed';
        execution.error = { message: 'timed out' };
        return { status: 400, body: { message: 'Execution timed out' } };
      }
      return undefined;
    };
    let handlerSignal: AbortSignal | undefined;
    const summary = await las.transitions.ref(TID).work(
      async (_input, _execution, { signal }) => {
        handlerSignal = signal;
        await sleep(10_000, undefined, { signal }).catch(() => undefined);
        return {};
      },
      { ...fast, stopWhenIdle: true },
    );
    expect(summary).toMatchObject({ taken: 1, lost: 1, succeeded: 0, failed: 0 });
    expect(handlerSignal?.aborted).toBe(true);
    expect(fake.patches(fake.executions[0].executionId)).toEqual([]);
  });

  test('a passing outage while asking for work or sending the result is ridden out', async () => {
    fake.add(1);
    let takes = 0;
    let patches = 0;
    fake.override = (request) => {
      if (request.method === 'POST' && request.path.endsWith('/executions') && ++takes === 1) return { status: 502, body: { message: 'Bad Gateway' } };
      if (request.method === 'PATCH' && ++patches === 1) return 'reset';
      return undefined;
    };
    const summary = await las.transitions.ref(TID).work(() => ({ ok: 1 }), { ...fast, stopWhenIdle: true });
    expect(summary).toMatchObject({ taken: 1, succeeded: 1, unreported: [] });
    expect(fake.executions[0].status).toBe('succeeded');
    expect(patches).toBe(2);
  });

  test('a final status that lands though its answer is lost is not sent twice', async () => {
    fake.add(1);
    let patches = 0;
    fake.override = (request, execution) => {
      if (request.method === 'PATCH' && ++patches === 1 && execution) {
        Object.assign(execution, { status: 'succeeded', output: JSON.parse(request.body).output, endedAt: performance.now() });
        return { status: 500, body: { message: 'Internal error' } };
      }
      return undefined;
    };
    const summary = await las.transitions.ref(TID).work(() => ({ ok: 1 }), { ...fast, stopWhenIdle: true });
    expect(summary).toMatchObject({ succeeded: 1, unreported: [] });
    expect(patches).toBe(1);
  });

  test('an error no retry can fix ends the work, after the running executions have ended', async () => {
    fake.add(2);
    let takes = 0;
    fake.override = (request) =>
      // From the third take on: a 403 the Session's one fresh token does not cure.
      request.method === 'POST' && request.path.endsWith('/executions') && ++takes >= 3 ? { status: 403, body: { message: 'Forbidden' } } : undefined;
    const work = las.transitions.ref(TID).work(async () => (await sleep(30), { ok: 1 }), { ...fast, concurrency: 4 });
    await expect(work).rejects.toBeInstanceOf(InvalidCredentialsError);
    expect(fake.executions.map((e) => e.status)).toEqual(['succeeded', 'succeeded']);
  });
});

describe('transition.work when the API goes away', () => {
  const closedPort = async () => {
    const gone = await startServer();
    await gone.close();
    return gone;
  };

  test.each([
    ['the API', false, (gone: TestServer) => new Las({ tokenProvider: { getAccessToken: async () => 'token' }, apiEndpoint: `${gone.url}/v1`, maxRetries: 0 })],
    ['the API', true, (gone: TestServer) => new Las({ tokenProvider: { getAccessToken: async () => 'token' }, apiEndpoint: `${gone.url}/v1`, maxRetries: 0 })],
    ['the token endpoint', true, (gone: TestServer) => new Las({ credentials: serverCredentials(gone), maxRetries: 0 })],
  ])('%s on a closed port (stopWhenIdle %p): each failure reported, then a PartialFailureError after maxConsecutiveFailures', async (_what, stopWhenIdle, client) => {
    const gone = await closedPort();
    const { calls, onError } = recordErrors();
    const error = (await thrown(client(gone)
      .transitions.ref(TID)
      .work(() => ({}), { pollInterval: 5, maxConsecutiveFailures: 3, stopWhenIdle, onError }))) as PartialFailureError;

    expect(error).toBeInstanceOf(PartialFailureError);
    expect(error.message).toMatch(new RegExp(`^transition\\.work gave up after 3 failed requests in a row for work on ${TID}; the last: `));
    expect(error.cause).toBeInstanceOf(ConnectionError);
    expect(calls.map((c) => c.context)).toEqual([1, 2, 3].map((consecutiveFailures) => ({ during: 'take', consecutiveFailures })));
    expect(calls.every((c) => c.error instanceof ConnectionError)).toBe(true);
    expect(calls[2].error).toBe(error.cause);
  });

  test('a server that goes away mid-run: the final status is reported unsent, then work() gives up', async () => {
    fake.add(2);
    const { calls, onError } = recordErrors();
    const error = (await thrown(las.transitions
      .ref(TID)
      .work(
        async () => {
          await server.close();
          return { ok: 1 };
        },
        // No heartbeat while the handler runs: the failures below are the final status's and the asks'.
        { pollInterval: 5, heartbeatInterval: 50_000, maxConsecutiveFailures: 3, onError },
      ))) as PartialFailureError;

    expect(error).toBeInstanceOf(PartialFailureError);
    expect(error.completed).toBe(1);
    expect(error.cause).toBeInstanceOf(ConnectionError);
    const first = fake.executions[0].executionId;
    expect(calls.map((c) => c.context)).toEqual([
      ...[1, 2, 3, 4].map((consecutiveFailures) => ({ during: 'finish', consecutiveFailures, executionId: first })),
      ...[1, 2, 3].map((consecutiveFailures) => ({ during: 'take', consecutiveFailures })),
    ]);
    expect(calls.every((c) => c.error instanceof ConnectionError)).toBe(true);
    expect(fake.executions.map((e) => e.status)).toEqual(['running', 'pending']);
  });
});

describe('handleTransitionExecution', () => {
  const env = (e: { executionId: string }) => ({ TRANSITION_ID: TID, EXECUTION_ID: e.executionId });

  test('runs the execution from the environment with heartbeats and ends it succeeded, exit code 0', async () => {
    const [execution] = fake.add(1, () => ({ documentId: 'las:document:0123456789abcdef0123456789abcdef' }));
    execution.status = 'running';
    execution.takenAt = performance.now();
    let seen: { input?: unknown; execution?: TransitionExecution } = {};
    const result = await handleTransitionExecution(
      async (input, e) => {
        seen = { input, execution: e };
        await until(() => execution.heartbeats.length >= 2);
        return { erpReference: 'INV-1' };
      },
      { las, env: env(execution), heartbeatInterval: 20, setExitCode: false },
    );
    expect(result).toEqual({ transitionId: TID, executionId: execution.executionId, outcome: 'succeeded', exitCode: 0 });
    expect(seen.input).toEqual({ documentId: 'las:document:0123456789abcdef0123456789abcdef' });
    expect(seen.execution?.id).toBe(execution.executionId);
    expect(execution.status).toBe('succeeded');
    expect(execution.output).toEqual({ erpReference: 'INV-1' });
    expect(execution.heartbeats.length).toBeGreaterThanOrEqual(2);
  });

  test('a throwing handler fails the execution with its message, logs why, and sets exit code 1', async () => {
    const [execution] = fake.add(1);
    execution.status = 'running';
    const lines: string[] = [];
    const saved = process.exitCode;
    try {
      const result = await handleTransitionExecution(
        () => {
          throw new Error('ERP unreachable');
        },
        { las, env: env(execution), log: (line) => lines.push(line) },
      );
      expect(result).toMatchObject({ outcome: 'failed', exitCode: 1, message: 'ERP unreachable' });
      expect(process.exitCode).toBe(1);
    } finally {
      process.exitCode = saved;
    }
    expect(execution.error).toEqual({ message: 'ERP unreachable' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Transition execution las:transition-execution:\w+: failed\. Error: ERP unreachable\n\s+at /);
  });

  test('heartbeats that fail are reported through onError; the execution carries on and ends', async () => {
    const [execution] = fake.add(1);
    execution.status = 'running';
    let beats = 0;
    fake.override = (request) => (request.path.endsWith('/heartbeats') && ++beats <= 2 ? { status: 500, body: { message: 'Internal error' } } : undefined);
    const { calls, onError } = recordErrors();
    const result = await handleTransitionExecution(
      async () => {
        await until(() => execution.heartbeats.length >= 1);
        return { ok: 1 };
      },
      { las, env: env(execution), heartbeatInterval: 20, setExitCode: false, onError },
    );

    expect(result).toMatchObject({ outcome: 'succeeded', exitCode: 0 });
    expect(execution.heartbeats).toHaveLength(1);
    expect(calls.map((c) => c.context)).toEqual(
      [1, 2].map((consecutiveFailures) => ({ during: 'heartbeat', consecutiveFailures, executionId: execution.executionId })),
    );
    expect(calls.every((c) => c.error instanceof ServerError)).toBe(true);
  });

  test('a final status that cannot be sent: each attempt reported, outcome unreported, exit code 1', async () => {
    const [execution] = fake.add(1);
    execution.status = 'running';
    const { calls, onError } = recordErrors();
    const lines: string[] = [];
    const result = await handleTransitionExecution(
      async () => {
        await server.close();
        return { ok: 1 };
      },
      { las, env: env(execution), heartbeatInterval: 50_000, setExitCode: false, onError, log: (line) => lines.push(line) },
    );

    expect(result).toMatchObject({ outcome: 'unreported', exitCode: 1, message: expect.stringMatching(/^its final status could not be sent: /) });
    expect(calls.map((c) => c.context)).toEqual(
      [1, 2, 3, 4].map((consecutiveFailures) => ({ during: 'finish', consecutiveFailures, executionId: execution.executionId })),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/: unreported\. ConnectionError: PATCH \S+ failed/);
  });

  test('what onError throws is thrown once the execution has ended', async () => {
    const [execution] = fake.add(1);
    execution.status = 'running';
    fake.override = (request) => (request.path.endsWith('/heartbeats') ? { status: 500, body: { message: 'Internal error' } } : undefined);
    const broken = new Error('onError is broken');
    let beats = 0;
    const work = handleTransitionExecution(
      async () => {
        await until(() => beats >= 1);
        return { ok: 1 };
      },
      {
        las,
        env: env(execution),
        heartbeatInterval: 20,
        setExitCode: false,
        onError: () => {
          beats++;
          throw broken;
        },
      },
    );
    await expect(work).rejects.toBe(broken);
    expect(execution.status).toBe('succeeded');
  });

  test('an execution that is no longer running is not run', async () => {
    const [execution] = fake.add(1);
    execution.status = 'succeeded';
    let calls = 0;
    const result = await handleTransitionExecution(() => void calls++, { las, env: env(execution), setExitCode: false, log: () => {} });
    expect(result).toMatchObject({ outcome: 'lost', exitCode: 1, message: 'the execution is already succeeded' });
    expect(calls).toBe(0);
  });

  test('without TRANSITION_ID and EXECUTION_ID it says which are missing', async () => {
    await expect(handleTransitionExecution(() => ({}), { las, env: { TRANSITION_ID: TID }, setExitCode: false })).rejects.toThrow(
      /EXECUTION_ID not set; LAS sets both/,
    );
    await expect(handleTransitionExecution(() => ({}), { las, env: {}, setExitCode: false })).rejects.toThrow(/TRANSITION_ID and EXECUTION_ID not set/);
  });
});

describe('trimErrorMessage', () => {
  test('keeps short messages and never splits a surrogate pair', () => {
    expect(trimErrorMessage('short')).toBe('short');
    const emoji = `${'a'.repeat(MAX_ERROR_MESSAGE_LENGTH - 2)}😀😀`;
    const cut = trimErrorMessage(emoji);
    expect(cut.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE_LENGTH);
    expect(cut.endsWith('a…')).toBe(true);
  });
});
