/** A browser has no disk cache of tokens: sign-in tokens live in the storage of AuthorizationCodeCredentials. */

/** Why `useCache` cannot be used here. */
export const tokenCacheProblem: string | undefined = 'the token cache is a file in the home folder, kept in Node, Bun and Deno only (not in a browser or workerd)';

/** Always empty. */
export function readCache(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

/** Nothing to write to. */
export function writeCache(_cache: Record<string, unknown>): void {}
