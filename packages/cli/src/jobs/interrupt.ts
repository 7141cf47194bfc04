/**
 * What a long job says on Ctrl+C or SIGTERM. A job that registers here also tells the bin it
 * handles the interrupt (the bin quits at once when nothing listens to the run's signal).
 */
import type { Context } from '../context.js';
import { InterruptedError } from '../errors.js';

/** Prints "stopping: …" with `what` (what the job does now) once the run's signal aborts; returns the unregistering function. */
export function sayWhenStopping(c: Context, what: () => string): () => void {
  const signal = c.signal;
  if (!signal) return () => undefined;
  const say = () => {
    const by = signal.reason instanceof InterruptedError ? `${signal.reason.by}: ` : '';
    c.note(`\n${by}stopping: ${what()} (Ctrl+C again to quit at once)`);
  };
  signal.addEventListener('abort', say, { once: true });
  return () => signal.removeEventListener('abort', say);
}
