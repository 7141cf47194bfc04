import { Page, PagePromise, type PageData } from '../../src/http/pagination.js';
import { Session } from '../../src/http/session.js';
import { Document, Documents } from '../../src/resources/documents.js';
import { fixture } from '../helpers/fixtures.js';
import { serverCredentials, startServer, type TestServer } from '../helpers/server.js';

/** Pages of numbers: page `p` holds `sizes[p]` items; the fetcher records each token it is asked for. */
function pages(sizes: number[], fail?: { at: string; error: Error }) {
  const asked: (string | undefined)[] = [];
  let next = 0;
  const start = sizes.map((size) => {
    const first = next;
    next += size;
    return first;
  });
  const fetch = async (token: string | undefined): Promise<PageData<number>> => {
    asked.push(token);
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (fail && token === fail.at) throw fail.error;
    const page = token === undefined ? 0 : Number(token.slice(1));
    return {
      items: Array.from({ length: sizes[page] }, (_, i) => start[page] + i),
      nextToken: page + 1 < sizes.length ? `p${page + 1}` : null,
    };
  };
  return { asked, fetch };
}

describe('walking every item', () => {
  test('every item of every page in order, each page fetched once, empty pages passed over', async () => {
    const { asked, fetch } = pages([3, 0, 2, 0, 0, 4]);
    const items: number[] = [];
    for await (const item of new PagePromise(fetch)) items.push(item);
    expect(items).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(asked).toEqual([undefined, 'p1', 'p2', 'p3', 'p4', 'p5']);
  });

  test('await then for await: the first page is fetched once for both', async () => {
    const { asked, fetch } = pages([2, 2]);
    const list = new PagePromise(fetch);
    const first = await list;
    expect(first.items).toEqual([0, 1]);
    await expect(list.toArray()).resolves.toEqual([0, 1, 2, 3]);
    expect(asked).toEqual([undefined, 'p1']);
  });

  test('from a page on: that page and the ones after it', async () => {
    const { fetch } = pages([1, 2, 3]);
    const second = await (await new PagePromise(fetch)).nextPage();
    const items: number[] = [];
    for await (const item of second) items.push(item);
    expect(items).toEqual([1, 2, 3, 4, 5]);
  });

  test('next() calls that overlap get the items in order, the next page fetched once', async () => {
    const { asked, fetch } = pages([2, 3, 1]);
    const walk = new PagePromise(fetch)[Symbol.asyncIterator]();
    const results = await Promise.all(Array.from({ length: 8 }, () => walk.next()));
    expect(results.map((r) => (r.done ? 'done' : r.value))).toEqual([0, 1, 2, 3, 4, 5, 'done', 'done']);
    expect(asked).toEqual([undefined, 'p1', 'p2']);
  });

  test('a failed fetch rejects that next(), and the walk is over', async () => {
    const error = new Error('page 2 is gone');
    const { fetch } = pages([2, 2, 2], { at: 'p1', error });
    const walk = new PagePromise(fetch)[Symbol.asyncIterator]();
    await expect(walk.next()).resolves.toEqual({ value: 0, done: false });
    await expect(walk.next()).resolves.toEqual({ value: 1, done: false });
    await expect(walk.next()).rejects.toBe(error);
    await expect(walk.next()).resolves.toEqual({ value: undefined, done: true });
  });

  test('break ends the walk: no more pages are fetched', async () => {
    const { asked, fetch } = pages([2, 2, 2]);
    const walk = new PagePromise(fetch)[Symbol.asyncIterator]();
    for await (const item of { [Symbol.asyncIterator]: () => walk }) {
      if (item === 2) break;
    }
    await expect(walk.next()).resolves.toEqual({ value: undefined, done: true });
    expect(asked).toEqual([undefined, 'p1']);
  });

  test('an empty list', async () => {
    const { fetch } = pages([0]);
    await expect(new PagePromise(fetch).toArray()).resolves.toEqual([]);
  });

  test('the iterator is itself iterable, as a generator was', async () => {
    const { fetch } = pages([1, 1]);
    const walk = new PagePromise(fetch)[Symbol.asyncIterator]() as AsyncIterableIterator<number>;
    const items: number[] = [];
    for await (const item of walk) items.push(item);
    expect(items).toEqual([0, 1]);
    expect(new Page({ items: [7] }, fetch)).toBeInstanceOf(Page);
  });
});

describe('a list page from a server', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startServer();
  });

  afterEach(async () => {
    await server.close();
  });

  test('every item is a Document bound to the session, with Timestamps, that serialises back to the API data', async () => {
    const data = Array.from({ length: 5 }, (_, i) => ({ ...fixture('document'), documentId: `las:document:${String(i).padStart(32, '0')}` }));
    server.reply({ body: { documents: data.slice(0, 3), nextToken: 'n' } }, { body: { documents: data.slice(3), nextToken: null } });
    server.handle(() => ({ body: data[4] }));
    const credentials = serverCredentials(server);
    const documents = new Documents(new Session({ apiEndpoint: credentials.apiEndpoint, tokenProvider: credentials, maxRetries: 0 }));

    const listed = await documents.list({ maxResults: 3 }).toArray();

    expect(listed.map((d) => d.id)).toEqual(data.map((d) => d.documentId));
    for (const [i, document] of listed.entries()) {
      expect(document).toBeInstanceOf(Document);
      expect(document.createdTime).toBeInstanceOf(Date);
      expect(JSON.parse(JSON.stringify(document))).toEqual(data[i]);
    }
    expect(server.requests.map((r) => r.url)).toEqual(['/v1/documents?maxResults=3', '/v1/documents?maxResults=3&nextToken=n']);
    // Bound to the session: an instance method sends its request.
    await listed[4].refresh();
    expect(server.requests[2].url).toBe(`/v1/documents/${encodeURIComponent(data[4].documentId)}`);
  });
});
