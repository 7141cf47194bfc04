/**
 * What `transition.work()` does when requests fail: each failure reported through `onError`, a
 * bound on failed asks in a row, no retry of what no retry can fix. A scripted session and jest's
 * fake clock make every count and every pause exact: nothing here depends on the machine's timers.
 */
import { jest } from '@jest/globals';
import {
  ApiError,
  ConnectionError,
  InvalidCredentialsError,
  PartialFailureError,
  ValidationError,
} from '../../src/errors.js';
import type { Session } from '../../src/http/session.js';
import type { WorkErrorContext, WorkOptions } from '../../src/jobs/transition-work-types.js';
import { Transition } from '../../src/resources/transitions.js';
import { fixture } from '../helpers/fixtures.js';
import { JsonBytes } from '../../src/http/document-body.js';

const TID = fixture<{ transitionId: string }>('transition').transitionId;
const transitionData = { ...fixture('transition'), transitionType: 'manual', timeoutInSeconds: 60 };
const takePath = `/transitions/${encodeURIComponent(TID)}/executions`;
const executionId = (n: number) => `las:transition-execution:${n.toString(16).padStart(32, '0')}`;
const executionData = (n: number) => ({ executionId: executionId(n), transitionId: TID, input: { n }, status: 'running' });

interface SentRequest {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: unknown;
  /** Fake clock, ms since the test started. */
  at: number;
}

type Answer = (request: SentRequest) => unknown;

/** A session whose answers the test scripts; a thrown error is what the request fails with. */
class ScriptedSession {
  readonly requests: SentRequest[] = [];
  constructor(
    private readonly answer: Answer,
    private readonly started = performance.now(),
  ) {}

  async get(path: string): Promise<unknown> {
    return this.#send({ method: 'GET', path, at: 0 });
  }
  async post(path: string, body?: unknown): Promise<unknown> {
    return this.#send({ method: 'POST', path, body, at: 0 });
  }
  async patch(path: string, body?: unknown): Promise<unknown> {
    return this.#send({ method: 'PATCH', path, body, at: 0 });
  }

  takes(): SentRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && r.path === takePath);
  }
  heartbeats(): SentRequest[] {
    return this.requests.filter((r) => r.path.endsWith('/heartbeats'));
  }
  patches(): SentRequest[] {
    return this.requests.filter((r) => r.method === 'PATCH');
  }

  async #send(request: SentRequest): Promise<unknown> {
    // Checked bodies reach the session as the JSON bytes that will be sent.
    if (request.body instanceof JsonBytes) request.body = JSON.parse(new TextDecoder().decode(request.body.bytes));
    request.at = performance.now() - this.started;
    this.requests.push(request);
    return this.answer(request);
  }
}

const unreachable = (n: number) => new ConnectionError(`Could not reach http://127.0.0.1:9/v1 (attempt ${n}): connect ECONNREFUSED`);
const apiError = (status: number, message: string) => ApiError.from({ status, method: 'POST', url: `http://api.test/v1${takePath}`, body: { message } });
const noWork = () => apiError(404, 'No pending executions');

/** The answers of a manual transition's API: one execution per take from `queue` (then 404), heartbeats and PATCHes accepted. */
function api(queue: number[] = []): Answer {
  const executions = [...queue];
  return (request) => {
    if (request.method === 'POST' && request.path === takePath) {
      const n = executions.shift();
      if (n === undefined) throw noWork();
      return executionData(n);
    }
    if (request.path.endsWith('/heartbeats')) return {};
    if (request.method === 'PATCH') return { ...executionData(0), ...(request.body as object) };
    throw new Error(`unscripted ${request.method} ${request.path}`);
  };
}

/** Each take answered by the next of `takes` (an error is thrown, a number hands out that execution, null is "no work"). */
function takesAnswered(takes: (Error | number | null)[], rest: Answer = api()): Answer {
  return (request) => {
    if (request.method === 'POST' && request.path === takePath && takes.length > 0) {
      const next = takes.shift();
      if (next instanceof Error) throw next;
      if (next === null || next === undefined) throw noWork();
      return executionData(next);
    }
    return rest(request);
  };
}

function manualTransition(session: ScriptedSession): Transition {
  return Transition.fromApi(session as unknown as Session, transitionData);
}

