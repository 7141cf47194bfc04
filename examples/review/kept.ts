/**
 * What outlives a reload, a second tab and a sign-in: the execution a reviewer has on screen (in
 * `localStorage`, so every tab of theirs gets the same one back) and their unsent edits of it
 * (in `sessionStorage`, keyed by execution).
 */

/**
 * The execution a reviewer is working on, per user and transition: people who share a browser
 * never get each other's. Without a user (no ID token) nothing is kept.
 */
export class KeptWork {
  readonly #key: string | undefined;

  constructor(userId: string | undefined, transitionId: string) {
    this.#key = userId === undefined ? undefined : `las-review:${userId}:${transitionId}:execution`;
  }

  /** The id of the execution the reviewer had, if any. */
  get executionId(): string | undefined {
    return this.#key === undefined ? undefined : (read(localStorage, this.#key) ?? undefined);
  }

  /** Remembers the execution taken. */
  keep(executionId: string): void {
    if (this.#key !== undefined) write(localStorage, this.#key, executionId);
  }

  /** Forgets the execution and its edits: it was sent, handed back or is gone. */
  forget(executionId: string): void {
    if (this.#key !== undefined && this.executionId === executionId) remove(localStorage, this.#key);
    remove(sessionStorage, editsKey(executionId));
  }
}

/** The reviewer's unsent values of an execution's fields. */
export function keptEdits(executionId: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(read(sessionStorage, editsKey(executionId)) ?? '{}');
    return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** Keeps the values now in the form. */
export function keepEdits(executionId: string, values: Record<string, string>): void {
  write(sessionStorage, editsKey(executionId), JSON.stringify(values));
}

function editsKey(executionId: string): string {
  return `las-review:edits:${executionId}`;
}

// Storage can be disabled (privacy settings): the page then works without keeping anything.
function read(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function write(storage: Storage, key: string, value: string): void {
  try {
    storage.setItem(key, value);
  } catch {
    // full or disabled: nothing kept
  }
}

function remove(storage: Storage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // disabled: nothing was kept
  }
}
