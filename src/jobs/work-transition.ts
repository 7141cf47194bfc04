/**
 * The loop behind `transition.work()`: takes the pending executions of a manual transition through
 * the transition's own methods and runs each through {@link runExecution}.
 */
import { describeError, NotFoundError, PartialFailureError, ValidationError, WaitAbortedError } from '../errors.js';
import type { RequestOptions } from '../http/request-options.js';
import type { TransitionData } from '../api/transitions.js';
import type { TransitionExecution } from '../resources/transition-executions.js';
import { pollUntil } from './wait.js';
import { isTransient } from './failures.js';
import { checkOption, option } from '../options.js';
import { checkWorkerOptions, reporter, runExecution, type RunResult, type RunSettings } from './run-execution.js';
import {
  DEFAULT_MAX_CONSECUTIVE_FAILURES,
  type TransitionHandler,
  type TransitionOutput,
  type WorkOptions,
  type WorkSummary,
} from './transition-work-types.js';

/** What the loop checks of a transition before it works on it. */
type TransitionFacts = Pick<TransitionData, 'transitionId' | 'transitionType' | 'timeoutInSeconds'>;

/**
 * What the loop uses of a transition: its id and two of its own methods, `refresh()` (load it)
 * and `execute()` (`POST /transitions/{transitionId}/executions`: take the next pending execution).
 * A `Transition` or the handle `ref()` gives fits; the loop names no session and no path.
 */
export interface WorkableTransition {
  /** The transition's id. */
  readonly transitionId: string;
  /** Loads the transition. */
  refresh(requestOptions?: RequestOptions): Promise<TransitionFacts>;
  /** Takes the next pending execution of a manual transition; a `NotFoundError` when there is none. */
  execute(requestOptions?: RequestOptions): Promise<TransitionExecution>;
}

/**
 * The loop behind `transition.work()`: takes executions (`transition.execute()`) while fewer than
 * `concurrency` run, waits with backoff while there are none, runs each through {@link runExecution}.
 * A failed ask is reported and tried again after the backoff pause, up to `maxConsecutiveFailures` in a row; an error no retry can fix ends the loop at once. Either way
 * the running executions end as `onAbort` says before the error is thrown.
 */
