import { s, type Infer, type Schema } from '../schema/index.js';
import { ids } from './ids.js';
import { listSchema, orderSchema, type ListOptions, type SortOrder } from './list.js';

/** The API's shape of a log. */
export const logSchema = s.object({
  /** Id of the log. */
  logId: ids.log,
  /** The workflow it belongs to. */
  workflowId: s.nullable(ids.workflow),
  /** The workflow execution it belongs to. */
  workflowExecutionId: s.nullable(ids.workflowExecution),
  /** The transition it belongs to. */
  transitionId: ids.transition,
  /** The transition execution it belongs to. */
  transitionExecutionId: s.nullable(ids.transitionExecution),
  /** When the run started. */
  startTime: s.nullable(s.timestamp()),
  /** What happened during the run, in order. */
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
  /** Only logs of this workflow. */
  workflowId: s.optional(ids.workflow),
  /** Only logs of this workflow execution. */
  workflowExecutionId: s.optional(ids.workflowExecution),
  /** Only logs of this transition. */
  transitionId: s.optional(ids.transition),
  /** Only logs of this transition execution. */
  transitionExecutionId: s.optional(ids.transitionExecution),
  /** Oldest first (`ascending`) or newest first (`descending`). */
  order: s.optional(orderSchema),
} satisfies Record<Exclude<keyof ListLogsOptions, keyof ListOptions>, Schema>);