type Outcome<T> = { value: T; error?: undefined; at: number } | { error: unknown; value?: undefined; at: number };

/**
 * Moves the fake clock from timer to timer until `promise` settles, at most `limit` fake ms.
 * `at` is the fake time it settled at; undefined outcome means it had not settled by then.
 */
async function runUntilSettled<T>(promise: Promise<T>, limit = 3_600_000): Promise<Outcome<T> | undefined> {
  const started = performance.now();
  let outcome: Outcome<T> | undefined;
  promise.then(
    (value) => (outcome = { value, at: performance.now() - started }),
    (error: unknown) => (outcome = { error, at: performance.now() - started }),
  );
  for (let idle = 0; !outcome && idle < 3 && performance.now() - started <= limit; ) {
    if (jest.getTimerCount() === 0) idle++;
    await jest.advanceTimersToNextTimerAsync();
  }
  return outcome;
}

function recordErrors(): { calls: { error: unknown; context: WorkErrorContext }[]; onError: NonNullable<WorkOptions['onError']> } {
  const calls: { error: unknown; context: WorkErrorContext }[] = [];
  return { calls, onError: (error, context) => void calls.push({ error, context }) };
}

beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask'] });
});
afterEach(() => {
  jest.useRealTimers();
});

describe('transition.work when the API cannot be reached', () => {
  test('rejects after exactly maxConsecutiveFailures asks, each reported, pausing with the poll backoff between them', async () => {
    let attempt = 0;
    const session = new ScriptedSession(() => {
      throw unreachable(++attempt);
    });
    const { calls, onError } = recordErrors();
    const outcome = await runUntilSettled(
      manualTransition(session).work(() => ({}), { maxConsecutiveFailures: 4, pollInterval: 1000, maxPollInterval: 2000, onError }),
    );

    const error = outcome?.error as PartialFailureError;
    expect(error).toBeInstanceOf(PartialFailureError);
    expect(error.message).toBe(
      `transition.work gave up after 4 failed requests in a row for work on ${TID}; the last: ` +
        'Could not reach http://127.0.0.1:9/v1 (attempt 4): connect ECONNREFUSED. 0 executions were taken before',
    );
    expect(error.cause).toBeInstanceOf(ConnectionError);
    expect((error.cause as Error).message).toMatch(/attempt 4/);
    expect(error.completed).toBe(0);
    expect(session.requests).toHaveLength(4);
    expect(session.takes()).toHaveLength(4);
    expect(calls.map((c) => c.context)).toEqual([1, 2, 3, 4].map((n) => ({ during: 'take', consecutiveFailures: n })));
    expect(calls.map((c) => (c.error as Error).message)).toEqual([1, 2, 3, 4].map((n) => unreachable(n).message));
    // Pauses of 1000, 1500, 2000 (capped) ms, less up to 20 % jitter; the fake clock keeps whole ms.
    const at = session.takes().map((r) => r.at);
    const gaps = at.slice(1).map((t, i) => t - at[i]);
    expect(gaps).toHaveLength(3);
    [1000, 1500, 2000].forEach((nominal, i) => {
      expect(gaps[i]).toBeGreaterThanOrEqual(Math.floor(nominal * 0.8));
      expect(gaps[i]).toBeLessThanOrEqual(nominal);
    });
  });

  test('stopWhenIdle does not count an unreachable API as idle or busy: it settles after the default 10 asks, within the sum of the pauses', async () => {
    const session = new ScriptedSession(() => {
      throw unreachable(0);
    });
    const { calls, onError } = recordErrors();
    const outcome = await runUntilSettled(manualTransition(session).work(() => ({}), { stopWhenIdle: true, onError }));

    expect(outcome?.error).toBeInstanceOf(PartialFailureError);
    expect((outcome?.error as Error).message).toMatch(/^transition\.work gave up after 10 failed requests in a row/);
    expect(session.takes()).toHaveLength(10);
    expect(calls).toHaveLength(10);
    // Default pacing: 1 s growing 1.5 times per ask up to 15 s; nine pauses of at most 62.2 s in all.
    const nominal = [1000, 1500, 2250, 3375, 5062.5, 7593.75, 11390.625, 15000, 15000];
    expect(outcome!.at).toBeLessThanOrEqual(nominal.reduce((a, b) => a + b));
  });

  test('a blip is ridden out: failures are reported, an answer resets the count, and the work completes', async () => {
    const session = new ScriptedSession(
      takesAnswered([unreachable(1), apiError(502, 'Bad Gateway'), 1, unreachable(2), apiError(503, 'Service Unavailable'), 2, null]),
    );
    const { calls, onError } = recordErrors();
    const handled: unknown[] = [];
    const outcome = await runUntilSettled(
      manualTransition(session).work((input) => (handled.push(input), { ok: true }), {
        maxConsecutiveFailures: 3,
        stopWhenIdle: true,
        pollInterval: 10,
        onError,
      }),
    );

    expect(outcome?.error).toBeUndefined();
    expect(outcome?.value).toMatchObject({ taken: 2, succeeded: 2, unreported: [], aborted: false });
    expect(handled).toEqual([{ n: 1 }, { n: 2 }]);
    expect(calls.map((c) => c.context.consecutiveFailures)).toEqual([1, 2, 1, 2]);
    expect(calls.every((c) => c.context.during === 'take')).toBe(true);
    expect(session.takes()).toHaveLength(7);
  });

  test('a blip while loading the transition before the first ask is ridden out too', async () => {
    let loads = 0;
    const rest = api([1]);
    const session = new ScriptedSession((request) => {
      if (request.method === 'GET') {
        if (++loads <= 2) throw unreachable(loads);
        return transitionData;
      }
      return rest(request);
    });
    const { calls, onError } = recordErrors();
    const handle = Transition.handle(session as unknown as Session, { transitionId: TID });
    const outcome = await runUntilSettled(handle.work(() => ({}), { stopWhenIdle: true, pollInterval: 10, onError }));

    expect(outcome?.value).toMatchObject({ taken: 1, succeeded: 1 });
    expect(calls.map((c) => c.context)).toEqual([
      { during: 'take', consecutiveFailures: 1 },
      { during: 'take', consecutiveFailures: 2 },
    ]);
    expect(session.requests.slice(0, 3).map((r) => r.method)).toEqual(['GET', 'GET', 'GET']);
  });

  test('InvalidCredentialsError ends the work at the first failure', async () => {
    const forbidden = apiError(403, 'Forbidden');
    const session = new ScriptedSession(() => {
      throw forbidden;
    });
    const { calls, onError } = recordErrors();
    const outcome = await runUntilSettled(manualTransition(session).work(() => ({}), { stopWhenIdle: true, onError }));

    expect(outcome?.error).toBe(forbidden);
    expect(outcome?.error).toBeInstanceOf(InvalidCredentialsError);
    expect(outcome?.at).toBe(0);
    expect(session.requests).toHaveLength(1);
    expect(calls).toEqual([{ error: forbidden, context: { during: 'take', consecutiveFailures: 1 } }]);
  });

  test.each([
    ['finish', 'succeeded', { status: 'succeeded', output: { late: true } }],
    ['fail', 'failed', { status: 'failed', error: { message: expect.stringMatching(/^The worker stopped before the handler finished: transition\.work gave up/) } }],
  ] as const)(
    'giving up, running executions end as onAbort %s says before work() rejects',
    async (onAbort, _status, patch) => {
      let release: () => void = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      let handlerSignal: AbortSignal | undefined;
      const session = new ScriptedSession(takesAnswered([1, unreachable(1), unreachable(2)]));
      const work = manualTransition(session).work(
        async (_input, _execution, { signal }) => {
          handlerSignal = signal;
          await Promise.race([released, new Promise((resolve) => signal.addEventListener('abort', resolve))]);
          return { late: true };
        },
        { concurrency: 2, maxConsecutiveFailures: 2, pollInterval: 10, heartbeatInterval: 1000, onAbort },
      );

      if (onAbort === 'finish') {
        // Given up on asking, still waiting for the running handler.
        expect(await runUntilSettled(work, 5_000)).toBeUndefined();
        expect(session.takes()).toHaveLength(3);
        expect(session.patches()).toHaveLength(0);
        expect(handlerSignal?.aborted).toBe(false);
        release();
      }
      const outcome = await runUntilSettled(work);
      expect(outcome?.error).toBeInstanceOf(PartialFailureError);
      expect((outcome?.error as PartialFailureError).completed).toBe(1);
      expect(session.patches().map((r) => r.body)).toEqual([patch]);
      expect(handlerSignal?.aborted).toBe(onAbort === 'fail');
      expect(session.takes()).toHaveLength(3);
    },
  );

  test('what onError throws ends the work: no further ask, and work() rejects with it', async () => {
    const session = new ScriptedSession(() => {
      throw unreachable(0);
    });
    const stopIt = new Error('alerting says stop');
    const outcome = await runUntilSettled(
      manualTransition(session).work(() => ({}), {
        pollInterval: 10,
        onError: (_error, { consecutiveFailures }) => {
          if (consecutiveFailures === 2) throw stopIt;
        },
      }),
    );
    expect(outcome?.error).toBe(stopIt);
    expect(session.takes()).toHaveLength(2);
  });

  test.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '3' as never])('maxConsecutiveFailures %p is refused before any request', async (value) => {
    const session = new ScriptedSession(api());
    const work = manualTransition(session).work(() => ({}), { maxConsecutiveFailures: value });
    await expect(work).rejects.toThrow(ValidationError);
    // The value is not echoed (options.ts): the message is the same for each.
    await expect(work).rejects.toThrow(/^transition\.work: maxConsecutiveFailures must be a whole number >= 1$/);
    expect(session.requests).toHaveLength(0);
  });

  test('an onError that is not a function is refused before any request', async () => {
    const session = new ScriptedSession(api());
    await expect(manualTransition(session).work(() => ({}), { onError: 'log' as never })).rejects.toThrow(/^transition\.work: onError must be a function$/);
    expect(session.requests).toHaveLength(0);
  });
});

