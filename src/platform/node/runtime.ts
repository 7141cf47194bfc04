/** What messages call the runtime of the full build (Node, Bun or Deno), found by its globals. */

/** "in Bun", "in Deno" or "in Node". */
export function inThisRuntime(): string {
  // Messages only: nothing else depends on it.
  if ('Bun' in globalThis) return 'in Bun';
  if ('Deno' in globalThis) return 'in Deno';
  return 'in Node';
}
