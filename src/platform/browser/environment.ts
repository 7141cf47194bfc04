/** A page has no environment or credentials file: its credentials and settings are given. */
import type { Credentials } from '../../auth/credentials.js';
import { MissingCredentialsError } from '../../errors.js';
import { inThisRuntime } from './runtime.js';

/** Refuses, saying what to pass. */
export function defaultCredentials(_options: { profile?: string; fetch?: typeof fetch }): Credentials {
  throw new MissingCredentialsError(
    `new Las: ${inThisRuntime()} there is no environment or credentials file to read (they need Node, Bun or Deno): pass credentials (new Credentials({ ... }), or new AuthorizationCodeCredentials({ clientId, authEndpoint, apiEndpoint, redirectUri }) in a page) or tokenProvider and apiEndpoint`,
  );
}

/** No `LAS_LOG` in a page. */
export function environmentLogLevel(): string | undefined {
  return undefined;
}
