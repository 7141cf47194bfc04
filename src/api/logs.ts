import { s, type Infer, type Schema } from '../schema/index.js';
import { ids } from './ids.js';
import { listSchema, orderSchema, type ListOptions, type SortOrder } from './list.js';

/** The API's shape of a log. */
export const logSchema = s.object({
  logId: ids.log,
  workflowId: s.nullable(ids.workflow),
  workflowExecutionId: s.nullable(ids.workflowExecution),
  transitionId: ids.transition,
  transitionExecutionId: s.nullable(ids.transitionExecution),
  startTime: s.nullable(s.timestamp()),
  events: s.optional(s.array(s.record())),
});

/** A log's data as the API returns it. */
export type LogData = Infer<typeof logSchema>;
/** Options of `las.logs.list()`. */
export interface ListLogsOptions extends ListOptions {
  /** Only logs of this workflow. */
  workflowId?: string;
  /** Only logs of this workflow execution. */
  workflowExecutionId?: string;
  /** Only logs of this transition. */
  transitionId?: string;
  /** Only logs of this transition execution. */
  transitionExecutionId?: string;
  /** Oldest first (`ascending`) or newest first (`descending`). */
  order?: SortOrder;
}

/** The query of `GET /logs`. */
export const listLogsSchema = listSchema({
  workflowId: s.optional(ids.workflow),
  workflowExecutionId: s.optional(ids.workflowExecution),
  transitionId: s.optional(ids.transition),
  transitionExecutionId: s.optional(ids.transitionExecution),
  order: s.optional(orderSchema),
} satisfies Record<Exclude<keyof ListLogsOptions, keyof ListOptions>, Schema>);
