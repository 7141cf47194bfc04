/** The report of a call once it has ended: its info log line and its onResponse hook. */
import type { LasError } from '../errors.js';
import type { Call } from './call.js';
import type { Telemetry } from './log.js';
import { readablePath } from './path.js';

/**
 * The call's info line and onResponse hook. A failed call is not logged at `warn`: its caller
 * gets the error, retries exhausted included, and a default that logs it too would say it twice.
 */
export function reportCall(telemetry: Telemetry, call: Call, error?: LasError): void {
  const durationMs = Math.round(performance.now() - call.started);
  const { method, path, attempts, status, requestId } = call;
  if (telemetry.informing) {
    const fields = [status !== undefined && `status=${status}`, error && `error=${error.name}`, `attempts=${attempts}`, `duration=${durationMs}ms`];
    if (requestId) fields.push(`requestId=${requestId}`);
    telemetry.info(`${method} ${readablePath(path)} ${fields.filter(Boolean).join(' ')}`);
  }
  if (attempts > 0) {
    telemetry.emit('onResponse', {
      method,
      path,
      attempt: attempts,
      durationMs,
      ...(status !== undefined && { status }),
      ...(requestId && { requestId }),
      ...(error && { error }),
    });
  }
}
