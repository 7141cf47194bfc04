/** What the messages of the browser build call the runtime they run in, found by its globals. */

/** "in workerd (Cloudflare Workers)" or "in a browser". */
export function inThisRuntime(): string {
  // WebSocketPair is workerd's own global; a page has a document. Messages only: nothing else depends on it.
  if ('WebSocketPair' in globalThis) return 'in workerd (Cloudflare Workers)';
  if ('document' in globalThis) return 'in a browser';
  return 'in this runtime (a browser build: no Node APIs)';
}
