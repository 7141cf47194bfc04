import { s, type Infer, type Schema } from '../schema/index.js';
import { ids } from '../schema/ids.js';
import { path } from '../http/path.js';
import type { RequestOptions } from '../http/request-options.js';
import { Collection, listSchema, orderSchema, type ListOptions, type SortOrder } from './collection.js';
import { Entity, checkId, entity } from './entity.js';

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

const listLogsSchema = listSchema({
  workflowId: s.optional(ids.workflow),
  workflowExecutionId: s.optional(ids.workflowExecution),
  transitionId: s.optional(ids.transition),
  transitionExecutionId: s.optional(ids.transitionExecution),
  order: s.optional(orderSchema),
} satisfies Record<Exclude<keyof ListLogsOptions, keyof ListOptions>, Schema>);

// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface Log extends LogData {}

/** A log: what one transition execution wrote while it ran. */
@entity(logSchema)
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Log extends Entity {
  /** The log id. */
  get id(): string {
    return this.logId;
  }

  protected get path(): string {
    return path`/logs/${this.logId}`;
  }

  /** Loads this log's data and events. `GET /logs/{logId}` */
  async refresh(requestOptions?: RequestOptions): Promise<this> {
    return this.reload(undefined, requestOptions);
  }
}

/** `las.logs`: the logs of transition executions. */
export class Logs extends Collection<Log> {
  protected readonly entity = Log;

  /** Gets one log with its events. `GET /logs/{logId}` */
  async get(logId: string, requestOptions?: RequestOptions): Promise<Log> {
    return this.ref(logId).refresh(requestOptions);
  }

  /** Lists logs, optionally of one workflow, transition or execution. `GET /logs` */
  list(options: ListLogsOptions = {}, requestOptions?: RequestOptions) {
    return this.listAt('/logs', 'logs', listLogsSchema, options, 'logs.list', requestOptions);
  }

  /** A handle on a log by id, without a request. */
  ref(logId: string): Log {
    return this.handle({ logId: checkId(logId, ids.log, 'logId', 'logs') });
  }
}