describe('transition.work: heartbeats and final statuses that fail', () => {
  test('heartbeats every heartbeatInterval from the end of the one before; each failure reported, counted per execution, the work carries on', async () => {
    let beats = 0;
    const rest = api([1]);
    const session = new ScriptedSession((request) => {
      // Beats 1-3 fail, 4 lands, 5 fails: counts 1, 2, 3, then 1 again.
      if (request.path.endsWith('/heartbeats') && [1, 2, 3, 5].includes(++beats)) throw unreachable(beats);
      return rest(request);
    });
    const { calls, onError } = recordErrors();
    const outcome = await runUntilSettled(
      manualTransition(session).work(
        async () => {
          await new Promise((resolve) => setTimeout(resolve, 110));
          return { done: true };
        },
        { heartbeatInterval: 20, stopWhenIdle: true, onError },
      ),
    );

    expect(outcome?.value).toMatchObject({ taken: 1, succeeded: 1, unreported: [] });
    const taken = session.takes()[0].at;
    expect(session.heartbeats().map((r) => r.at - taken)).toEqual([20, 40, 60, 80, 100]);
    expect(calls.map((c) => c.context)).toEqual(
      [1, 2, 3, 1].map((consecutiveFailures) => ({ during: 'heartbeat', consecutiveFailures, executionId: executionId(1) })),
    );
    expect(session.patches().map((r) => r.body)).toEqual([{ status: 'succeeded', output: { done: true } }]);
    // No heartbeat after the final status.
    expect(session.requests.at(-2)?.method).toBe('PATCH');
  });

  test('a final status that cannot be sent is reported for each attempt and listed as unreported', async () => {
    let patches = 0;
    const rest = api([1]);
    const session = new ScriptedSession((request) => {
      if (request.method === 'PATCH') throw unreachable(++patches);
      if (request.method === 'GET') throw unreachable(0);
      return rest(request);
    });
    const { calls, onError } = recordErrors();
    const outcome = await runUntilSettled(manualTransition(session).work(() => ({ ok: 1 }), { stopWhenIdle: true, onError }));

    expect(outcome?.value).toMatchObject({ taken: 1, succeeded: 0, unreported: [executionId(1)] });
    expect(calls.map((c) => c.context)).toEqual(
      [1, 2, 3, 4].map((consecutiveFailures) => ({ during: 'finish', consecutiveFailures, executionId: executionId(1) })),
    );
    expect(patches).toBe(4);
  });
});
