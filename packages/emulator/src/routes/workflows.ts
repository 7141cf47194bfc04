/** /workflows: ASL state machines over transitions (run by ../workflow-engine.ts). */
import { badRequest } from '../http-error.js';
import { clone, type JsonObject } from '../json.js';
import type { Row, Store } from '../store.js';
import type { Serving } from './kind-routes.js';
import { created, named, orNull } from './shared.js';

/** A workflow as the API shows it: its specification stays hidden, its running executions are counted now. */
export function workflowView(store: Store, row: Row): JsonObject {
  const running = store.tables.workflowExecutions.filter((run) => run.data.workflowId === row.id && run.data.status === 'running');
  return { ...row.data, numberOfRunningExecutions: running.length };
}

/** How workflows are served; their executions end and go with them. */
export const workflows: Serving = {
  table: 'workflows',
  view: workflowView,
  create: ({ store, engine }, body, req) => {
    const specification = body.specification as JsonObject;
    const problem = engine.definitionProblem(specification.definition, 'body.specification.definition');
    if (problem) throw badRequest(problem);
    const workflowId = store.newId('workflow');
    const data: JsonObject = {
      workflowId,
      ...named(body),
      errorConfig: body.errorConfig ?? {},
      // No docker image runs after executions unless configured: shown as null, as unset fields are.
      completedConfig: orNull(body.completedConfig),
      ...created(req.principal),
    };
    return workflowView(store, store.tables.workflows.insert(workflowId, data, { specification: clone(specification) }));
  },
  remove: ({ store, engine }, row) => {
    for (const execution of store.tables.workflowExecutions.filter((run) => run.data.workflowId === row.id)) {
      engine.discard(execution);
      store.tables.workflowExecutions.delete(execution.id);
    }
  },
};
