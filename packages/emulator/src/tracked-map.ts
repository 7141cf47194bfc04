/**
 * A Map that remembers what each key held before its first change since {@link TrackedMap.accept},
 * so the changes can be saved, or undone when saving them failed.
 */
export class TrackedMap<K, V> extends Map<K, V> {
  // Absent key: unchanged. undefined: the key was absent before.
  #before: Map<K, V | undefined> | undefined;

  override set(key: K, value: V): this {
    this.#remember(key);
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    if (this.has(key)) this.#remember(key);
    return super.delete(key);
  }

  override clear(): void {
    for (const key of this.keys()) this.#remember(key);
    super.clear();
  }

  /** The keys changed since the last {@link accept}, each with its value now (undefined: deleted). */
  changes(): [K, V | undefined][] {
    return [...(this.#before?.keys() ?? [])].map((key) => [key, this.get(key)]);
  }

  /** Takes the current values as the saved ones. */
  accept(): void {
    this.#before = undefined;
  }

  /** Puts back what each changed key held at the last {@link accept}. */
  undo(): void {
    const before = this.#before;
    this.#before = undefined;
    for (const [key, value] of before ?? []) {
      if (value === undefined) super.delete(key);
      else super.set(key, value);
    }
  }

  #remember(key: K): void {
    this.#before ??= new Map();
    if (!this.#before.has(key)) this.#before.set(key, this.get(key));
  }
}
