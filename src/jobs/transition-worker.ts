/**
 * Doing the work of transitions: `transition.work()` takes the pending executions of a manual
 * transition, {@link handleTransitionExecution} is the entry point of a docker transition's image.
 * Both keep each execution alive with heartbeats while its handler runs, and always try to end it
 * with a final status: an execution left `running` would only end when the API times it out.
 */
import {
  BadRequestError,
  ConnectionError,
  describeError,
  NotFoundError,
  PartialFailureError,
  ServerError,
  TimeoutError,
  TooManyRequestsError,
  ValidationError,
  WaitAbortedError,
} from '../errors.js';
import { path } from '../http/path.js';
import type { Session } from '../http/session.js';
import { Las } from '../las.js';
import type { UpdateTransitionExecutionOptions } from '../api/transition-executions.js';
import { TransitionExecution } from '../resources/transition-executions.js';
import type { Transition, TransitionHandle } from '../resources/transitions.js';
import { checkDuration, pollUntil, sleep } from './wait.js';

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

/** Options of {@link handleTransitionExecution}. */
export interface HandleTransitionExecutionOptions extends HandlerOptions {
  /** The client to use. Default `new Las()`: credentials from the `LAS_*` environment variables. */
  las?: Las;
  /** Where `TRANSITION_ID` and `EXECUTION_ID` are read. Default `process.env`. */
  env?: Record<string, string | undefined>;
  /** Set `process.exitCode` to the result's exit code. Default true. */
  setExitCode?: boolean;
  /** Where a line saying why the execution did not succeed is written. Default stderr. */
  log?: (line: string) => void;
}

/** What {@link handleTransitionExecution} did. */
export interface HandledTransitionExecution {
  /** The transition the execution belongs to. */
  transitionId: string;
  /** Id of the execution handled. */
  executionId: string;
  /** How the handling ended. */
  outcome: ExecutionOutcome;
  /** 0 when the execution succeeded, 1 otherwise. */
  exitCode: 0 | 1;
  /** Why the execution did not succeed. */
  message?: string;
}

/** The API sets no limit on `error.message`; longer messages are cut to this many characters. */
export const MAX_ERROR_MESSAGE_LENGTH = 4096;
/** Default milliseconds between heartbeats. */
export const DEFAULT_HEARTBEAT_INTERVAL = 15_000;
/** Default failed asks for work in a row after which `transition.work()` gives up. */
export const DEFAULT_MAX_CONSECUTIVE_FAILURES = 10;

const FINISH_ATTEMPTS = 4;
const FINISH_RETRY_DELAY = 250;
const ON_ABORT: readonly OnAbort[] = ['finish', 'fail', 'retry'];

/**
 * The loop behind `transition.work()`: takes executions (`POST /transitions/{id}/executions`)
 * while fewer than `concurrency` run, waits with backoff while there are none, runs each through
 * {@link runExecution}. A failed ask is reported and tried again after the backoff pause, up to
 * `maxConsecutiveFailures` in a row; an error no retry can fix ends the loop at once. Either way
 * the running executions end as `onAbort` says before the error is thrown.
 */
export async function workTransition<I, O extends TransitionOutput>(
  transition: TransitionHandle,
  session: Session,
  handler: TransitionHandler<I, O>,
  options: WorkOptions = {},
): Promise<WorkSummary> {
  const started = performance.now();
  const { signal, stopWhenIdle = false } = options;
  const concurrency = options.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new ValidationError(`transition.work: concurrency must be a whole number >= 1, got ${String(concurrency)}`);
  }
  const maxFailures = options.maxConsecutiveFailures ?? DEFAULT_MAX_CONSECUTIVE_FAILURES;
  if (!Number.isInteger(maxFailures) || maxFailures < 1) {
    throw new ValidationError(`transition.work: maxConsecutiveFailures must be a whole number >= 1, got ${String(maxFailures)}`);
  }
  const heartbeatInterval = checkDuration(options.heartbeatInterval, 'heartbeatInterval', DEFAULT_HEARTBEAT_INTERVAL, 1);
  const onAbort = checkOnAbort(options.onAbort);
  checkOnError(options.onError);
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
        )) as Transition);
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
          poll: async () => ask(async () => takeNext(session, transition.transitionId, halt.signal)),
          done: (taken) => taken instanceof TransitionExecution || (stopWhenIdle && taken === 'none'),
        },
        { ...pacing, signal: halt.signal },
      );
      if (!(next instanceof TransitionExecution)) break;
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
function isLoaded(transition: TransitionHandle): transition is Transition {
  return 'transitionType' in transition && transition.transitionType !== undefined;
}

