import { path } from '../http/path.js';
import type { RequestOptions } from '../http/request-options.js';
import { Collection } from './collection.js';
import { Entity, type Handle, checkId, entity } from './entity.js';
import { ids } from '../api/ids.js';
import { listLogsSchema, logSchema, type LogData, type ListLogsOptions } from '../api/logs.js';

/** A log: what one transition execution wrote while it ran. */
@entity(logSchema, { id: 'logId' })
export class Log extends Entity<LogData> {
  protected get path(): string {
    return path`/logs/${this.logId}`;
  }

  /** Loads this log's data and events. `GET /logs/{logId}` */
  async refresh(requestOptions?: RequestOptions): Promise<this> {
    return this.reload(undefined, requestOptions);
  }
}

/** A handle on a log (`ref(id)`): its id and its methods; `await handle.refresh()` gives the log. */
export type LogHandle = Handle<Log, LogData, 'logId'>;

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
  ref(logId: string): LogHandle {
    return this.handle({ logId: checkId(logId, ids.log, 'logId', 'logs') });
  }
}
