/** /workflows/{workflowId}/executions: runs of a workflow on an input. */
import { executeWorkflowSchema, listWorkflowExecutionsSchema, orderSchema, sortBySchema, workflowExecutionSchema, workflowSchema } from 'las-sdk/api';
import { badRequest } from '../http-error.js';
import type { Context } from '../context.js';
import type { JsonObject } from '../json.js';
import { route } from '../router.js';
import type { Row } from '../store.js';
import { epochMs } from '../time.js';
import { checkBody, queryValue, queryValues, required } from '../validation.js';
import type { Serving } from './kind-routes.js';
import { pathId } from './shared.js';
import { countExecution } from './workflows.js';

const list2024 = listWorkflowExecutionsSchema.variants['2024-11-29'].properties;

/** A time filter of the 2024-11-29 list, in epoch ms: 400 naming it when it is no time (`2024-13-45`). */
function startTimeQuery(query: URLSearchParams, name: 'fromStartTime' | 'toStartTime'): number | undefined {
  const value = queryValue(query, name, required(list2024[name]));
  if (value === undefined) return undefined;
  const at = epochMs(value);
  if (Number.isNaN(at)) throw badRequest(`${name}: must be an ISO 8601 time, got ${JSON.stringify(value)}`);
  return at;
}

/** How workflow executions are served: started by POST, moved on (or, 2024-11-29, ended) by the engine on PATCH, ended when deleted. */
export const workflowExecutions: Serving = {
  table: 'workflowExecutions',
  list: (req, all, { apiVersion }) => {
    const later = apiVersion === '2024-11-29';
    const status = queryValues(req.query, 'status', later ? required(list2024.status) : workflowExecutionSchema.properties.status);
    const sortBy = queryValue(req.query, 'sortBy', sortBySchema);
    const order = queryValue(req.query, 'order', orderSchema);
    // 2024-11-29: only those started in [fromStartTime, toStartTime).
    const from = later ? startTimeQuery(req.query, 'fromStartTime') : undefined;
    const to = later ? startTimeQuery(req.query, 'toStartTime') : undefined;
    const startedIn = (row: Row) => {
      const started = epochMs(row.data.startTime as string);
      return (from === undefined || started >= from) && (to === undefined || started < to);
    };
    const rows = all.filter((row) => (!status || status.includes(row.data.status as string)) && startedIn(row));
    const ordering = { key: sortBy ? (row: Row) => row.data[sortBy] as string | null : undefined, descending: order === 'descending' };
    return { rows, ordering, echo: { workflowId: req.params.workflowId, status, sortBy, order } };
  },
  patch: ({ engine }, execution, body, req) => {
    const { nextTransitionId, status } = body as { nextTransitionId?: string; status?: 'succeeded' | 'completed' };
    if (nextTransitionId !== undefined && status !== undefined) throw badRequest('body: give nextTransitionId or status, not both');
    if (nextTransitionId !== undefined) engine.moveTo(execution, nextTransitionId, req.principal);
    else if (status !== undefined) engine.endAs(execution, status, req.principal);
    else throw badRequest('body: nextTransitionId or status is required');
    return execution;
  },
  remove: ({ engine }, execution) => engine.discard(execution),
  routes: [
    route('POST', '/workflows/{workflowId}/executions', ({ store, engine, apiVersion }: Context, req) => {
      const workflow = store.tables.workflows.require(pathId(req, 'workflowId', workflowSchema.properties.workflowId));
      const body = checkBody(executeWorkflowSchema, req.body);
      const execution = engine.start(workflow, body.input as JsonObject);
      if (apiVersion === '2024-11-29') {
        execution.data.createdBy = req.principal;
        store.tables.workflowExecutions.changed();
        countExecution(store, workflow);
      }
      return execution.data;
    }),
  ],
};
