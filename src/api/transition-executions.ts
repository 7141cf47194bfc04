import { s, type Infer, type Schema } from '../schema/index.js';
import { ids } from './ids.js';
import { listSchema, oneOrMore, orderSchema, sortBySchema, type ListOptions, type SortOrder, type SortBy } from './list.js';

const statusSchema = s.enum(['running', 'succeeded', 'failed', 'rejected', 'retry']);

/** The API's shape of a transition execution. */
export const transitionExecutionSchema = s.object({
  /** Id of the execution. */
  executionId: ids.transitionExecution,
  /** The transition it belongs to. */
  transitionId: ids.transition,
  /** Input the execution got from the workflow. */
  input: s.record(),
  /** How the execution ended, or `running`. */
  status: statusSchema,
  /** Who ended it (a user or app client id). */
  completedBy: s.nullable(s.text()),
  /** When the work started. */
  startTime: s.optional(s.nullable(s.timestamp())),
  /** When it ended. */
  endTime: s.optional(s.nullable(s.timestamp())),
  /** Log of the run. */
  logId: s.optional(s.nullable(ids.log)),
  /** What the work gave back (2024-11-29). */
  output: s.optional(s.nullable(s.record())),
});

/** Body of PATCH /transitions/{transitionId}/executions/{executionId}. */
export const updateTransitionExecutionSchema = s.object({
  // `running` is the API's to set: a worker can only end an execution or hand it back.
  /** How the execution ended, or `running`. */
  status: s.enum(['succeeded', 'failed', 'rejected', 'retry']),
  /** The result, handed on to the workflow's next step. */
  output: s.optional(s.record()),
  /** Why the execution failed. */
  error: s.optional(s.object({
    /** What went wrong, for people. */
    message: s.string(),
  })),
  /** When the work started. */
  startTime: s.optional(s.nullable(s.timestamp())),
});

/** A transition execution's data as the API returns it. */
export type TransitionExecutionData = Infer<typeof transitionExecutionSchema>;
/** Where a transition execution stands. */
export type TransitionExecutionStatus = Infer<typeof statusSchema>;
/** The statuses `execution.update()` can set. */
export type TransitionExecutionUpdateStatus = Infer<typeof updateTransitionExecutionSchema>['status'];
/** Why an execution failed, as the API records it. */
export interface TransitionExecutionError {
  /** What went wrong, for people. */
  message: string;
}
/** Options of `execution.update()`. */
export interface UpdateTransitionExecutionOptions {
  /** The result, handed on to the workflow's next step. */
  output?: Record<string, unknown>;
  /** Why the execution failed. */
  error?: TransitionExecutionError;
  /** When the work started; a `Date` is sent as its ISO string. */
  startTime?: Date | string;
}
/** Options of `transition.executions.list()`: `status` and `executionId` take one value or several. */
export interface ListTransitionExecutionsOptions extends ListOptions {
  /** Only those in this status, or in any of these. */
  status?: TransitionExecutionStatus | TransitionExecutionStatus[];
  /** Only these executions. */
  executionId?: string | string[];
  /** Which time the list is sorted by. */
  sortBy?: SortBy;
  /** Oldest first (`ascending`) or newest first (`descending`). */
  order?: SortOrder;
}

/** The query of `GET /transitions/{transitionId}/executions`. */
export const listTransitionExecutionsSchema = listSchema({
  /** Only those in this status, or in any of these. */
  status: s.optional(oneOrMore(statusSchema)),
  /** Only these executions. */
  executionId: s.optional(oneOrMore(ids.transitionExecution)),
  /** Which time the list is sorted by. */
  sortBy: s.optional(sortBySchema),
  /** Oldest first (`ascending`) or newest first (`descending`). */
  order: s.optional(orderSchema),
} satisfies Record<Exclude<keyof ListTransitionExecutionsOptions, keyof ListOptions>, Schema>);
