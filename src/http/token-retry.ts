/**
 * Tokens for a call: one from the provider (given up on as soon as the call's signal aborts), and
 * the one more try with a fresh token after a 401 or 403.
 */
import type { TokenProvider } from '../auth/token-provider.js';
import { InvalidCredentialsError } from '../errors.js';
import type { Call } from './call.js';
import { aborted } from './error-mapping.js';
import type { Telemetry } from './log.js';

// The token each provider last handed out, to tell a newly fetched one in the debug log (never
// logged itself); per provider, as the sessions of `withOptions` share one.
const lastTokens = new WeakMap<TokenProvider, string>();

/**
 * `send(token)` with a token of `tokens`. A 401 or 403 gets one more try with a fresh token: a
 * token the server no longer knows (it restarted, the app client was revoked, a stale disk cache)
 * is answered 403 as often as 401. A refusal of the fresh token too is a real one: it is thrown.
 */
export async function withTokenRetry<T>(call: Call, tokens: TokenProvider, telemetry: Telemetry, send: (token: string) => Promise<T>): Promise<T> {
  const token = await tokenFor(call, tokens, telemetry);
  let refused: InvalidCredentialsError;
  try {
    return await send(token);
  } catch (error) {
    if (!(error instanceof InvalidCredentialsError)) throw error;
    refused = error;
  }
  // Concurrent requests rejected together must not each throw away the token another just fetched.
  let fresh = await tokenFor(call, tokens, telemetry);
  if (fresh === token) {
    tokens.invalidate?.(token);
    fresh = await tokenFor(call, tokens, telemetry);
  }
  // A provider that can only hand out the refused token again: sending it again cannot help.
  if (fresh === token) throw refused;
  return send(fresh);
}

/** A token, or an AbortError as soon as the call's signal aborts (the token request goes on for others). */
async function tokenFor(call: Call, tokens: TokenProvider, telemetry: Telemetry): Promise<string> {
  const started = telemetry.debugging ? performance.now() : 0;
  const { signal } = call.options;
  const token = await (signal ? untilAborted(tokens.getAccessToken(), signal, () => aborted(call)) : tokens.getAccessToken());
  if (token !== lastTokens.get(tokens)) {
    lastTokens.set(tokens, token);
    telemetry.debug(`token: a new access token, ready in ${Math.round(performance.now() - started)} ms`);
  }
  return token;
}

/** `promise`, or a rejection with `abortError()` as soon as `signal` aborts. */
async function untilAborted<T>(promise: Promise<T>, signal: AbortSignal, abortError: () => Error): Promise<T> {
  if (signal.aborted) throw abortError();
  let onAbort = () => {};
  const abort = new Promise<never>((_, reject) => {
    onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([promise, abort]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
