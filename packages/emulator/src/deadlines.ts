/**
 * Heartbeat deadlines of running transition executions: one timer each, all cancelled by
 * {@link Deadlines.clearAll} so a closed emulator leaves nothing to keep a process (or jest) alive.
 */
export class Deadlines {
  readonly #timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly onExpire: (id: string) => void) {}

  /** Sets (or moves) the deadline of `id` to `at` (epoch ms); a past time fires at once. */
  set(id: string, at: number): void {
    this.clear(id);
    const timer = setTimeout(
      () => {
        this.#timers.delete(id);
        this.onExpire(id);
      },
      Math.max(0, at - Date.now()),
    );
    // The HTTP server is what keeps an emulator process alive, not its pending deadlines.
    timer.unref();
    this.#timers.set(id, timer);
  }

  /** Cancels the deadline of `id`, if any. */
  clear(id: string): void {
    const timer = this.#timers.get(id);
    if (timer) clearTimeout(timer);
    this.#timers.delete(id);
  }

  /** Cancels every deadline. */
  clearAll(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }
}
