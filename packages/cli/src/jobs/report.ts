/** The end of a long job: each failure once, on stderr, and the job's report on stdout as `--output` says. */
import type { Context } from '../context.js';
import { printOne } from '../output.js';

/**
 * Lists each failure with its reason on stderr, the one place failures are printed; then prints
 * `report` (json) or the ids of what was done (ids) on stdout. A table adds nothing to the
 * summary a person reads on stderr, so `table` prints nothing more.
 */
export async function printFailures(
  c: Context,
  failures: readonly { reason: string; [key: string]: unknown }[],
  key: string,
  report: object,
  done: readonly { id: string }[],
): Promise<void> {
  if (failures.length > 0) {
    c.note(`Failed (${failures.length}):`);
    for (const failure of failures) c.note(`  ${String(failure[key])}: ${failure.reason}`);
  }
  const format = c.globals.output ?? (c.interactive ? 'table' : 'json');
  if (format === 'json') await printOne(c.io.stdout, 'json', report);
  else if (format === 'ids') for (const item of done) c.io.stdout.write(`${item.id}\n`);
}
