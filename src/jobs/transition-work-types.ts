/**
 * The public types and defaults of the transition worker: what a handler is and gets, the options
 * of `transition.work()` and of `handleTransitionExecution()`, and what they report back.
 */
import type { TransitionExecution } from '../resources/transition-executions.js';

/** What a handler returns: the execution's output, an object. Returning nothing sends `{}`. */
export type TransitionOutput = Record<string, unknown>;

/** What a handler gets besides the input and the execution. */
export interface TransitionHandlerContext {
  /**
   * Aborted when the worker gives up on this execution: it was stopped with `onAbort: 'fail'` or
   * `'retry'`, or the API no longer takes a result for it. The handler's result is ignored then.
   */
  signal: AbortSignal;
}

/** The work of one execution: takes its input, returns its output; throwing fails the execution with the error's message. */
export type TransitionHandler<I = Record<string, unknown>, O extends TransitionOutput = TransitionOutput> = (
  input: I,
  execution: TransitionExecution,
  context: TransitionHandlerContext,
) => O | void | Promise<O | void>;

/** What happens to running handlers when the `signal` aborts. */
export type OnAbort = 'finish' | 'fail' | 'retry';

/** What {@link HandlerOptions.onError} is told besides the error. */
export interface WorkErrorContext {
  /**
   * What failed: `take`, asking for work (or loading the transition before the first ask);
   * `heartbeat`, a heartbeat of a running execution; `finish`, sending an execution's final status.
   */
  during: 'take' | 'heartbeat' | 'finish';
  /**
   * Failures in a row, this one included: of asks for work since the last answer (the worker
   * gives up at `maxConsecutiveFailures`), or of this execution's heartbeats or final-status attempts.
   */
  consecutiveFailures: number;
  /** The execution, for `heartbeat` and `finish`. */
  executionId?: string;
}

/** Told of a failed request of the worker; see {@link HandlerOptions.onError}. */
export type WorkErrorListener = (error: unknown, context: WorkErrorContext) => void;

/** Options shared by `transition.work()` and {@link handleTransitionExecution}. */
export interface HandlerOptions {
  /**
   * Milliseconds between heartbeats while a handler runs. Default 15 000: four chances inside the
   * API's deadline (the transition's `timeoutInSeconds`, at least 60 s).
   */
  heartbeatInterval?: number;
  /**
   * Stops the work: no new execution is taken, and an ask for work in flight is cancelled; running
   * handlers go as `onAbort` says (their heartbeats and final statuses are not cancelled: they are
   * how the API learns what became of them).
   */
  signal?: AbortSignal;
  /**
   * On abort: `finish` lets running handlers finish and sends their results (default); `fail` ends
   * their executions as failed at once; `retry` hands them back to the API to run again.
   */
  onAbort?: OnAbort;
  /**
   * Told, synchronously, of every request of the worker that fails: asks for work, heartbeats,
   * final statuses; outages it rides out as well as errors that end something. Nothing else
   * reports them (no log line). What it throws is not lost: `work()` stops taking work and
   * rejects with it once the running executions have ended as `onAbort` says;
   * `handleTransitionExecution()` throws it once the execution has ended.
   */
  onError?: WorkErrorListener;
}

/** Options of `transition.work()`. */
export interface WorkOptions extends HandlerOptions {
  /** Executions handled at once. Default 1. */
  concurrency?: number;
  /** Milliseconds between asks for work while there is none or the API fails; grows 1.5 times per ask. Default 1000. */
  pollInterval?: number;
  /** Longest pause between asks for work. Default 15 000. */
  maxPollInterval?: number;
  /** Return once the API has no pending execution (and the running ones have ended), instead of waiting for more. */
  stopWhenIdle?: boolean;
  /**
   * Asks for work that fail in a row (connection errors, timeouts, 5xx, 429), each after the
   * backoff pause, before `work()` gives up: it then rejects with a `PartialFailureError` whose
   * `cause` is the last error, once the running executions have ended as `onAbort` says. Also
   * with `stopWhenIdle`: an API that cannot be reached is not idle. Default 10. Errors no retry
   * can fix (401/403 `InvalidCredentialsError`, 400) end the work at the first failure.
   */
  maxConsecutiveFailures?: number;
}

/**
 * How an execution ended for the worker: the status it set (`succeeded`, `failed`, `retry`);
 * `lost` when the API no longer took a result for it (it timed out or was ended elsewhere);
 * `unreported` when setting the final status kept failing.
 */
export type ExecutionOutcome = 'succeeded' | 'failed' | 'retry' | 'lost' | 'unreported';

/** What `transition.work()` did. */
export interface WorkSummary {
  /** Executions taken from the API. */
  taken: number;
  /** Ended as succeeded with the handler's output. */
  succeeded: number;
  /** Ended as failed: the handler threw, returned something that is not an object, or was stopped with `onAbort: 'fail'`. */
  failed: number;
  /** Handed back to the API with status `retry` (`onAbort: 'retry'`). */
  retried: number;
  /** Executions the API ended before the worker could (timed out, or ended elsewhere). */
  lost: number;
  /** Ids of executions whose final status could not be sent; the API will time them out. */
  unreported: string[];
  /** Whether the `signal` stopped the work. */
  aborted: boolean;
  /** Milliseconds from start to return. */
  durationMs: number;
}

/** The API sets no limit on `error.message`; longer messages are cut to this many characters. */
export const MAX_ERROR_MESSAGE_LENGTH = 4096;
/** Default milliseconds between heartbeats. */
export const DEFAULT_HEARTBEAT_INTERVAL = 15_000;
/** Default failed asks for work in a row after which `transition.work()` gives up. */
export const DEFAULT_MAX_CONSECUTIVE_FAILURES = 10;
