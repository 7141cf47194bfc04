import { s, type Infer, type Schema } from '../schema/index.js';
import { ids } from '../schema/ids.js';
import { path } from '../http/path.js';
import type { RequestOptions } from '../http/request-options.js';
import type { Session } from '../http/session.js';
import { Collection, listSchema, waitOptionsSchema, oneOrMore, orderSchema, sortBySchema, type ListOptions, type SortOrder, type SortBy } from './collection.js';
import { Entity, checkBody, checkId, entity } from './entity.js';
import { waitUntilFinal, type WaitOptions } from '../jobs/wait.js';

const statusSchema = s.enum(['running', 'succeeded', 'failed', 'rejected', 'retry', 'error']);

/** The API's shape of a workflow execution. */
export const workflowExecutionSchema = s.object({
  executionId: ids.workflowExecution,
  workflowId: ids.workflow,
  status: statusSchema,
  input: s.record(),
  output: s.record(),
  transitionExecutions: s.record(),
  startTime: s.nullable(s.timestamp()),
  endTime: s.nullable(s.timestamp()),
  completedBy: s.optional(s.array(s.union(ids.user, ids.appClient))),
  events: s.optional(s.array(s.record())),
  logId: s.optional(s.nullable(ids.log)),
  completedTaskLogId: s.optional(s.nullable(ids.log)),
});

/** Body of PATCH /workflows/{workflowId}/executions/{executionId}. */
export const updateWorkflowExecutionSchema = s.object({ nextTransitionId: ids.transition });

/** A workflow execution's data as the API returns it. */
export type WorkflowExecutionData = Infer<typeof workflowExecutionSchema>;
/** Where a workflow execution stands. */
export type WorkflowExecutionStatus = Infer<typeof statusSchema>;
/** Options of `execution.update()`. */
export type UpdateWorkflowExecutionOptions = Infer<typeof updateWorkflowExecutionSchema>;
/** Options of `workflow.executions.list()`: `status` takes one status or several. */
export interface ListWorkflowExecutionsOptions extends ListOptions {
  status?: WorkflowExecutionStatus | WorkflowExecutionStatus[];
  sortBy?: SortBy;
  order?: SortOrder;
}

const listWorkflowExecutionsSchema = listSchema({
  status: s.optional(oneOrMore(statusSchema)),
  sortBy: s.optional(sortBySchema),
  order: s.optional(orderSchema),
} satisfies Record<Exclude<keyof ListWorkflowExecutionsOptions, keyof ListOptions>, Schema>);

// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface WorkflowExecution extends WorkflowExecutionData {}

/** One run of a workflow on an input, through its transitions. */
@entity(workflowExecutionSchema)
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class WorkflowExecution extends Entity {
  /** The execution id. */
  get id(): string {
    return this.executionId;
  }

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

/** `workflow.executions`: the executions of one workflow. */
export class WorkflowExecutions extends Collection<WorkflowExecution> {
  protected readonly entity = WorkflowExecution;

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
  ref(executionId: string): WorkflowExecution {
    return this.handle({
      workflowId: this.workflowId,
      executionId: checkId(executionId, ids.workflowExecution, 'executionId', 'workflow.executions'),
    });
  }
}
