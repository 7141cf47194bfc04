import { MAX_RESULTS } from 'las-sdk/api';
import { badRequest } from './http-error.js';
import type { Row } from './store.js';

/** Items per page when the request names no `maxResults`. */
export const DEFAULT_MAX_RESULTS = 100;

/** How a list is ordered: by a key (nulls last), then by insertion. */
export interface Ordering {
  /** The sort key of a row; undefined sorts by insertion only. */
  key?: (row: Row) => string | null;
  descending?: boolean;
}

/** One page of rows and the token of the next page (null on the last). */
export interface PageOf {
  items: Row[];
  nextToken: string | null;
}

// Where the previous page ended: its last row's key and insertion number. Resuming after that
// position, rather than at an offset, keeps pages right when rows are deleted between requests
// (DELETE /documents hands out a token after deleting the page it names).
interface Cursor {
  k: string | null;
  s: number;
}

/** Orders `rows`, then cuts the page that `maxResults` and `nextToken` of `query` ask for. */
export function pageOf(rows: readonly Row[], query: URLSearchParams, ordering: Ordering = {}): PageOf {
  const maxResults = readMaxResults(query.get('maxResults'));
  const cursor = readToken(query.get('nextToken'));
  const keyOf = ordering.key ?? (() => null);
  const sign = ordering.descending ? -1 : 1;
  const compare = (a: Cursor, b: Cursor) => sign * (compareKeys(a.k, b.k) || a.s - b.s);
  const position = (row: Row): Cursor => ({ k: keyOf(row), s: row.seq });
  const sorted = [...rows].sort((a, b) => compare(position(a), position(b)));
  const start = cursor ? sorted.findIndex((row) => compare(position(row), cursor) > 0) : 0;
  const rest = start < 0 ? [] : sorted.slice(start);
  const items = rest.slice(0, maxResults);
  const last = items.at(-1);
  return { items, nextToken: rest.length > maxResults && last ? writeToken(position(last)) : null };
}

function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function readMaxResults(text: string | null): number {
  if (text === null) return DEFAULT_MAX_RESULTS;
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= 1 && value <= MAX_RESULTS)) {
    throw badRequest(`maxResults: must be an integer from 1 to ${MAX_RESULTS}`);
  }
  return value;
}

function writeToken(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function readToken(text: string | null): Cursor | undefined {
  if (text === null || text === '') return undefined;
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof cursor.s === 'number' && (typeof cursor.k === 'string' || cursor.k === null)) return { k: cursor.k, s: cursor.s };
  } catch {
    // falls through to the 400
  }
  throw badRequest('nextToken: is not a token this server handed out');
}
