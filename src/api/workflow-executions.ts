import { s, type Infer, type Schema } from '../schema/index.js';
import { ids } from './ids.js';
import { listSchema, oneOrMore, orderSchema, sortBySchema, type ListOptions, type SortOrder, type SortBy } from './list.js';

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

/** The query of `GET /workflows/{workflowId}/executions`. */
export const listWorkflowExecutionsSchema = listSchema({
  status: s.optional(oneOrMore(statusSchema)),
  sortBy: s.optional(sortBySchema),
  order: s.optional(orderSchema),
} satisfies Record<Exclude<keyof ListWorkflowExecutionsOptions, keyof ListOptions>, Schema>);
