/** /workflows: ASL state machines over transitions (run by ../workflow-engine.ts). */
import { badRequest } from '../http-error.js';
import { clone, getOwn, setOwn, type JsonObject } from '../json.js';
import type { Row, Store } from '../store.js';
import type { Serving } from './kind-routes.js';
import { created, named, orNull } from './shared.js';

/**
 * How many executions a workflow may start in a month (2024-11-29) when the organization names
 * no figure of its own: the emulator refuses none, it only reports.
 */
export const MONTHLY_WORKFLOW_EXECUTIONS_ALLOWED = 10_000;

/** The month of an epoch time, `2024-11` (UTC): the key of monthly counts. */
function monthOf(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 7);
}

/** Counts one more execution started by `workflow` this month (on the emulator's clock). */
export function countExecution(store: Store, workflow: Row): void {
  const counts = (workflow.hidden.executionsByMonth ??= {}) as JsonObject;
  const month = monthOf(store.clock.now());
  setOwn(counts, month, ((getOwn(counts, month) as number | undefined) ?? 0) + 1);
  store.tables.workflows.changed();
}

// 2024-11-29's monthly figures: this month's executions (deleted ones too), against the organization's allowance.
function monthlyCounts(store: Store, row: Row): JsonObject {
  const counts = (row.hidden.executionsByMonth ?? {}) as JsonObject;
  const organization = store.meta.organizationId ? store.tables.organizations.get(store.meta.organizationId) : undefined;
  const allowed = organization?.data.monthlyNumberOfWorkflowExecutionsAllowed;
  return {
    monthlyNumberOfWorkflowExecutionsAllowed: typeof allowed === 'number' ? allowed : MONTHLY_WORKFLOW_EXECUTIONS_ALLOWED,
    monthlyNumberOfWorkflowExecutionsCreated: (getOwn(counts, monthOf(store.clock.now())) as number | undefined) ?? 0,
  };
}

/** A workflow as the API shows it: its specification stays hidden, its running executions (and, 2024-11-29, this month's) are counted now. */
export function workflowView(store: Store, row: Row): JsonObject {
  const running = store.tables.workflowExecutions.filter((run) => run.data.workflowId === row.id && run.data.status === 'running');
  const monthly = store.meta.apiVersion === '2024-11-29' ? monthlyCounts(store, row) : {};
  return { ...row.data, numberOfRunningExecutions: running.length, ...monthly };
}

/** How workflows are served; their executions end and go with them. */
export const workflows: Serving = {
  table: 'workflows',
  view: workflowView,
  create: ({ store, engine, apiVersion }, body, req) => {
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
    if (apiVersion === '2024-11-29') {
      Object.assign(data, { status: body.status ?? 'development', emailConfig: orNull(body.emailConfig), metadata: orNull(body.metadata) });
    }
    return workflowView(store, store.tables.workflows.insert(workflowId, data, { specification: clone(specification) }));
  },
  remove: ({ store, engine }, row) => {
    for (const execution of store.tables.workflowExecutions.filter((run) => run.data.workflowId === row.id)) {
      engine.discard(execution);
      store.tables.workflowExecutions.delete(execution.id);
    }
  },
};