export async function workTransition<I, O extends TransitionOutput>(
  transition: WorkableTransition,
  handler: TransitionHandler<I, O>,
  options: WorkOptions = {},
): Promise<WorkSummary> {
  const started = performance.now();
  const { signal, stopWhenIdle = false } = options;
  const concurrency = options.concurrency ?? 1;
  checkOption('transition.work', 'concurrency', concurrency, option.count);
  const maxFailures = checkOption('transition.work', 'maxConsecutiveFailures', options.maxConsecutiveFailures, option.count, DEFAULT_MAX_CONSECUTIVE_FAILURES);
  const { heartbeatInterval, onAbort } = checkWorkerOptions('transition.work', options);
  if (typeof handler !== 'function') throw new ValidationError('transition.work: handler must be a function');
  const pacing = { pollInterval: options.pollInterval, maxPollInterval: options.maxPollInterval };

  const summary: WorkSummary = { taken: 0, succeeded: 0, failed: 0, retried: 0, lost: 0, unreported: [], aborted: false, durationMs: 0 };
  // `halt`: no more asks for work. `giveUp`: running handlers are given up (onAbort fail or retry).
  const halt = new AbortController();
  const giveUp = new AbortController();
  let failure: { error: unknown } | undefined;
  let wake = () => {};
  const stop = (reason: unknown) => {
    halt.abort(reason);
    if (onAbort !== 'finish') giveUp.abort(reason);
    wake();
  };
  const fail = (error: unknown) => {
    failure ??= { error };
    stop(error);
  };
  const onSignal = () => stop(signal?.reason);
  signal?.addEventListener('abort', onSignal, { once: true });
  if (signal?.aborted) onSignal();
  const report = reporter(options.onError, fail);
  const running = new Set<Promise<void>>();
  const settings: RunSettings = { heartbeatInterval, stop: giveUp.signal, onStop: onAbort === 'retry' ? 'retry' : 'failed', report };

  let consecutiveFailures = 0;
  /** One request of the search for work: an outage is reported and counted, and answered `unavailable` until the count runs out. */
  const ask = async <T>(request: () => Promise<T>): Promise<T | 'unavailable'> => {
    try {
      const value = await request();
      consecutiveFailures = 0;
      return value;
    } catch (error) {
      // Cancelled by the halt: not a failure to report; pollUntil ends the wait.
      if (halt.signal.aborted) throw error;
      report(error, { during: 'take', consecutiveFailures: ++consecutiveFailures });
      if (!isTransient(error)) throw error;
      if (consecutiveFailures < maxFailures) return 'unavailable';
      throw new PartialFailureError(
        `transition.work gave up after ${consecutiveFailures} failed requests in a row for work on ${transition.transitionId}; ` +
          `the last: ${describeError(error)}. ${summary.taken} executions were taken before`,
        { cause: error, completed: summary.taken },
      );
    }
  };

  try {
    // Loaded before polling: on a docker transition the same POST starts a new execution each time.
    const loaded = isLoaded(transition)
      ? transition
      : // done() lets only a transition through.
        ((await pollUntil(
          {
            what: `transition ${transition.transitionId}`,
            poll: async () => ask(async () => transition.refresh({ signal: halt.signal })),
            done: (t) => t !== 'unavailable',
          },
          { ...pacing, signal: halt.signal },
        )) as TransitionFacts);
    checkTransition(loaded, heartbeatInterval);
    while (!halt.signal.aborted) {
      if (running.size >= concurrency) {
        // A fresh promise per wait: a listener added to one long-lived promise per wait would pile up.
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      const next = await pollUntil(
        {
          what: `work on transition ${transition.transitionId}`,
          poll: async () => ask(async () => takeNext(transition, halt.signal)),
          done: (taken) => taken !== 'unavailable' && (taken !== 'none' || stopWhenIdle),
        },
        { ...pacing, signal: halt.signal },
      );
      if (next === 'none' || next === 'unavailable') break;
      summary.taken++;
      const execution = next;
      const run: Promise<void> = runExecution(execution, handler, settings)
        .then((result) => tally(summary, execution, result))
        .finally(() => {
          running.delete(run);
          wake();
        });
      running.add(run);
    }
  } catch (error) {
    // A WaitAbortedError is the halt: the signal, or a failure already kept.
    if (!(error instanceof WaitAbortedError)) fail(error);
  }

  summary.aborted = signal?.aborted ?? false;
  await Promise.all(running);
  signal?.removeEventListener('abort', onSignal);
  summary.durationMs = Math.round(performance.now() - started);
  if (failure) throw failure.error;
  return summary;
}

/** Whether `transition` holds its data: a handle from `ref()` holds only its id. */
function isLoaded(transition: WorkableTransition): transition is WorkableTransition & TransitionFacts {
  return 'transitionType' in transition && transition.transitionType !== undefined;
}

/** Refuses a transition `work()` cannot or should not work on. */
function checkTransition(transition: TransitionFacts, heartbeatInterval: number): void {
  if (transition.transitionType !== 'manual') {
    throw new ValidationError(
      `transition.work: ${transition.transitionId} is a ${transition.transitionType} transition; work() takes the executions ` +
        'of manual transitions. In a docker transition\'s image, call handleTransitionExecution() instead',
    );
  }
  if (transition.timeoutInSeconds && heartbeatInterval >= transition.timeoutInSeconds * 1000) {
    throw new ValidationError(
      `transition.work: heartbeatInterval ${heartbeatInterval} ms would miss the transition's deadline of ${transition.timeoutInSeconds} s`,
    );
  }
}

/**
 * The next pending execution, through `transition.execute()`, or `none`. `signal` cancels the
 * request in flight (an execution the API handed out meanwhile goes back to it when its deadline passes).
 */
async function takeNext(transition: WorkableTransition, signal: AbortSignal): Promise<TransitionExecution | 'none'> {
  try {
    const execution = await transition.execute({ signal });
    // An answer that holds no execution is no work.
    return typeof execution.executionId === 'string' ? execution : 'none';
  } catch (error) {
    // The API answers 404 when a manual transition has no pending execution.
    if (error instanceof NotFoundError) return 'none';
    throw error;
  }
}

function tally(summary: WorkSummary, execution: TransitionExecution, result: RunResult): void {
  switch (result.outcome) {
    case 'succeeded':
      summary.succeeded++;
      break;
    case 'failed':
      summary.failed++;
      break;
    case 'retry':
      summary.retried++;
      break;
    case 'lost':
      summary.lost++;
      break;
    case 'unreported':
      summary.unreported.push(execution.executionId);
      break;
  }
}
