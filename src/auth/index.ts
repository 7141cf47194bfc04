/** Credentials, their resolution from the environment or the credentials file, and token providers. */
export { Credentials } from './credentials.js';
export type { CredentialsInit } from './credentials.js';
export type { TokenProvider } from './token-provider.js';
export { resolveCredentials } from './resolve.js';
export type { ResolveCredentialsOptions } from './resolve.js';
