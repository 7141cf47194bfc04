/**
 * The entry point of a docker transition's image. The one module of the worker that builds a
 * `Las`: everything else takes the client or the transition it works with.
 */
import { ValidationError } from '../errors.js';
import { Las } from '../las.js';
import { checkWorkerOptions, reporter, runExecution, type RunResult } from './run-execution.js';
import { type ExecutionOutcome, type HandlerOptions, type TransitionHandler, type TransitionOutput } from './transition-work-types.js';

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
    const { heartbeatInterval, onAbort } = checkWorkerOptions('handleTransitionExecution', options);
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

function errorStack(error: unknown): string | undefined {
  const stack = (error as { stack?: unknown } | null | undefined)?.stack;
  return typeof stack === 'string' ? stack : undefined;
}
