import { path } from '../http/path.js';
import type { RequestOptions } from '../http/request-options.js';
import type { Session } from '../http/session.js';
import { Collection, waitOptionsSchema } from './collection.js';
import { Entity, type Handle, checkBody, checkId, entity } from './entity.js';
import { waitUntilFinal, type WaitOptions } from '../jobs/wait.js';
import { ids } from '../api/ids.js';
import {
  listWorkflowExecutionsSchema,
  workflowExecutionSchema,
  updateWorkflowExecutionSchema,
  type WorkflowExecutionData,
  type UpdateWorkflowExecutionOptions,
  type ListWorkflowExecutionsOptions,
} from '../api/workflow-executions.js';

/** One run of a workflow on an input, through its transitions. */
@entity(workflowExecutionSchema, { id: 'executionId' })
export class WorkflowExecution extends Entity<WorkflowExecutionData> {
  protected get path(): string {
    return path`/workflows/${this.workflowId}/executions/${this.executionId}`;
  }

  /** Loads this execution's data. `GET /workflows/{workflowId}/executions/{executionId}` */
  async refresh(requestOptions?: RequestOptions): Promise<this> {
    return this.reload(undefined, requestOptions);
  }

  /** Sends the execution on to another transition. `PATCH /workflows/{workflowId}/executions/{executionId}` */
  async update(options: UpdateWorkflowExecutionOptions, requestOptions?: RequestOptions): Promise<this> {
    return this.patchWith(updateWorkflowExecutionSchema, options, 'workflowExecution.update', requestOptions);
  }

  /** Deletes the execution. `DELETE /workflows/{workflowId}/executions/{executionId}` */
  async delete(requestOptions?: RequestOptions): Promise<this> {
    return this.deleteWith(undefined, requestOptions);
  }

  /**
   * Polls until the execution has ended (`succeeded`, `failed`, `rejected` or `error`) and returns
   * it refreshed; a failed execution resolves too. `GET /workflows/{workflowId}/executions/{executionId}`
   * with backoff. Past `timeout` a `WaitTimeoutError`, on `signal` a `WaitAbortedError`.
   */
  async wait(options: WaitOptions = {}): Promise<this> {
    checkBody(waitOptionsSchema, options, 'workflowExecution.wait');
    // `retry` is not an end: the execution runs the step again.
    return waitUntilFinal(this, ['running', 'retry'], `workflow execution ${this.executionId}`, options);
  }
}

/** A handle on a workflow execution (`ref(id)`): its ids and its methods; `await handle.refresh()` gives the workflow execution. */
export type WorkflowExecutionHandle = Handle<WorkflowExecution, WorkflowExecutionData, 'workflowId' | 'executionId'>;

/** `workflow.executions`: the executions of one workflow. */
export class WorkflowExecutions extends Collection<WorkflowExecution> {
  protected readonly entity = WorkflowExecution;

  /** @internal */
  constructor(
    session: Session,
    /** The workflow these executions belong to. */
    readonly workflowId: string,
  ) {
    super(session);
  }

  /** Lists the workflow's executions, optionally filtered. `GET /workflows/{workflowId}/executions` */
  list(options: ListWorkflowExecutionsOptions = {}, requestOptions?: RequestOptions) {
    return this.listAt(path`/workflows/${this.workflowId}/executions`, 'executions', listWorkflowExecutionsSchema, options, 'workflow.executions.list', requestOptions);
  }

  /** Gets one execution. `GET /workflows/{workflowId}/executions/{executionId}` */
  async get(executionId: string, requestOptions?: RequestOptions): Promise<WorkflowExecution> {
    return this.ref(executionId).refresh(requestOptions);
  }

  /** Deletes one execution. `DELETE /workflows/{workflowId}/executions/{executionId}` */
  async delete(executionId: string, requestOptions?: RequestOptions): Promise<WorkflowExecution> {
    return this.ref(executionId).delete(requestOptions);
  }

  /** A handle on an execution by id, without a request. */
  ref(executionId: string): WorkflowExecutionHandle {
    return this.handle({
      workflowId: this.workflowId,
      executionId: checkId(executionId, ids.workflowExecution, 'executionId', 'workflow.executions'),
    });
  }
}
