/** Anything that can hand out a bearer token. */
export interface TokenProvider {
  /** Resolves to a bearer token that is valid now. */
  getAccessToken(): Promise<string>;
  /**
   * Forget `token`, which the API refused (401 or 403), so the next `getAccessToken()` gets a new
   * one; a provider that already holds another token may keep it.
   */
  invalidate?(token?: string): void;
}
