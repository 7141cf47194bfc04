/** `las workflows wait`: `execution.wait()`; exit 0 succeeded, 1 failed/rejected/error, 124 timed out. */
import { WaitTimeoutError } from 'las-sdk/errors';
import type { Context } from '../context.js';
import { EXIT, ExitCode } from '../errors.js';

/** Waits for the execution to end and prints it. */
export async function wait(c: Context, workflowId: string, executionId: string, options: { timeout?: number; pollInterval: number }): Promise<void> {
  const execution = (await c.las()).workflows.ref(workflowId).executions.ref(executionId);
  let ended;
  try {
    ended = await execution.wait({
      pollInterval: Math.max(1, Math.round(options.pollInterval * 1000)),
      ...(options.timeout !== undefined && { timeout: Math.round(options.timeout * 1000) }),
      ...(c.signal && { signal: c.signal }),
    });
  } catch (error) {
    if (!(error instanceof WaitTimeoutError)) throw error;
    c.note(`las: ${error.message}`);
    throw new ExitCode(EXIT.timedOut);
  }
  await c.print(ended);
  if (ended.status !== 'succeeded') throw new ExitCode(EXIT.refused);
}
