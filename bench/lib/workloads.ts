/**
 * The per-call and listing workloads, shared by the Node figure process (children/figure.ts) and
 * the one that runs on Bun and Deno (children/runtime-figure.ts), so every runtime's rows measure
 * the same thing. Only fetch and the SDK: nothing here is Node's own.
 */
import { PAGES, PAGE_SIZE, WORKFLOW_ID } from './api-server.js';
import { rawGet, type newLas } from './clients.js';
import { ROUNDS, WARMUP } from './config.js';
import { interleave } from './stats.js';
import { repeat } from './pool.js';

type Las = ReturnType<typeof newLas>;

/** The path of the workflow every per-call figure gets, under the bench server's URL. */
export const WORKFLOW_PATH = `workflows/${encodeURIComponent(WORKFLOW_ID)}`;

/** Calls a block of the per-call figures makes, one after another. */
export const PER_CALL_BLOCK = 100;

/** The two sides every per-call figure has: `block` sequential las.workflows.get, and as many fetch + JSON.parse. */
export function perCallSides(las: Las, url: string, token: string): { sdk: () => Promise<void>; raw: () => Promise<void> } {
  const workflowUrl = `${url}/${WORKFLOW_PATH}`;
  return {
    sdk: () => repeat(PER_CALL_BLOCK, () => las.workflows.get(WORKFLOW_ID)),
    raw: () => repeat(PER_CALL_BLOCK, () => rawGet(workflowUrl, token)),
  };
}

type DocumentPage = { documents: { documentId: string }[]; nextToken?: string | null };

/** A walk over every page, a page per call of `page()`. */
export interface Walker {
  readonly count: number;
  readonly done: boolean;
  page(): Promise<void>;
}

/** The raw baseline of a list walk: one page per call, its items iterated. */
export function rawPages(url: string, token: string): Walker {
  let nextToken: string | null | undefined;
  let count = 0;
  return {
    get count() {
      return count;
    },
    get done() {
      return nextToken === null;
    },
    async page(): Promise<void> {
      const query = new URLSearchParams({ maxResults: '100' });
      if (nextToken) query.set('nextToken', nextToken);
      const page = await rawGet<DocumentPage>(`${url}/documents?${query}`, token);
      for (const document of page.documents) {
        if (document.documentId === '') throw new Error('empty id');
        count++;
      }
      nextToken = page.nextToken ?? null;
    },
  };
}

/** The SDK's walk: `for await` over las.documents.list(), taken a page's worth of items at a time. */
export function sdkPages(las: Las): Walker {
  const iterator = las.documents.list({ maxResults: 100 })[Symbol.asyncIterator]();
  let count = 0;
  let done = false;
  return {
    get count() {
      return count;
    },
    get done() {
      return done;
    },
    async page(): Promise<void> {
      for (let i = 0; i < PAGE_SIZE; i++) {
        const next = await iterator.next();
        if (next.done) {
          done = true;
          return;
        }
        if (next.value.documentId === '') throw new Error('empty id');
        count++;
      }
      if (count === PAGES * PAGE_SIZE) done = (await iterator.next()).done === true;
    },
  };
}

/** Walking every page: `for await` over las.documents.list() vs a fetch loop, a page a block; the documents each saw. */
export async function listingWalks(las: Las, url: string, token: string) {
  let walkers = { sdk: sdkPages(las), raw: rawPages(url, token) };
  const counts = { sdk: 0, raw: 0 };
  const times = await interleave(
    { sdk: () => walkers.sdk.page(), raw: () => walkers.raw.page() },
    {
      warmup: WARMUP,
      rounds: ROUNDS,
      blocks: PAGES,
      start: (side) => {
        if (side === 'sdk') walkers = { ...walkers, sdk: sdkPages(las) };
        else walkers = { ...walkers, raw: rawPages(url, token) };
      },
      end: (side) => {
        if (!walkers[side].done) throw new Error(`${side} walk did not end after ${PAGES} pages`);
        counts[side] = walkers[side].count;
      },
    },
  );
  return { ...times, counts };
}
