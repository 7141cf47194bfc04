import { s, type Infer, type Schema } from '../schema/index.js';
import { ids } from './ids.js';
import { listSchema, oneOrMore, orderSchema, sortBySchema, type ListOptions, type SortOrder, type SortBy } from './list.js';

const statusSchema = s.enum(['running', 'succeeded', 'failed', 'rejected', 'retry']);

/** The API's shape of a transition execution. */
export const transitionExecutionSchema = s.object({
  executionId: ids.transitionExecution,
  transitionId: ids.transition,
  input: s.record(),
  status: statusSchema,
  completedBy: s.nullable(s.text()),
  startTime: s.optional(s.nullable(s.timestamp())),
  endTime: s.optional(s.nullable(s.timestamp())),
  logId: s.optional(s.nullable(ids.log)),
});

/** Body of PATCH /transitions/{transitionId}/executions/{executionId}. */
export const updateTransitionExecutionSchema = s.object({
  // `running` is the API's to set: a worker can only end an execution or hand it back.
  status: s.enum(['succeeded', 'failed', 'rejected', 'retry']),
  output: s.optional(s.record()),
  error: s.optional(s.object({ message: s.string() })),
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
  status?: TransitionExecutionStatus | TransitionExecutionStatus[];
  executionId?: string | string[];
  sortBy?: SortBy;
  order?: SortOrder;
}

/** The query of `GET /transitions/{transitionId}/executions`. */
export const listTransitionExecutionsSchema = listSchema({
  status: s.optional(oneOrMore(statusSchema)),
  executionId: s.optional(oneOrMore(ids.transitionExecution)),
  sortBy: s.optional(sortBySchema),
  order: s.optional(orderSchema),
} satisfies Record<Exclude<keyof ListTransitionExecutionsOptions, keyof ListOptions>, Schema>);