/** Refuses a transition `work()` cannot or should not work on. */
function checkTransition(transition: Transition, heartbeatInterval: number): void {
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
 * The entry point of a docker transition's image: reads `TRANSITION_ID` and `EXECUTION_ID` from
 * the environment, gets the execution, runs `handler` on its input with heartbeats, and ends it
 * as succeeded with the output or as failed with the error's message. Sets `process.exitCode` to
 * 0 when the execution succeeded, 1 otherwise (also when this function throws).
 */
export async function handleTransitionExecution<I = Record<string, unknown>, O extends TransitionOutput = TransitionOutput>(
  handler: TransitionHandler<I, O>,
  options: HandleTransitionExecutionOptions = {},
): Promise<HandledTransitionExecution> {
  const setExitCode = options.setExitCode ?? true;
  try {
    const env = options.env ?? process.env;
    const transitionId = env.TRANSITION_ID;
    const executionId = env.EXECUTION_ID;
    if (!transitionId || !executionId) {
      const missing = [!transitionId && 'TRANSITION_ID', !executionId && 'EXECUTION_ID'].filter(Boolean).join(' and ');
      throw new ValidationError(
        `handleTransitionExecution: ${missing} not set; LAS sets both in the container of a docker transition's execution`,
      );
    }
    const heartbeatInterval = checkDuration(options.heartbeatInterval, 'heartbeatInterval', DEFAULT_HEARTBEAT_INTERVAL, 1);
    const onAbort = checkOnAbort(options.onAbort);
    checkOnError(options.onError);
    if (typeof handler !== 'function') throw new ValidationError('handleTransitionExecution: handler must be a function');
    let thrown: { error: unknown } | undefined;
    const report = reporter(options.onError, (error) => (thrown ??= { error }));
    const las = options.las ?? new Las();
    const execution = await las.transitions.ref(transitionId).executions.get(executionId);
    const result: RunResult =
      execution.status === 'running'
        ? await runExecution(execution, handler, {
            heartbeatInterval,
            stop: onAbort === 'finish' ? undefined : options.signal,
            onStop: onAbort === 'retry' ? 'retry' : 'failed',
            report,
          })
        : { outcome: 'lost', message: `the execution is already ${execution.status}` };
    if (thrown) throw thrown.error;
    const exitCode = result.outcome === 'succeeded' ? 0 : 1;
    if (exitCode !== 0) {
      const detail = errorStack(result.error) ?? result.message ?? '';
      (options.log ?? ((line) => process.stderr.write(`${line}\n`)))(`Transition execution ${executionId}: ${result.outcome}. ${detail}`.trim());
    }
    if (setExitCode) process.exitCode = exitCode;
    return { transitionId, executionId, outcome: result.outcome, exitCode, ...(result.message !== undefined && { message: result.message }) };
  } catch (error) {
    if (setExitCode) process.exitCode = 1;
    throw error;
  }
}

/** Cuts `message` to {@link MAX_ERROR_MESSAGE_LENGTH} characters, ending with `…` when cut. */
export function trimErrorMessage(message: string): string {
  if (message.length <= MAX_ERROR_MESSAGE_LENGTH) return message;
  let cut = MAX_ERROR_MESSAGE_LENGTH - 1;
  // Never split a surrogate pair: half an emoji is not valid UTF-16.
  const code = message.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${message.slice(0, cut)}…`;
}

// ---------------------------------------------------------------------------------------------

interface RunSettings {
  heartbeatInterval: number;
  /** Aborted when running handlers are to be given up. */
  stop?: AbortSignal;
  /** The status set when `stop` aborts before the handler has returned. */
  onStop: 'failed' | 'retry';
  /** Told of each failed heartbeat and final-status attempt. */
  report: Report;
}

type Report = (error: unknown, context: WorkErrorContext) => void;

interface RunResult {
  outcome: ExecutionOutcome;
  /** Why it did not succeed. */
  message?: string;
  /** What the handler threw, or why the final status could not be sent. */
  error?: unknown;
}

type Settled =
  | { kind: 'returned'; output: unknown }
  | { kind: 'threw'; error: unknown }
  | { kind: 'stopped' }
  | { kind: 'gone'; error: unknown };

/**
 * `POST /transitions/{id}/executions`: the next pending execution, or `none`. `signal` cancels the
 * request in flight (an execution the API handed out meanwhile goes back to it when its deadline passes).
 */
async function takeNext(session: Session, transitionId: string, signal: AbortSignal): Promise<TransitionExecution | 'none'> {
  let data: unknown;
  try {
    data = await session.post(path`/transitions/${transitionId}/executions`, {}, { signal });
  } catch (error) {
    // The API answers 404 when a manual transition has no pending execution.
    if (error instanceof NotFoundError) return 'none';
    throw error;
  }
  const id = (data as { executionId?: unknown } | undefined)?.executionId;
  return typeof id === 'string' ? TransitionExecution.fromApi(session, data) : 'none';
}

/** Runs `handler` on one execution with heartbeats, then sends its final status. Never rejects. */
async function runExecution<I, O extends TransitionOutput>(
  execution: TransitionExecution,
  handler: TransitionHandler<I, O>,
  settings: RunSettings,
): Promise<RunResult> {
  const handlerAbort = new AbortController();
  let settled: Settled;
  if (settings.stop?.aborted) settled = { kind: 'stopped' };
  else {
    let interrupt: (settled: Settled) => void = () => {};
    const interrupted = new Promise<Settled>((resolve) => (interrupt = resolve));
    const onStop = () => interrupt({ kind: 'stopped' });
    settings.stop?.addEventListener('abort', onStop, { once: true });
    const heartbeats = startHeartbeats(execution, settings.heartbeatInterval, settings.report, (error) => interrupt({ kind: 'gone', error }));
    const handled = (async () => handler(execution.input as I, execution, { signal: handlerAbort.signal }))().then(
      (output): Settled => ({ kind: 'returned', output }),
      (error: unknown): Settled => ({ kind: 'threw', error }),
    );
    try {
      settled = await Promise.race([handled, interrupted]);
    } finally {
      settings.stop?.removeEventListener('abort', onStop);
      await heartbeats.stop();
    }
  }

  switch (settled.kind) {
    case 'gone':
      handlerAbort.abort(settled.error);
      return { outcome: 'lost', message: `the API no longer takes a result for it: ${describeError(settled.error)}`, error: settled.error };
    case 'stopped': {
      const reason = describeError(settings.stop?.reason ?? 'the worker was stopped');
      handlerAbort.abort(settings.stop?.reason);
      if (settings.onStop === 'retry') return finish(execution, 'retry', {}, settings.report);
      const message = trimErrorMessage(`The worker stopped before the handler finished: ${reason}`);
      return finish(execution, 'failed', { error: { message } }, settings.report);
    }
    case 'threw': {
      const message = trimErrorMessage(describeError(settled.error));
      return { ...(await finish(execution, 'failed', { error: { message } }, settings.report)), error: settled.error };
    }
    case 'returned': {
      const output = settled.output ?? {};
      const problem = outputProblem(output);
      if (problem) return finish(execution, 'failed', { error: { message: trimErrorMessage(problem) } }, settings.report);
      return finish(execution, 'succeeded', { output: output as TransitionOutput }, settings.report);
    }
  }
}

/**
 * Sends `status`. When that fails, the failure is reported and the execution is read back: the
 * update may have landed though its answer was lost, or the API may have ended the execution
 * itself. Passing outages are tried again; an output the API refuses (it does not fit the
 * transition's output schema) fails the execution with the API's message.
 */
async function finish(
  execution: TransitionExecution,
  status: 'succeeded' | 'failed' | 'retry',
  options: UpdateTransitionExecutionOptions,
  report: Report,
): Promise<RunResult> {
  const message = options.error?.message;
  let lastError: unknown;
  for (let attempt = 0; attempt < FINISH_ATTEMPTS; attempt++) {
    if (attempt > 0) await sleep(FINISH_RETRY_DELAY * 2 ** (attempt - 1));
    try {
      await execution.update(status, options);
      return { outcome: status, ...(message !== undefined && { message }) };
    } catch (error) {
      lastError = error;
      report(error, { during: 'finish', consecutiveFailures: attempt + 1, executionId: execution.executionId });
    }
    const now = await statusNow(execution);
    if (now === 'gone') return { outcome: 'lost', message: 'the execution no longer exists', error: lastError };
    if (now !== undefined && now !== 'running') {
      return now === status
        ? { outcome: status, ...(message !== undefined && { message }) }
        : { outcome: 'lost', message: `the execution was already ${now}`, error: lastError };
    }
    if (status === 'succeeded' && now === 'running' && lastError instanceof BadRequestError) {
      const refused = trimErrorMessage(`The API refused the handler's output: ${describeError(lastError)}`);
      return finish(execution, 'failed', { error: { message: refused } }, report);
    }
    if (!isTransient(lastError)) break;
  }
  return { outcome: 'unreported', message: `its final status could not be sent: ${describeError(lastError)}`, error: lastError };
}

