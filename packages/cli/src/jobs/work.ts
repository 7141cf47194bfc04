/**
 * `las transitions work TRANSITION_ID -- COMMAND [ARGS...]`: `transition.work()` where each
 * execution runs COMMAND with its input as JSON on stdin; COMMAND's stdout (a JSON object) is the
 * output, a non-zero exit fails the execution with COMMAND's stderr (the SDK cuts it to the API's
 * limit). Ctrl+C or SIGTERM: the running executions finish, no new one is taken.
 */
import { spawn } from 'node:child_process';
import type { Context } from '../context.js';
import { EXIT, ExitCode } from '../errors.js';
import { sayWhenStopping } from './interrupt.js';

/** Options of {@link work}. */
export interface WorkCommandOptions {
  concurrency: number;
  stopWhenIdle: boolean;
  /** Seconds. */
  pollInterval: number;
}

/** Most of COMMAND's stderr kept in memory; the API takes 4096 characters of it anyway. */
const MAX_STDERR = 64 * 1024;
/** Most of COMMAND's stdout kept: the output JSON. */
const MAX_STDOUT = 16 * 1024 * 1024;

/**
 * Works on the transition until stopped (or idle with `stopWhenIdle`); prints the summary. Exit 1
 * when any execution failed, was lost or left unreported; 130 when stopped, whatever the rest.
 */
export async function work(c: Context, transitionId: string, command: string[], options: WorkCommandOptions): Promise<void> {
  const las = await c.las();
  const transition = las.transitions.ref(transitionId);
  c.note(`Working on ${transitionId} with ${command.join(' ')} (${options.concurrency} at a time); Ctrl+C to stop after the running executions`);
  const unlisten = sayWhenStopping(c, () => 'no new executions; the running ones finish first');
  const summary = await transition.work(
    async (input, execution, { signal }) => {
      const started = performance.now();
      try {
        const output = await runCommand(command, input, { ...c.io.env, TRANSITION_ID: transitionId, EXECUTION_ID: execution.executionId }, signal);
        c.note(`${execution.executionId}: succeeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        return output;
      } catch (error) {
        c.note(`${execution.executionId}: failed: ${(error as Error).message.split('\n')[0]}`);
        throw error;
      }
    },
    {
      concurrency: options.concurrency,
      stopWhenIdle: options.stopWhenIdle,
      pollInterval: Math.max(1, Math.round(options.pollInterval * 1000)),
      onAbort: 'finish',
      ...(c.signal && { signal: c.signal }),
    },
  ).finally(unlisten);
  c.note(
    `Took ${summary.taken} executions: ${summary.succeeded} succeeded, ${summary.failed} failed, ${summary.lost} lost` +
      `${summary.unreported.length ? `, ${summary.unreported.length} unreported (${summary.unreported.join(', ')})` : ''}${summary.aborted ? '; stopped' : ''}.`,
  );
  const format = c.globals.output ?? (c.interactive ? 'table' : 'json');
  if (format === 'json') c.io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  if (summary.aborted) throw new ExitCode(EXIT.interrupted);
  if (summary.failed + summary.lost + summary.unreported.length > 0) throw new ExitCode(EXIT.refused);
}

/**
 * Runs COMMAND with `input` as JSON on its stdin; resolves to the JSON object it prints, rejects
 * with its stderr when it exits non-zero. COMMAND gets its own process group, so a Ctrl+C meant
 * for `las` lets it finish; `signal` (the SDK giving up on the execution) terminates it.
 */
export async function runCommand(command: string[], input: unknown, env: Record<string, string | undefined>, signal: AbortSignal): Promise<Record<string, unknown>> {
  const [file, ...args] = command;
  const child = spawn(file, args, { env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  const kill = () => child.kill('SIGTERM');
  signal.addEventListener('abort', kill, { once: true });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    if (stdout.length < MAX_STDOUT) stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < MAX_STDERR) stderr += chunk;
  });
  // A command that does not read its input closes the pipe early: that is its business.
  child.stdin.on('error', () => undefined);
  child.stdin.end(JSON.stringify(input));
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>((resolve) => {
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
    child.once('close', (code, killedBy) => resolve({ code, signal: killedBy }));
  });
  signal.removeEventListener('abort', kill);
  if (exit.error) throw new Error(`could not run ${file}: ${exit.error.message}`);
  if (exit.code !== 0) {
    const how = exit.signal ? `was killed by ${exit.signal}` : `exited with ${exit.code}`;
    throw new Error(stderr.trim() || `${command.join(' ')} ${how} and wrote nothing on stderr`);
  }
  let output: unknown;
  try {
    output = stdout.trim() === '' ? {} : JSON.parse(stdout);
  } catch (error) {
    throw new Error(`${command.join(' ')} printed what is not JSON on stdout (${(error as Error).message})`);
  }
  if (output === null || typeof output !== 'object' || Array.isArray(output)) {
    throw new Error(`${command.join(' ')} printed JSON that is not an object; the output of an execution is an object`);
  }
  return output as Record<string, unknown>;
}
