/**
 * The plain operations of a kind, built from its entry in las-sdk's `kinds` (path, id, shapes, what
 * the API does on one entity's path) and what the emulator adds to serve it ({@link Serving}).
 */
import { hasOperation, kinds, shapeOf, type ApiVersion, type Kind } from 'las-sdk/api';
import type { Context } from '../context.js';
import type { Json, JsonObject } from '../json.js';
import type { Ordering } from '../pagination.js';
import { route, type ApiRequest, type Route } from '../router.js';
import type { Row, Store, TableName } from '../store.js';
import { checkBody } from '../validation.js';
import { listAnswer, pathId, update } from './shared.js';

/** The name of a kind in `kinds`. */
export type KindName = keyof typeof kinds;

/** Which rows a list shows, in what order, and the filters its answer echoes. */
export interface Listing {
  readonly rows: readonly Row[];
  readonly ordering?: Ordering;
  readonly echo?: Record<string, Json | undefined>;
}

/**
 * How the emulator serves one kind: its table and what is its own. Everything else (paths, id
 * checks, body checks, lists, 404s, the parent's existence) comes from the kind's entry.
 */
export interface Serving {
  /** The table its entities are kept in. */
  readonly table: TableName;
  /** `POST {path}`: stores an entity from the checked body; the answer. No POST without it. */
  readonly create?: (ctx: Context, body: JsonObject, req: ApiRequest, parent: Row | undefined) => JsonObject;
  /** The entity a path id names when that is more than its stored id (what is offered, pinned to a version); a 404 when none. */
  readonly find?: (store: Store, id: string) => Row;
  /** How an entity is shown (counts made now, fields the API leaves out); its data by default. */
  readonly view?: (store: Store, row: Row) => JsonObject;
  /** How `GET {path}/{id}` shows it, when that shows more than the other answers (content, what its query asks for). */
  readonly viewOne?: (store: Store, row: Row, req: ApiRequest) => JsonObject;
  /** `GET {path}`: the filters of its query over `rows` (every entity, or the parent's). */
  readonly list?: (req: ApiRequest, rows: readonly Row[], ctx: Context) => Listing;
  /** `PATCH {path}/{id}` with the checked body; by default copies it onto the row and stamps it. */
  readonly patch?: (ctx: Context, row: Row, body: JsonObject, req: ApiRequest) => Row;
  /** What goes with an entity `DELETE {path}/{id}` deletes (its executions, its tokens). */
  readonly remove?: (ctx: Context, row: Row) => void;
  /** Its operations that are not plain (`DELETE /documents`, heartbeats). */
  readonly routes?: readonly Route[];
}

/** The kinds the emulator serves, by name; a kind not here has no route (403 as unknown paths). */
export type Served = { readonly [K in KindName]?: Serving };

/**
 * Every route of the `served` kinds that API `version` has (its spec's operations decide, so a
 * kind or a call of the other version answers as an unknown path does), bodies and ids checked
 * in that version's shapes.
 */
export function servedRoutes(served: Served, version: ApiVersion): Route[] {
  return (Object.keys(served) as KindName[])
    .flatMap((name) => kindRoutes(kinds[name], served[name] as Serving, served, version))
    .filter((one) => hasOperation(version, one.method, one.pattern));
}

function kindRoutes(kind: Kind, serving: Serving, served: Served, version: ApiVersion): Route[] {
  const parentKind: Kind | undefined = kind.parent === undefined ? undefined : kinds[kind.parent as KindName];
  const parentTable = parentKind && served[parentKind.name as KindName]?.table;
  if (parentKind && !parentTable) throw new Error(`${kind.name} is served, its parent ${parentKind.name} is not`);
  const table = ({ store }: Context) => store.tables[serving.table];
  const view = serving.view ?? ((_store: Store, row: Row) => row.data);
  const viewOne = serving.viewOne ?? view;
  const onePath = `${kind.path}/{${kind.idField}}`;

  const parentOf = (ctx: Context, req: ApiRequest): Row | undefined => {
    if (!parentKind || !parentTable) return undefined;
    return ctx.store.tables[parentTable].require(pathId(req, parentKind.idField, shapeOf(parentKind.id, version)));
  };
  const rowOf = (ctx: Context, req: ApiRequest): Row => {
    const parent = parentOf(ctx, req);
    const id = pathId(req, kind.idField, shapeOf(kind.id, version));
    if (serving.find && !parent) return serving.find(ctx.store, id);
    return parent && parentKind ? table(ctx).requireUnder(id, parentKind.idField, parent.id) : table(ctx).require(id);
  };

  const routes: Route[] = [];
  const create = kind.create && shapeOf(kind.create, version);
  const { list } = kind;
  if (create && serving.create) {
    const make = serving.create;
    routes.push(
      route('POST', kind.path, (ctx, req) => {
        const parent = parentOf(ctx, req);
        return make(ctx, checkBody(create, req.body), req, parent);
      }),
    );
  }
  if (list) {
    routes.push(
      route('GET', kind.path, (ctx, req) => {
        const parent = parentOf(ctx, req);
        const all = parent && parentKind ? table(ctx).filter((row) => row.data[parentKind.idField] === parent.id) : table(ctx).rows();
        const { rows, ordering, echo } = serving.list?.(req, all, ctx) ?? { rows: all };
        return listAnswer(list.key, rows, req, (row) => view(ctx.store, row), ordering, echo);
      }),
    );
  }
  const methods: readonly string[] = kind.methods;
  if (methods.includes('get')) {
    routes.push(route('GET', onePath, (ctx, req) => viewOne(ctx.store, rowOf(ctx, req), req)));
  }
  const changes = kind.update && shapeOf(kind.update, version);
  if (methods.includes('update') && changes) {
    const patch = serving.patch ?? ((ctx: Context, row: Row, body: JsonObject, req: ApiRequest) => update(table(ctx), row, body, req.principal));
    routes.push(
      route('PATCH', onePath, (ctx, req) => {
        const row = rowOf(ctx, req);
        return view(ctx.store, patch(ctx, row, checkBody(changes, req.body), req));
      }),
    );
  }
  if (methods.includes('delete')) {
    routes.push(
      route('DELETE', onePath, (ctx, req) => {
        const row = rowOf(ctx, req);
        const shown = view(ctx.store, row);
        serving.remove?.(ctx, row);
        table(ctx).delete(row.id);
        return shown;
      }),
    );
  }
  return [...routes, ...(serving.routes ?? [])];
}
