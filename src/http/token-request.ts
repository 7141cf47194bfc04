import { toBase64 } from '#platform/base64.js';
import { defaultTransport } from '#platform/transport.js';
import type { HTTPError } from 'ky';
import { ApiError, ConnectionError, LasError, TimeoutError } from '../errors.js';

/** What {@link requestClientCredentialsToken} needs. */
export interface TokenRequestOptions {
  /** Full token URL, e.g. `https://auth.lucidtech.ai/token`. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  fetch?: typeof fetch;
  /** Per-attempt timeout in ms (default 30000). */
  timeoutMs?: number;
}

/** A token as the auth server handed it out. */
export interface TokenResponse {
  accessToken: string;
  /** Lifetime in seconds. */
  expiresIn: number;
}

const DEFAULT_EXPIRES_IN = 3600;

/**
 * `POST <tokenUrl>?grant_type=client_credentials` with HTTP Basic auth (OAuth2 client credentials).
 * Throws {@link ApiError} subclasses (401/403: `InvalidCredentialsError`), {@link TimeoutError} or
 * {@link ConnectionError}; none of them carries the secret or the request that held it.
 */
export async function requestClientCredentialsToken(opts: TokenRequestOptions): Promise<TokenResponse> {
  const basic = toBase64(new TextEncoder().encode(`${opts.clientId}:${opts.clientSecret}`));
  // Loaded at the first token request, not with Credentials: the emulator hands out Credentials
  // and must not load the HTTP client.
  const { default: ky, HTTPError, TimeoutError: KyTimeoutError } = await import('ky');
  let reply: { access_token?: unknown; expires_in?: unknown };
  try {
    reply = await ky
      .post(opts.tokenUrl, {
        searchParams: { grant_type: 'client_credentials' },
        headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
        timeout: opts.timeoutMs ?? 30_000,
        retry: {
          limit: 2,
          methods: ['post'],
          statusCodes: [429, 500, 502, 503, 504],
          maxRetryAfter: 10_000,
          // Connection failures are left to the caller: retrying them would stall for seconds with no reply.
          shouldRetry: ({ error }) => (error instanceof HTTPError ? undefined : false),
        },
        // The SDK's transport, as the API's requests: through the environment's proxy where the runtime has one.
        fetch: opts.fetch ?? defaultTransport(),
      })
      .json();
  } catch (error) {
    const timedOut = error instanceof KyTimeoutError;
    throw toLasError(error instanceof HTTPError ? error : undefined, timedOut, error, opts.tokenUrl, [opts.clientSecret, basic]);
  }
  if (!reply || typeof reply.access_token !== 'string' || reply.access_token === '') {
    throw new LasError(`POST ${opts.tokenUrl} replied without an access_token`);
  }
  const expiresIn = Number(reply.expires_in ?? DEFAULT_EXPIRES_IN);
  return { accessToken: reply.access_token, expiresIn: Number.isFinite(expiresIn) ? expiresIn : DEFAULT_EXPIRES_IN };
}

// ky errors hold the Request and its Authorization header: never pass them on as `cause`.
function toLasError(httpError: HTTPError | undefined, timedOut: boolean, error: unknown, tokenUrl: string, secrets: string[]): LasError {
  if (httpError) {
    const headers = httpError.response.headers;
    return ApiError.from({
      status: httpError.response.status,
      method: 'POST',
      url: tokenUrl,
      body: scrub(httpError.data, secrets),
      requestId: headers.get('x-amzn-requestid') ?? headers.get('x-request-id') ?? undefined,
    });
  }
  if (timedOut) return new TimeoutError(`POST ${tokenUrl} timed out`);
  if (error instanceof SyntaxError) return new LasError(`POST ${tokenUrl} replied with invalid JSON`);
  const reason = scrub(rootMessage(error), secrets) as string;
  return new ConnectionError(`Could not reach the token endpoint ${tokenUrl}${reason ? `: ${reason}` : ''}`);
}

function rootMessage(error: unknown): string {
  let current = error;
  for (let depth = 0; depth < 5 && current instanceof Error && current.cause !== undefined; depth++) {
    current = current.cause;
  }
  return current instanceof Error ? current.message : '';
}

// A misbehaving server could echo the credentials back; keep them out of what we show.
function scrub(value: unknown, secrets: string[]): unknown {
  const leaks = (text: string) => secrets.some((secret) => secret !== '' && text.includes(secret));
  if (typeof value === 'string') return leaks(value) ? '[withheld: it contained the credentials]' : value;
  if (value !== undefined && leaks(JSON.stringify(value) ?? '')) return '[withheld: it contained the credentials]';
  return value;
}
