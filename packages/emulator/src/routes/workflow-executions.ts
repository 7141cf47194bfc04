/** /workflows/{workflowId}/executions: runs of a workflow on an input. */
import { executeWorkflowSchema, orderSchema, sortBySchema, updateWorkflowExecutionSchema, workflowExecutionSchema, workflowSchema } from 'las-sdk/api';
import type { Context } from '../context.js';
import type { JsonObject } from '../json.js';
import { route, type ApiRequest, type Route } from '../router.js';
import type { Row, Store } from '../store.js';
import { checkBody, queryValue, queryValues } from '../validation.js';
import { listAnswer, pathId } from './shared.js';

function workflowOf(store: Store, req: ApiRequest): Row {
  return store.tables.workflows.require(pathId(req, 'workflowId', workflowSchema.properties.workflowId));
}

function executionOf(store: Store, req: ApiRequest): Row {
  const workflow = workflowOf(store, req);
  const id = pathId(req, 'executionId', workflowExecutionSchema.properties.executionId);
  return store.tables.workflowExecutions.requireUnder(id, 'workflowId', workflow.id);
}

/** The routes of workflow executions. */
export const workflowExecutionRoutes: Route[] = [
  route('GET', '/workflows/{workflowId}/executions', ({ store }: Context, req) => {
    const workflow = workflowOf(store, req);
    const status = queryValues(req.query, 'status', workflowExecutionSchema.properties.status);
    const sortBy = queryValue(req.query, 'sortBy', sortBySchema);
    const order = queryValue(req.query, 'order', orderSchema);
    const rows = store.tables.workflowExecutions.filter(
      (row) => row.data.workflowId === workflow.id && (!status || status.includes(row.data.status as string)),
    );
    const ordering = { key: sortBy ? (row: Row) => row.data[sortBy] as string | null : undefined, descending: order === 'descending' };
    return listAnswer('executions', rows, req, undefined, ordering, { workflowId: workflow.id, status, sortBy, order });
  }),
  route('POST', '/workflows/{workflowId}/executions', ({ store, engine }: Context, req) => {
    const workflow = workflowOf(store, req);
    const body = checkBody(executeWorkflowSchema, req.body);
    return engine.start(workflow, body.input as JsonObject).data;
  }),
  route('GET', '/workflows/{workflowId}/executions/{executionId}', ({ store }: Context, req) => executionOf(store, req).data),
  route('PATCH', '/workflows/{workflowId}/executions/{executionId}', ({ store, engine }: Context, req) => {
    const execution = executionOf(store, req);
    const body = checkBody(updateWorkflowExecutionSchema, req.body);
    engine.moveTo(execution, body.nextTransitionId as string, req.principal);
    return execution.data;
  }),
  route('DELETE', '/workflows/{workflowId}/executions/{executionId}', ({ store, engine }: Context, req) => {
    const execution = executionOf(store, req);
    engine.discard(execution);
    store.tables.workflowExecutions.delete(execution.id);
    return execution.data;
  }),
];
