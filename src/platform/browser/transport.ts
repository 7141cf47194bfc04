/** In a browser, requests go through the page's own fetch. */

/** The global fetch, looked up at each call (a page or test may replace it after import). */
export function defaultTransport(): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
  return async (input, init) => globalThis.fetch(input, init);
}
