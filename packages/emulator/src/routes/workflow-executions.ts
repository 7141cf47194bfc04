/** /workflows/{workflowId}/executions: runs of a workflow on an input. */
import { executeWorkflowSchema, orderSchema, sortBySchema, workflowExecutionSchema, workflowSchema } from 'las-sdk/api';
import type { Context } from '../context.js';
import type { JsonObject } from '../json.js';
import { route } from '../router.js';
import type { Row } from '../store.js';
import { checkBody, queryValue, queryValues } from '../validation.js';
import type { Serving } from './kind-routes.js';
import { pathId } from './shared.js';

/** How workflow executions are served: started by POST, moved on by the engine on PATCH, ended when deleted. */
export const workflowExecutions: Serving = {
  table: 'workflowExecutions',
  list: (req, all) => {
    const status = queryValues(req.query, 'status', workflowExecutionSchema.properties.status);
    const sortBy = queryValue(req.query, 'sortBy', sortBySchema);
    const order = queryValue(req.query, 'order', orderSchema);
    const rows = all.filter((row) => !status || status.includes(row.data.status as string));
    const ordering = { key: sortBy ? (row: Row) => row.data[sortBy] as string | null : undefined, descending: order === 'descending' };
    return { rows, ordering, echo: { workflowId: req.params.workflowId, status, sortBy, order } };
  },
  patch: ({ engine }, execution, body, req) => {
    engine.moveTo(execution, body.nextTransitionId as string, req.principal);
    return execution;
  },
  remove: ({ engine }, execution) => engine.discard(execution),
  routes: [
    route('POST', '/workflows/{workflowId}/executions', ({ store, engine }: Context, req) => {
      const workflow = store.tables.workflows.require(pathId(req, 'workflowId', workflowSchema.properties.workflowId));
      const body = checkBody(executeWorkflowSchema, req.body);
      return engine.start(workflow, body.input as JsonObject).data;
    }),
  ],
};
