/** What one page request yields: the page's items and the token of the next page, if any. */
export interface PageData<T> {
  items: T[];
  nextToken?: string | null;
}

/** Fetches the page that starts at `nextToken` (the first page when undefined). */
export type PageFetcher<T> = (nextToken: string | undefined) => Promise<PageData<T>>;

/** One page of a list: its items and the way to the next. */
export class Page<T> implements AsyncIterable<T> {
  /** This page's items. */
  readonly items: T[];
  /** The token of the next page; undefined on the last page. */
  readonly nextToken: string | undefined;
  readonly #fetch: PageFetcher<T>;

  /** @internal */
  constructor(data: PageData<T>, fetch: PageFetcher<T>) {
    this.items = data.items;
    this.nextToken = data.nextToken ?? undefined;
    this.#fetch = fetch;
  }

  /** Whether another page follows this one. */
  hasNextPage(): boolean {
    return this.nextToken !== undefined;
  }

  /** The next page. Throws when there is none: check {@link hasNextPage} first. */
  nextPage(): PagePromise<T> {
    const token = this.nextToken;
    if (token === undefined) throw new RangeError('This is the last page: check hasNextPage() before nextPage()');
    return new PagePromise(this.#fetch, token);
  }

  /** Every item of this page and of every page after it. */
  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return new ItemWalk(this);
  }
}

/**
 * The walk over every item from a page on, fetching each next page when the one before is used
 * up. Written out rather than as nested async generators: those cost several promise hops per
 * item, and a list yields thousands. It behaves as they did: items in order (also to `next()`
 * calls that overlap), each page fetched once, and done for good after the last item, a failed
 * fetch (which rejects that `next()`), or `return()`.
 */
class ItemWalk<T> implements AsyncIterableIterator<T> {
  #page: Page<T> | undefined;
  #index = 0;
  #done = false;
  #loading: Promise<void> | undefined;
  readonly #first: (() => PromiseLike<Page<T>>) | undefined;

  /** From `start` on: a page in hand, or the way to the first page. */
  constructor(start: Page<T> | (() => PromiseLike<Page<T>>)) {
    if (start instanceof Page) this.#page = start;
    else this.#first = start;
  }

  async next(): Promise<IteratorResult<T, undefined>> {
    for (;;) {
      if (this.#done) return { value: undefined, done: true };
      const page = this.#page;
      if (page && this.#index < page.items.length) return { value: page.items[this.#index++], done: false };
      if (page && !page.hasNextPage()) {
        this.#done = true;
        continue;
      }
      try {
        await this.#advance(page);
      } catch (error) {
        this.#done = true;
        throw error;
      }
    }
  }

  async return(): Promise<IteratorResult<T, undefined>> {
    this.#done = true;
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  // One fetch per page, however many next() calls wait for it.
  async #advance(page: Page<T> | undefined): Promise<void> {
    this.#loading ??= this.#fetchAfter(page);
    await this.#loading;
  }

  async #fetchAfter(page: Page<T> | undefined): Promise<void> {
    try {
      this.#page = await (page ? page.nextPage() : this.#first!());
      this.#index = 0;
    } finally {
      this.#loading = undefined;
    }
  }
}

/**
 * The result of `list()`: `await` it for the first {@link Page}, or `for await` over it for every
 * item of every page. The first request is sent when either starts, not before.
 */
/* eslint-disable @typescript-eslint/promise-function-async -- then/catch/finally must hand back the page promise itself, as a Promise does */
export class PagePromise<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  readonly #fetch: PageFetcher<T>;
  readonly #token: string | undefined;
  #page: Promise<Page<T>> | undefined;

  /** @internal */
  constructor(fetch: PageFetcher<T>, nextToken?: string) {
    this.#fetch = fetch;
    this.#token = nextToken;
  }

  #load(): Promise<Page<T>> {
    this.#page ??= this.#fetch(this.#token).then((data) => new Page(data, this.#fetch));
    return this.#page;
  }

  then<R1 = Page<T>, R2 = never>(
    onFulfilled?: ((page: Page<T>) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#load().then(onFulfilled, onRejected);
  }

  /** Like `Promise.prototype.catch`. */
  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<Page<T> | R> {
    return this.#load().catch(onRejected);
  }

  /** Like `Promise.prototype.finally`. */
  finally(onFinally?: (() => void) | null): Promise<Page<T>> {
    return this.#load().finally(onFinally);
  }

  /** Every item of every page, fetched a page at a time. */
  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return new ItemWalk(() => this.#load());
  }

  /** Collects every item of every page into one array. */
  async toArray(): Promise<T[]> {
    const items: T[] = [];
    for await (const item of this) items.push(item);
    return items;
  }
}
/* eslint-enable @typescript-eslint/promise-function-async */
