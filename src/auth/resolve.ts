import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MissingCredentialsError, ValidationError } from '../errors.js';
import { Credentials, type CredentialsInit } from './credentials.js';
import { parseIni } from './ini.js';
import { API_VERSIONS, isApiVersion, type ApiVersion } from '../api/versions/index.js';

/** Where {@link resolveCredentials} looks, and what it passes on. */
export interface ResolveCredentialsOptions {
  /** Returned as is when given. */
  credentials?: Credentials;
  /** Section of the credentials file (default `default`); also the token cache key. */
  profile?: string;
  /** Environment to read (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** Passed on to the resolved {@link Credentials} for their token requests. */
  fetch?: typeof fetch;
}

const ENV_VARS = ['LAS_CLIENT_ID', 'LAS_CLIENT_SECRET', 'LAS_AUTH_ENDPOINT', 'LAS_API_ENDPOINT'] as const;
const FILE_KEYS = ['client_id', 'client_secret', 'auth_endpoint', 'api_endpoint'] as const;

/**
 * Finds credentials: the `credentials` option, else the `LAS_*` environment variables (when all four
 * are set), else the profile's section of the INI file at `LAS_CREDENTIALS_FILE` or
 * `~/.lucidtech/credentials.cfg`. Their API version is `LAS_API_VERSION`, else the section's
 * `api_version`, else not said. Throws {@link MissingCredentialsError} naming every source tried.
 */
export function resolveCredentials(options: ResolveCredentialsOptions = {}): Credentials {
  if (options.credentials) return options.credentials;
  const env = options.env ?? process.env;
  const profile = options.profile ?? 'default';
  const pass = { profile, ...(options.fetch && { fetch: options.fetch }) };

  const missingVars = ENV_VARS.filter((name) => !env[name]);
  if (missingVars.length === 0) {
    return credentialsFrom('The LAS_* environment variables', {
      clientId: env.LAS_CLIENT_ID!,
      clientSecret: env.LAS_CLIENT_SECRET!,
      authEndpoint: env.LAS_AUTH_ENDPOINT!,
      apiEndpoint: env.LAS_API_ENDPOINT!,
      ...(env.LAS_API_KEY && { apiKey: env.LAS_API_KEY }),
      ...apiVersionFrom(env.LAS_API_VERSION, 'LAS_API_VERSION', 'The LAS_* environment variables'),
      ...pass,
    });
  }

  const file = env.LAS_CREDENTIALS_FILE || path.join(os.homedir(), '.lucidtech', 'credentials.cfg');
  let fileProblem: string;
  const text = readText(file);
  if (typeof text !== 'string') {
    fileProblem = text.problem;
  } else {
    const section = parseIni(text)[profile];
    if (section) {
      const missingKeys = FILE_KEYS.filter((key) => !section[key]);
      if (missingKeys.length > 0) {
        throw new MissingCredentialsError(
          `Credentials file ${file}: section [${profile}] lacks ${missingKeys.join(', ')} ` +
            `(it needs ${FILE_KEYS.join(', ')}; api_key, api_version and use_cache are optional)`,
        );
      }
      return credentialsFrom(`Credentials file ${file}, section [${profile}]`, {
        clientId: section.client_id,
        clientSecret: section.client_secret,
        authEndpoint: section.auth_endpoint,
        apiEndpoint: section.api_endpoint,
        ...(section.api_key && { apiKey: section.api_key }),
        ...(env.LAS_API_VERSION
          ? apiVersionFrom(env.LAS_API_VERSION, 'LAS_API_VERSION', 'The environment')
          : apiVersionFrom(section.api_version, 'api_version', `Credentials file ${file}, section [${profile}]`)),
        useCache: /^(true|yes|1|on)$/i.test(section.use_cache ?? ''),
        ...pass,
      });
    }
    fileProblem = `it has no [${profile}] section`;
  }

  throw new MissingCredentialsError(
    'No LAS credentials found. Tried, in order:\n' +
      '  1. the `credentials` option: not given\n' +
      `  2. environment variables ${ENV_VARS.join(', ')}: ${missingVars.join(', ')} not set\n` +
      `  3. credentials file ${file}: ${fileProblem}\n` +
      'To fix: pass `credentials`, set all four environment variables, ' +
      `or write a [${profile}] section with ${FILE_KEYS.join(', ')} to ${file}.`,
  );
}

/**
 * `{ apiVersion }` from a variable or file key, `{}` when it is not set; a value that is no API
 * version is refused naming the variable or key (the value may be anything: it is not echoed).
 */
function apiVersionFrom(value: string | undefined, name: string, source: string): { apiVersion?: ApiVersion } {
  if (value === undefined || value.trim() === '') return {};
  if (!isApiVersion(value.trim())) throw new ValidationError(`${source}: ${name} must be one of ${API_VERSIONS.join(', ')}`);
  return { apiVersion: value.trim() as ApiVersion };
}

// A bad value names its source: the field names alone do not say which file or variable to fix.
function credentialsFrom(source: string, init: CredentialsInit): Credentials {
  try {
    return new Credentials(init);
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError(`${source}: ${error.message}`);
    throw error;
  }
}

function readText(file: string): string | { problem: string } {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? 'file not found' : `could not be read (${code ?? 'unknown error'})` };
  }
}
