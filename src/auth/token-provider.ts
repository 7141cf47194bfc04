/** Anything that can hand out a bearer token. */
export interface TokenProvider {
  /** Resolves to a bearer token that is valid now. */
  getAccessToken(): Promise<string>;
  /** Forget a cached token (called after a 401). */
  invalidate?(): void;
}
