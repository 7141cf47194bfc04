/** A page has no environment or credentials file: its credentials and settings are given. */
import type { Credentials } from '../../auth/credentials.js';
import { MissingCredentialsError } from '../../errors.js';

/** Refuses, saying what to pass. */
export function defaultCredentials(_options: { profile?: string; fetch?: typeof fetch }): Credentials {
  throw new MissingCredentialsError(
    'new Las: in a browser, pass credentials (new AuthorizationCodeCredentials({ clientId, authEndpoint, apiEndpoint, redirectUri })) or tokenProvider and apiEndpoint; there is no environment or credentials file to read',
  );
}

/** No `LAS_LOG` in a page. */
export function environmentLogLevel(): string | undefined {
  return undefined;
}
