/**
 * Running one execution, for `transition.work()` and `handleTransitionExecution()` alike: the
 * handler runs while heartbeats keep the execution alive, and the execution always gets a final
 * status, tried again through outages: one left `running` would only end when the API times it out.
 */
import { BadRequestError, describeError, NotFoundError } from '../errors.js';
import type { UpdateTransitionExecutionOptions } from '../api/transition-executions.js';
import type { TransitionExecution } from '../resources/transition-executions.js';
import { sleep } from './wait.js';
import { isTransient } from './failures.js';
import { checkOption, option } from '../options.js';
import { jsonProblem } from '../schema/index.js';
import {
  MAX_ERROR_MESSAGE_LENGTH,
  type ExecutionOutcome,
  type OnAbort,
  type TransitionHandler,
  type TransitionOutput,
  type WorkErrorContext,
  type WorkErrorListener,
  type WorkOptions,
  DEFAULT_HEARTBEAT_INTERVAL,
} from './transition-work-types.js';

const FINISH_ATTEMPTS = 4;
const FINISH_RETRY_DELAY = 250;
const ON_ABORT: readonly OnAbort[] = ['finish', 'fail', 'retry'];

/** How {@link runExecution} runs one execution. */
export interface RunSettings {
  /** Milliseconds between heartbeats. */
  heartbeatInterval: number;
  /** Aborted when running handlers are to be given up. */
  stop?: AbortSignal;
  /** The status set when `stop` aborts before the handler has returned. */
  onStop: 'failed' | 'retry';
  /** Told of each failed heartbeat and final-status attempt. */
  report: Report;
}

/** Tells `onError` of one failed request; see {@link reporter}. */
export type Report = (error: unknown, context: WorkErrorContext) => void;

/** How one execution ended. */
export interface RunResult {
  /** What became of the execution. */
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

/** Cuts `message` to {@link MAX_ERROR_MESSAGE_LENGTH} characters, ending with `…` when cut. */
export function trimErrorMessage(message: string): string {
  if (message.length <= MAX_ERROR_MESSAGE_LENGTH) return message;
  let cut = MAX_ERROR_MESSAGE_LENGTH - 1;
  // Never split a surrogate pair: half an emoji is not valid UTF-16.
  const code = message.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${message.slice(0, cut)}…`;
}

/** Runs `handler` on one execution with heartbeats, then sends its final status. Never rejects. */
export async function runExecution<I, O extends TransitionOutput>(
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
  let timer: ReturnType<typeof setTimeout> | undefined;
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

/** Why `output` cannot be an execution's output, or undefined when it can. */
function outputProblem(output: unknown): string | undefined {
  if (typeof output !== 'object' || output === null || Array.isArray(output)) {
    const got = Array.isArray(output) ? 'an array' : output === null ? 'null' : `a ${typeof output}`;
    return `The handler returned ${got}; the output of an execution is an object (or nothing, sent as {})`;
  }
  const problem = jsonProblem(output, 'output');
  return problem && `The handler's output cannot be sent as JSON: ${problem}`;
}

/** A {@link Report} that calls `onError`, and hands what it throws to `onThrow` instead of to the request that failed. */
export function reporter(onError: WorkErrorListener | undefined, onThrow: (error: unknown) => void): Report {
  return (error, context) => {
    if (!onError) return;
    try {
      onError(error, context);
    } catch (thrown) {
      onThrow(thrown);
    }
  };
}

/** The options of a worker every worker checks alike, checked: `heartbeatInterval` and `onAbort` with their defaults, and `onError`. */
export function checkWorkerOptions(owner: string, options: Pick<WorkOptions, 'heartbeatInterval' | 'onAbort' | 'onError'>) {
  return {
    heartbeatInterval: checkOption(owner, 'heartbeatInterval', options.heartbeatInterval, option.duration(1), DEFAULT_HEARTBEAT_INTERVAL),
    onAbort: checkOption(owner, 'onAbort', options.onAbort, option.oneOf(ON_ABORT), 'finish'),
    onError: checkOption(owner, 'onError', options.onError, option.function),
  };
}
