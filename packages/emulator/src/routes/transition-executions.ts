/** /transitions/{transitionId}/executions: runs of a transition, ended by workers with a PATCH. */
import { orderSchema, sortBySchema, transitionExecutionSchema, transitionSchema } from 'las-sdk/api';
import type { Context } from '../context.js';
import type { JsonObject } from '../json.js';
import { route, type ApiRequest } from '../router.js';
import { emptyBodySchema } from '../schemas.js';
import type { Row, Store } from '../store.js';
import { checkBody, queryValue, queryValues } from '../validation.js';
import type { TaskLink } from '../transition-runs.js';
import type { Completion } from '../workflow-engine.js';
import type { Serving } from './kind-routes.js';
import { pathId } from './shared.js';

function transitionOf(store: Store, req: ApiRequest): Row {
  return store.tables.transitions.require(pathId(req, 'transitionId', transitionSchema.properties.transitionId));
}

function executionOf(store: Store, req: ApiRequest): Row {
  const transition = transitionOf(store, req);
  const id = pathId(req, 'executionId', transitionExecutionSchema.properties.executionId);
  return store.tables.transitionExecutions.requireUnder(id, 'transitionId', transition.id);
}

/** How transition executions are served: started by POST, ended by the engine on PATCH. */
export const transitionExecutions: Serving = {
  table: 'transitionExecutions',
  list: (req, all) => {
    const status = queryValues(req.query, 'status', transitionExecutionSchema.properties.status);
    const ids = queryValues(req.query, 'executionId', transitionExecutionSchema.properties.executionId);
    const sortBy = queryValue(req.query, 'sortBy', sortBySchema);
    const order = queryValue(req.query, 'order', orderSchema);
    const rows = all.filter((row) => (!status || status.includes(row.data.status as string)) && (!ids || ids.includes(row.id)));
    const ordering = { key: sortBy ? (row: Row) => row.data[sortBy] as string | null : undefined, descending: order === 'descending' };
    // The service's answer echoes only these filters (its schema has no executionId, sortBy or order).
    return { rows, ordering, echo: { transitionId: req.params.transitionId, status } };
  },
  patch: ({ store, engine, apiVersion }, execution, body, req) => {
    engine.complete(execution, body as Completion, req.principal);
    // 2024-11-29 shows what the worker reported on success (null otherwise); 2021-09-23 only logs it.
    if (apiVersion === '2024-11-29' && body.status !== undefined) {
      execution.data.output = body.status === 'succeeded' ? (execution.hidden as TaskLink).output : null;
      store.tables.transitionExecutions.changed();
    }
    return execution;
  },
  routes: [
    route('POST', '/transitions/{transitionId}/executions', ({ store, engine }: Context, req) => {
      const transition = transitionOf(store, req);
      checkBody(emptyBodySchema, req.body);
      return engine.execute(transition, req.principal).data;
    }),
    route('POST', '/transitions/{transitionId}/executions/{executionId}/heartbeats', ({ store, engine }: Context, req): JsonObject | undefined => {
      const execution = executionOf(store, req);
      checkBody(emptyBodySchema, req.body);
      engine.heartbeat(execution);
      return undefined;
    }),
  ],
};
