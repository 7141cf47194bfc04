/** /workflows: ASL state machines over transitions (run by ../workflow-engine.ts). */
import { createWorkflowSchema, updateWorkflowSchema, workflowSchema } from 'las-sdk/api';
import type { Context } from '../context.js';
import { badRequest } from '../http-error.js';
import { clone, type JsonObject } from '../json.js';
import { route, type Route } from '../router.js';
import type { Row, Store } from '../store.js';
import { checkBody } from '../validation.js';
import { created, listAnswer, orNull, pathId, update } from './shared.js';

/** A workflow as the API shows it: its specification stays hidden, its running executions are counted now. */
export function workflowView(store: Store, row: Row): JsonObject {
  const running = store.tables.workflowExecutions.filter((run) => run.data.workflowId === row.id && run.data.status === 'running');
  return { ...row.data, numberOfRunningExecutions: running.length };
}

/** The routes of workflows. */
export const workflowRoutes: Route[] = [
  route('POST', '/workflows', ({ store, engine }: Context, req) => {
    const body = checkBody(createWorkflowSchema, req.body);
    const specification = body.specification as JsonObject;
    const problem = engine.definitionProblem(specification.definition, 'body.specification.definition');
    if (problem) throw badRequest(problem);
    const workflowId = store.newId('workflow');
    const data: JsonObject = {
      workflowId,
      name: orNull(body.name),
      description: orNull(body.description),
      errorConfig: body.errorConfig ?? {},
      // No docker image runs after executions unless configured: shown as null, as unset fields are.
      completedConfig: orNull(body.completedConfig),
      ...created(req.principal),
    };
    return workflowView(store, store.tables.workflows.insert(workflowId, data, { specification: clone(specification) }));
  }),
  route('GET', '/workflows', ({ store }: Context, req) =>
    listAnswer('workflows', store.tables.workflows.rows(), req, (row) => workflowView(store, row)),
  ),
  route('GET', '/workflows/{workflowId}', ({ store }: Context, req) =>
    workflowView(store, store.tables.workflows.require(pathId(req, 'workflowId', workflowSchema.properties.workflowId))),
  ),
  route('PATCH', '/workflows/{workflowId}', ({ store }: Context, req) => {
    const row = store.tables.workflows.require(pathId(req, 'workflowId', workflowSchema.properties.workflowId));
    const body = checkBody(updateWorkflowSchema, req.body);
    return workflowView(store, update(store.tables.workflows, row, body, req.principal));
  }),
  route('DELETE', '/workflows/{workflowId}', ({ store, engine }: Context, req) => {
    const row = store.tables.workflows.require(pathId(req, 'workflowId', workflowSchema.properties.workflowId));
    const shown = workflowView(store, row);
    for (const execution of store.tables.workflowExecutions.filter((run) => run.data.workflowId === row.id)) {
      engine.discard(execution);
      store.tables.workflowExecutions.delete(execution.id);
    }
    store.tables.workflows.delete(row.id);
    return shown;
  }),
];
