/**
 * Per-attempt instrumentation: the fetch each attempt of a call goes through counts the attempts,
 * tells the hooks and the debug log of each retry (why, and how long it waited), and notes the
 * status and request id of each answer, or why it got none.
 */
import { ConnectionError, TimeoutError, type LasError } from '../errors.js';
import { defaultTransport } from '#platform/transport.js';
import { requestIdOf, type Call } from './call.js';
import { aborted } from './error-mapping.js';
import type { Telemetry } from './log.js';
import { describeNetworkFailure } from './network-failure.js';
import { readablePath } from './path.js';

/** The fetch of one call's attempts, over `fetch` (the session's) or the SDK's transport. */
export function attemptFetch(call: Call, telemetry: Telemetry, fetch: typeof globalThis.fetch | undefined): typeof globalThis.fetch {
  return async (input, init) => {
    const attempt = ++call.attempts;
    const { method, path } = call;
    if (attempt === 1) telemetry.emit('onRequest', { method, path, attempt });
    else {
      const waited = Math.round(performance.now() - call.ended);
      const event = { method, path, attempt, durationMs: waited, ...outcome(call) };
      telemetry.debug(`${method} ${readablePath(path)} retry attempt=${attempt} after=${reasonOf(call)} waited=${waited}ms`);
      telemetry.emit('onRetry', event);
    }
    try {
      const response = await (fetch ?? defaultTransport())(input, init);
      call.status = response.status;
      call.requestId = requestIdOf(response.headers);
      call.failure = undefined;
      return response;
    } catch (error) {
      call.status = undefined;
      call.requestId = undefined;
      call.failure = attemptFailure(error, call, (input as Request).signal);
      throw error;
    } finally {
      call.ended = performance.now();
    }
  };
}

/** The status or failure of the call's last attempt, as hook event fields. */
function outcome(call: Call): { status?: number; requestId?: string; error?: LasError } {
  if (call.failure) return { error: call.failure };
  return { ...(call.status !== undefined && { status: call.status }), ...(call.requestId && { requestId: call.requestId }) };
}

function reasonOf(call: Call): string {
  return call.failure ? call.failure.name : String(call.status);
}

/** What an attempt that got no answer is called in the log and the hooks (never with the Request, which holds the token). */
function attemptFailure(error: unknown, call: Call, attemptSignal: AbortSignal | undefined): LasError {
  const { method } = call;
  const path = readablePath(call.path);
  if (call.options.signal?.aborted) return aborted(call);
  if (attemptSignal?.aborted) return new TimeoutError(`${method} ${path} attempt ${call.attempts} timed out`);
  const reason = describeNetworkFailure(error);
  return new ConnectionError(`${method} ${path} failed: ${reason}`, { cause: new Error(reason) });
}
