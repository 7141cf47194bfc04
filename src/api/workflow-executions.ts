import { s, type Infer, type Schema } from '../schema/index.js';
import { ids } from './ids.js';
import { listSchema, oneOrMore, orderSchema, sortBySchema, type ListOptions, type SortOrder, type SortBy } from './list.js';

const statusSchema = s.enum(['running', 'succeeded', 'failed', 'rejected', 'retry', 'error']);

/** The API's shape of a workflow execution. */
export const workflowExecutionSchema = s.object({
  /** Id of the execution. */
  executionId: ids.workflowExecution,
  /** The workflow it belongs to. */
  workflowId: ids.workflow,
  /** How the execution ended, or `running`. */
  status: statusSchema,
  /** Input the run started with. */
  input: s.record(),
  /** Output of its last step. */
  output: s.record(),
  /** The executions of its steps, by transition. */
  transitionExecutions: s.record(),
  /** When it started. */
  startTime: s.nullable(s.timestamp()),
  /** When it ended. */
  endTime: s.nullable(s.timestamp()),
  /** Users and app clients that ended its steps. */
  completedBy: s.optional(s.array(s.union(ids.user, ids.appClient))),
  /** What happened during the run, in order. */
  events: s.optional(s.array(s.record())),
  /** Log of the execution. */
  logId: s.optional(s.nullable(ids.log)),
  /** Log of the run of the completed config. */
  completedTaskLogId: s.optional(s.nullable(ids.log)),
});

/** Body of PATCH /workflows/{workflowId}/executions/{executionId}. */
export const updateWorkflowExecutionSchema = s.object({
  /** Transition to resume the execution at. */
  nextTransitionId: ids.transition,
});

/** A workflow execution's data as the API returns it. */
export type WorkflowExecutionData = Infer<typeof workflowExecutionSchema>;
/** Where a workflow execution stands. */
export type WorkflowExecutionStatus = Infer<typeof statusSchema>;
/** Options of `execution.update()`. */
export type UpdateWorkflowExecutionOptions = Infer<typeof updateWorkflowExecutionSchema>;
/** Options of `workflow.executions.list()`: `status` takes one status or several. */
export interface ListWorkflowExecutionsOptions extends ListOptions {
  /** Only those in this status, or in any of these. */
  status?: WorkflowExecutionStatus | WorkflowExecutionStatus[];
  /** Which time the list is sorted by. */
  sortBy?: SortBy;
  /** Oldest first (`ascending`) or newest first (`descending`). */
  order?: SortOrder;
}

/** The query of `GET /workflows/{workflowId}/executions`. */
export const listWorkflowExecutionsSchema = listSchema({
  /** Only those in this status, or in any of these. */
  status: s.optional(oneOrMore(statusSchema)),
  /** Which time the list is sorted by. */
  sortBy: s.optional(sortBySchema),
  /** Oldest first (`ascending`) or newest first (`descending`). */
  order: s.optional(orderSchema),
} satisfies Record<Exclude<keyof ListWorkflowExecutionsOptions, keyof ListOptions>, Schema>);