/** The execution's status as the API has it now; `gone` when it no longer exists; undefined when unknown. */
async function statusNow(execution: TransitionExecution): Promise<string | undefined> {
  try {
    await execution.refresh();
    return execution.status;
  } catch (error) {
    return error instanceof NotFoundError ? 'gone' : undefined;
  }
}

/**
 * Heartbeats every `interval` ms, each timed from the end of the one before so they never
 * overlap. Every failure is reported. A 404 or 400 means the API no longer runs the execution (it
 * timed out or was ended elsewhere): `onGone` is told and the beats stop. Other failures wait for
 * the next beat: the handler's work is not given up while the API may still take its result.
 */
function startHeartbeats(
  execution: TransitionExecution,
  interval: number,
  report: Report,
  onGone: (error: unknown) => void,
): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let beating: Promise<void> = Promise.resolve();
  let consecutiveFailures = 0;
  const beat = async () => {
    try {
      await execution.heartbeat();
      consecutiveFailures = 0;
    } catch (error) {
      report(error, { during: 'heartbeat', consecutiveFailures: ++consecutiveFailures, executionId: execution.executionId });
      if (error instanceof NotFoundError || error instanceof BadRequestError) {
        stopped = true;
        onGone(error);
        return;
      }
    }
    schedule();
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      beating = beat();
    }, interval);
  };
  schedule();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      // A final status sent while a heartbeat is in flight could be answered before it.
      await beating;
    },
  };
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

