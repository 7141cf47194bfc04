import type { Clock } from './clock.js';

/**
 * Heartbeat deadlines of running transition executions, on the emulator's clock (which runs them
 * when the real time or a test's `clock.advance` reaches them), all cancelled by
 * {@link Deadlines.clearAll} so a closed emulator leaves nothing to keep a process (or jest) alive.
 */
export class Deadlines {
  readonly #cancels = new Map<string, () => void>();

  constructor(
    private readonly clock: Clock,
    private readonly onExpire: (id: string) => void,
  ) {}

  /** Sets (or moves) the deadline of `id` to `at` (epoch ms); a past time fires at once. */
  set(id: string, at: number): void {
    this.clear(id);
    const cancel = this.clock.at(at, () => {
      this.#cancels.delete(id);
      this.onExpire(id);
    });
    this.#cancels.set(id, cancel);
  }

  /** Cancels the deadline of `id`, if any. */
  clear(id: string): void {
    this.#cancels.get(id)?.();
    this.#cancels.delete(id);
  }

  /** Cancels every deadline. */
  clearAll(): void {
    for (const cancel of this.#cancels.values()) cancel();
    this.#cancels.clear();
  }
}
