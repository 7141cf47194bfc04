/**
 * What the service offers (plans, deployment environments): the `owner` filter of their lists,
 * and the ids that name one of them, owned and pinned as API 2024-11-29 writes them.
 */
import { ids } from 'las-sdk/api';
import { notFound } from '../http-error.js';
import type { ApiRequest } from '../router.js';
import type { Row, Store, TableName } from '../store.js';
import { queryValues } from '../validation.js';
import type { Listing, Serving } from './kind-routes.js';

/** The rows owned by one of the organizations `?owner=` names (each checked), or all without it. */
export function byOwner(req: ApiRequest, rows: readonly Row[]): Listing {
  const owners = queryValues(req.query, 'owner', ids.organizationSlug);
  return { rows: owners ? rows.filter((row) => owners.includes(row.data.organizationId as string)) : rows };
}

/** An offered id taken apart: `[<owner>/]<id><pin>`. */
interface OfferedId {
  /** `las:organization:<org>` before a `/`, when given. */
  readonly owner: string | undefined;
  /** The id the entity is stored under: `las:plan:free`. */
  readonly id: string;
  /** What pins it to a version: `''`, `:@<tag>` or `:<number>`. */
  readonly pin: string;
}

function parseOfferedId(kind: string, text: string): OfferedId | undefined {
  const match = new RegExp(`^(?:(las:organization:[a-z0-9-_]+)/)?(las:${kind}:[a-z0-9-_]+)((?::@[a-z0-9-_]+|:[0-9]+)?)$`).exec(text);
  if (!match) return undefined;
  const [, owner, id, pin] = match as unknown as [string, string | undefined, string, string];
  return { owner, id, pin };
}

/**
 * The row `text` names in `table` (of ids `las:<kind>:…`): the entity's own id, optionally with
 * its owner before it (`las:organization:<org>/`, which must be the one that owns it: an entity
 * every organization is offered has none) and one of its versions after it (`:1` to its `latest`,
 * 1 when it has no versions, or `:@latest`); undefined when it names none.
 */
export function offeredRow(store: Store, table: TableName, kind: string, text: string): Row | undefined {
  const named = parseOfferedId(kind, text);
  const row = named && store.tables[table].get(named.id);
  if (!named || !row || (named.owner !== undefined && named.owner !== row.data.organizationId)) return undefined;
  if (named.pin === '' || named.pin === ':@latest') return row;
  const version = Number(named.pin.slice(1));
  const latest = typeof row.data.latest === 'number' ? row.data.latest : 1;
  return named.pin.startsWith(':@') || version < 1 || version > latest ? undefined : row;
}

/**
 * How an offered kind is served, read only: listed (by `owner` too), and read by any id that
 * names one, the answer naming it as asked but without its owner (the spec's answers have none;
 * `organizationId` tells it): `GET /plans/las:plan:free:1` answers `planId: 'las:plan:free:1'`.
 */
export function offered(table: TableName, kind: string, idField: string): Serving {
  return {
    table,
    list: byOwner,
    find: (store, id) => offeredRow(store, table, kind, id) ?? notFoundOffered(store, table, id),
    viewOne: (_store, row, req) => {
      const named = parseOfferedId(kind, req.params[idField] ?? '');
      return named ? { ...row.data, [idField]: `${named.id}${named.pin}` } : row.data;
    },
  };
}

function notFoundOffered(store: Store, table: TableName, id: string): never {
  throw notFound(store.tables[table].what, id);
}