/** Why `output` cannot be an execution's output, or undefined when it can. */
function outputProblem(output: unknown): string | undefined {
  if (typeof output !== 'object' || output === null || Array.isArray(output)) {
    const got = Array.isArray(output) ? 'an array' : output === null ? 'null' : `a ${typeof output}`;
    return `The handler returned ${got}; the output of an execution is an object (or nothing, sent as {})`;
  }
  try {
    JSON.stringify(output);
  } catch (error) {
    return `The handler's output cannot be sent as JSON: ${describeError(error)}`;
  }
  return undefined;
}

/** A {@link Report} that calls `onError`, and hands what it throws to `onThrow` instead of to the request that failed. */
function reporter(onError: WorkErrorListener | undefined, onThrow: (error: unknown) => void): Report {
  return (error, context) => {
    if (!onError) return;
    try {
      onError(error, context);
    } catch (thrown) {
      onThrow(thrown);
    }
  };
}

function checkOnError(value: WorkErrorListener | undefined): void {
  if (value !== undefined && typeof value !== 'function') throw new ValidationError(`onError must be a function, got ${typeof value}`);
}

function checkOnAbort(value: OnAbort | undefined): OnAbort {
  if (value === undefined) return 'finish';
  if (!ON_ABORT.includes(value)) throw new ValidationError(`onAbort must be one of ${ON_ABORT.join(', ')}, got ${JSON.stringify(value)}`);
  return value;
}

function isTransient(error: unknown): boolean {
  return (
    error instanceof ServerError || error instanceof TooManyRequestsError || error instanceof ConnectionError || error instanceof TimeoutError
  );
}


function errorStack(error: unknown): string | undefined {
  const stack = (error as { stack?: unknown } | null | undefined)?.stack;
  return typeof stack === 'string' ? stack : undefined;
}
