/**
 * The one polling loop of the SDK: `workflowExecution.wait()`, `transitionExecution.wait()` and
 * the transition worker's search for work all pace their requests through {@link pollUntil}.
 */
import { describeError, WaitAbortedError, WaitTimeoutError } from '../errors.js';
import { checkOption, option } from '../options.js';
import type { RequestOptions } from '../http/request-options.js';

/** How a wait (`pollUntil`) paces and bounds its polls. */
export interface PollOptions {
  /** Milliseconds between the first two polls; each later pause is 1.5 times longer. Default 1000. */
  pollInterval?: number;
  /** The longest pause between two polls. Default 15 000 (or `pollInterval` when that is longer). */
  maxPollInterval?: number;
  /** Give up after this many milliseconds with a {@link WaitTimeoutError}. Default: no limit. */
  timeout?: number;
  /**
   * Stops the wait with a {@link WaitAbortedError}. `wait()` sends it with each poll,
   * so a poll in flight is cancelled; a poll that does not take it is let finish first.
   */
  signal?: AbortSignal;
}

/** What {@link pollUntil} polls. */
export interface PollTarget<T> {
  /** Names what is waited on in error messages, e.g. `workflow execution las:workflow-execution:...`. */
  what: string;
  /** One poll. Its errors end the wait; once the signal has aborted, any error is taken as the abort. */
  poll: () => Promise<T>;
  /** Whether a poll's answer ends the wait. */
  done: (value: T) => boolean;
  /** The status an answer shows, for error messages. */
  status?: (value: T) => string | undefined;
}

/** Default pause between the first two polls. */
const DEFAULT_POLL_INTERVAL = 1_000;
/** Default longest pause between polls. */
const DEFAULT_MAX_POLL_INTERVAL = 15_000;
const BACKOFF = 1.5;

/**
 * Polls `target` until `done` accepts an answer and returns that answer. Pauses grow by 1.5 per
 * poll up to `maxPollInterval`, with a little jitter so many waiters started together spread out.
 * With a `timeout`, the last poll is sent at the deadline; a poll in flight is never abandoned, so
 * a poll with side effects (taking work) is never lost.
 */
export async function pollUntil<T>(target: PollTarget<T>, options: PollOptions = {}): Promise<T> {
  const { timeout, signal } = options;
  const first = checkOption('wait', 'pollInterval', options.pollInterval, option.duration(1), DEFAULT_POLL_INTERVAL);
  const max = checkOption('wait', 'maxPollInterval', options.maxPollInterval, option.duration(first), Math.max(first, DEFAULT_MAX_POLL_INTERVAL));
  checkOption('wait', 'timeout', timeout, option.duration(0));
  const started = performance.now();
  const deadline = timeout === undefined ? Infinity : started + timeout;
  let lastStatus: string | undefined;
  let delay = first;
  // Timers may fire a little early: the poll after a pause cut to the deadline is the last one.
  let atDeadline = false;
  for (;;) {
    if (signal?.aborted) throw aborted(target.what, started, lastStatus, signal.reason);
    let value: T;
    try {
      value = await target.poll();
    } catch (error) {
      // The poll was cancelled by the signal (an AbortError) or failed as it aborted: the wait was stopped.
      if (signal?.aborted) throw aborted(target.what, started, lastStatus, signal.reason);
      throw error;
    }
    if (target.done(value)) return value;
    lastStatus = target.status?.(value) ?? lastStatus;
    if (signal?.aborted) throw aborted(target.what, started, lastStatus, signal.reason);
    const remaining = deadline - performance.now();
    if (atDeadline || remaining <= 0) {
      const waitedMs = Math.round(performance.now() - started);
      throw new WaitTimeoutError(
        `Gave up waiting for ${target.what} after ${seconds(waitedMs)} (timeout ${timeout} ms); last status: ${lastStatus ?? 'none seen'}`,
        { waitedMs, lastStatus },
      );
    }
    const pause = delay * (0.8 + Math.random() * 0.2);
    atDeadline = pause >= remaining;
    await sleep(Math.min(pause, remaining), signal);
    delay = Math.min(delay * BACKOFF, max);
  }
}

/** Options of `wait()` on workflow and transition executions. */
export type WaitOptions = PollOptions;

/**
 * Refreshes `entity` until its status leaves `pending`, with {@link pollUntil}'s backoff, and
 * returns it; the signal goes with each refresh. Shared by the executions' `wait()` methods.
 */
export async function waitUntilFinal<E extends { refresh(requestOptions?: RequestOptions): Promise<E>; status?: string }>(
  entity: E,
  pending: readonly string[],
  what: string,
  options: WaitOptions,
): Promise<E> {
  return pollUntil(
    {
      what,
      poll: async () => entity.refresh(options.signal && { signal: options.signal }),
      done: (e) => e.status !== undefined && !pending.includes(e.status),
      status: (e) => e.status,
    },
    options,
  );
}

/** Resolves after `ms` milliseconds, or as soon as `signal` aborts (it never rejects). */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}


function aborted(what: string, started: number, lastStatus: string | undefined, reason: unknown): WaitAbortedError {
  const waitedMs = Math.round(performance.now() - started);
  const why = reason === undefined ? 'aborted' : describeError(reason);
  return new WaitAbortedError(
    `Stopped waiting for ${what} after ${seconds(waitedMs)} (${why}); last status: ${lastStatus ?? 'none seen'}`,
    { waitedMs, lastStatus, cause: reason },
  );
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 0)} s`;
}
