/** In Node, a client's defaults come from the process environment and the credentials file. */
import type { Credentials } from '../../auth/credentials.js';
import { resolveCredentials } from '../../auth/resolve.js';

/** Credentials from the `LAS_*` environment variables, else the credentials file (see {@link resolveCredentials}). */
export function defaultCredentials(options: { profile?: string; fetch?: typeof fetch }): Credentials {
  return resolveCredentials(options);
}

/** The environment's `LAS_LOG`. */
export function environmentLogLevel(): string | undefined {
  return process.env.LAS_LOG;
}
