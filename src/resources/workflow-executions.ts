import type { Session } from '../http/session.js';
import { Collection, collectionOf, waitOptionsSchema } from './collection.js';
import { Entity, type Handle } from './entity.js';
import { entity } from './entity-metadata.js';
import { kinds } from '../api/kinds.js';
import { checkBody } from './checks.js';
import type { ById, Delete, List, Ref, Refresh, Update } from './methods.js';
import { waitUntilFinal, type WaitOptions } from '../jobs/wait.js';
import {
  type WorkflowExecutionData,
  type UpdateWorkflowExecutionOptions,
  type ListWorkflowExecutionsOptions,
} from '../api/workflow-executions.js';

/** One run of a workflow on an input, through its transitions. */
@entity(kinds.workflowExecution)
export class WorkflowExecution extends Entity<WorkflowExecutionData> {
  /** Loads this execution's data. `GET /workflows/{workflowId}/executions/{executionId}` */
  declare refresh: Refresh<this>;

  /** Sends the execution on to another transition. `PATCH /workflows/{workflowId}/executions/{executionId}` */
  declare update: Update<this, UpdateWorkflowExecutionOptions>;

  /** Deletes the execution. `DELETE /workflows/{workflowId}/executions/{executionId}` */
  declare delete: Delete<this>;

  /**
   * Polls until the execution has ended (`succeeded`, `failed`, `rejected` or `error`) and returns
   * it refreshed; a failed execution resolves too. `GET /workflows/{workflowId}/executions/{executionId}`
   * with backoff. Past `timeout` a `WaitTimeoutError`, on `signal` a `WaitAbortedError`.
   */
  async wait(options: WaitOptions = {}): Promise<this> {
    checkBody(waitOptionsSchema, options, this.what('wait'));
    // `retry` is not an end: the execution runs the step again.
    return waitUntilFinal(this, ['running', 'retry'], `workflow execution ${this.executionId}`, options);
  }
}

/** A handle on a workflow execution (`ref(id)`): its ids and its methods; `await handle.refresh()` gives the workflow execution. */
export type WorkflowExecutionHandle = Handle<WorkflowExecution, WorkflowExecutionData, 'workflowId' | 'executionId'>;

/** `workflow.executions`: the executions of one workflow. */
@collectionOf(WorkflowExecution)
export class WorkflowExecutions extends Collection<WorkflowExecution> {
  /** @internal */
  constructor(
    session: Session,
    /** The workflow these executions belong to. */
    readonly workflowId: string,
  ) {
    super(session);
  }

  /** Lists the workflow's executions, optionally filtered. `GET /workflows/{workflowId}/executions` */
  declare list: List<WorkflowExecution, ListWorkflowExecutionsOptions>;

  /** Gets one execution. `GET /workflows/{workflowId}/executions/{executionId}` */
  declare get: ById<WorkflowExecution['refresh']>;

  /** Deletes one execution. `DELETE /workflows/{workflowId}/executions/{executionId}` */
  declare delete: ById<WorkflowExecution['delete']>;

  /** A handle on an execution by id, without a request. */
  declare ref: Ref<WorkflowExecutionHandle>;
}
