import { s, type Infer, type Schema } from '../schema/index.js';
import { auditFields } from './fields.js';
import { ids } from './ids.js';
import { listSchema, oneOrMore, orderSchema, sortBySchema, type ListOptions, type SortOrder, type SortBy } from './list.js';
import { since2024, type InferEither } from './versioned.js';

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
  /** Who started the execution, a user or app client id (2024-11-29). */
  createdBy: s.optional(auditFields.createdBy),
});

/** Body of PATCH /workflows/{workflowId}/executions/{executionId}. */
export const updateWorkflowExecutionSchema = since2024(
  s.object({
    /** Transition to resume the execution at. */
    nextTransitionId: ids.transition,
  }),
  {
    with: {
      /** Transition to resume the execution at. */
      nextTransitionId: s.optional(ids.transition),
      /** Ends the execution as done: `succeeded`, or `completed`. */
      status: s.optional(s.enum(['succeeded', 'completed'])),
    },
  },
);

/** A workflow execution's data as the API returns it. */
export type WorkflowExecutionData = Infer<typeof workflowExecutionSchema>;
/** Where a workflow execution stands. */
export type WorkflowExecutionStatus = Infer<typeof statusSchema>;
/** Options of `execution.update()`. */
export type UpdateWorkflowExecutionOptions = InferEither<typeof updateWorkflowExecutionSchema>;
/** Options of `workflow.executions.list()`: `status` takes one status or several. */
export interface ListWorkflowExecutionsOptions extends ListOptions {
  /** Only those in this status, or in any of these (`completed`: 2024-11-29 only). */
  status?: WorkflowExecutionStatus | 'completed' | (WorkflowExecutionStatus | 'completed')[];
  /** Which time the list is sorted by. */
  sortBy?: SortBy;
  /** Oldest first (`ascending`) or newest first (`descending`). */
  order?: SortOrder;
  /** Only those started at this time or later (ISO 8601; 2024-11-29 only). */
  fromStartTime?: string;
  /** Only those started before this time (ISO 8601; 2024-11-29 only). */
  toStartTime?: string;
}

const startTimeSchema = s.described(s.string({ pattern: /^[0-9]{4}-[0-9]{2}-[0-9]{2}/ }), 'an ISO 8601 time (2024-11-29 or 2024-11-29T12:00:00Z)');

/**
 * The query of `GET /workflows/{workflowId}/executions` (under 2024-11-29 with the start time
 * bounds, and the `completed` status).
 */
export const listWorkflowExecutionsSchema = since2024(listSchema({
  /** Only those in this status, or in any of these. */
  status: s.optional(oneOrMore(statusSchema)),
  /** Which time the list is sorted by. */
  sortBy: s.optional(sortBySchema),
  /** Oldest first (`ascending`) or newest first (`descending`). */
  order: s.optional(orderSchema),
} satisfies Record<Exclude<keyof ListWorkflowExecutionsOptions, keyof ListOptions | 'fromStartTime' | 'toStartTime'>, Schema>), {
  with: {
    /** Only those in this status, or in any of these. */
    status: s.optional(oneOrMore(s.enum([...statusSchema.values as WorkflowExecutionStatus[], 'completed']))),
    /** Only those started at this time or later. */
    fromStartTime: s.optional(startTimeSchema),
    /** Only those started before this time. */
    toStartTime: s.optional(startTimeSchema),
  },
});
