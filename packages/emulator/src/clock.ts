/**
 * The emulator's own time. Each emulator has a {@link Clock}: the real time plus what a test has
 * advanced it by, and the work due at a time (heartbeat deadlines) run in order when the real time
 * or {@link Clock.advance} reaches it. The real `Date.now` and timer functions are taken when this
 * module is loaded, so fake timers a test installs later (jest, sinon) neither stall the emulator
 * nor see its timers.
 */
import { ValidationError } from 'las-sdk/errors';

const realNow: () => number = Date.now.bind(Date);
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;

/** The last epoch millisecond a Date holds. */
const MAX_DATE_MS = 8.64e15;

/** Longest delay a timer takes (about 24.8 days); a later task is re-armed when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface Task {
  at: number;
  seq: number;
  run: () => void;
}

// The clock of the emulator whose request or task is being run: synchronous code only, so no
// other emulator's work can run in between.
let current: Clock | undefined;

/** Epoch milliseconds by the clock of the emulator at work, else the real time. */
export function now(): number {
  return current ? current.now() : realNow();
}

/** Waits `ms` of real time, whatever timers a test faked. */
export async function realDelay(ms: number): Promise<void> {
  await new Promise((resolve) => realSetTimeout(resolve, ms));
}

/** One emulator's time, and the work due at a time. */
export class Clock {
  #offset = 0;
  // While advance() runs the work due, the time is that work's due time.
  #pinned: number | undefined;
  readonly #tasks: Task[] = [];
  #seq = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerAt = Infinity;

  /** Epoch milliseconds: the real time plus what the clock was advanced by. */
  now(): number {
    return this.#pinned ?? realNow() + this.#offset;
  }

  /** Runs `work` (synchronous) with this clock as the emulator's time: what it stamps reads {@link now}. */
  run<T>(work: () => T): T {
    const before = current;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the clock at work is this one, for now()
    current = this;
    try {
      return work();
    } finally {
      current = before;
    }
  }

  /** Runs `work` once this clock reaches `at` (epoch ms); a past time runs at the next tick. Returns the cancel function. */
  at(at: number, work: () => void): () => void {
    const task: Task = { at, seq: ++this.#seq, run: work };
    // Kept sorted by time, then by order of scheduling.
    let index = this.#tasks.length;
    while (index > 0 && this.#tasks[index - 1].at > at) index--;
    this.#tasks.splice(index, 0, task);
    this.#arm();
    return () => {
      const found = this.#tasks.indexOf(task);
      if (found >= 0) this.#tasks.splice(found, 1);
    };
  }

  /**
   * Moves the time `ms` forward, running everything due on the way in order of its time, each
   * seeing its own due time as the time. Resolves once it has.
   */
  async advance(ms: number): Promise<void> {
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
      throw new ValidationError(`clock.advance(ms): ms must be a finite number of milliseconds >= 0, got ${String(ms)}`);
    }
    const target = this.now() + ms;
    // Past it a Date is invalid, and every timestamp the emulator writes would throw.
    if (target > MAX_DATE_MS) throw new ValidationError(`clock.advance(ms): ms takes the time past the last date a Date holds (${MAX_DATE_MS})`);
    try {
      this.#runDue(target, true);
    } finally {
      this.#pinned = undefined;
      this.#offset = target - realNow();
      // The real timer was set for the old time.
      this.#disarm();
      this.#arm();
    }
  }

  /** Drops every scheduled task and its timer. */
  close(): void {
    this.#tasks.length = 0;
    this.#disarm();
  }

  #runDue(until: number, pin: boolean): void {
    while (this.#tasks.length > 0 && this.#tasks[0].at <= until) {
      const task = this.#tasks.shift() as Task;
      if (pin) this.#pinned = Math.max(this.now(), task.at);
      this.run(task.run);
    }
  }

  // One real timer, for the earliest task; it does not keep the process alive.
  #arm(): void {
    const first = this.#tasks[0];
    if (!first) return this.#disarm();
    if (this.#timer !== undefined && this.#timerAt <= first.at) return;
    this.#disarm();
    this.#timerAt = first.at;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, first.at - this.now()));
    this.#timer = realSetTimeout(() => {
      this.#timer = undefined;
      this.#timerAt = Infinity;
      if (this.#pinned === undefined) this.#runDue(this.now(), false);
      this.#arm();
    }, delay);
    this.#timer.unref?.();
  }

  #disarm(): void {
    if (this.#timer !== undefined) realClearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerAt = Infinity;
  }
}
