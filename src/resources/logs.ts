import { path } from '../http/path.js';
import { Collection } from './collection.js';
import { Entity, checkId, entity } from './entity.js';
import { ids } from '../api/ids.js';
import { listLogsSchema, logSchema, type LogData, type ListLogsOptions } from '../api/logs.js';

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
  async refresh(): Promise<this> {
    return this.reload();
  }
}

/** `las.logs`: the logs of transition executions. */
export class Logs extends Collection<Log> {
  protected readonly entity = Log;

  /** Gets one log with its events. `GET /logs/{logId}` */
  async get(logId: string): Promise<Log> {
    return this.ref(logId).refresh();
  }

  /** Lists logs, optionally of one workflow, transition or execution. `GET /logs` */
  list(options: ListLogsOptions = {}) {
    return this.listAt('/logs', 'logs', listLogsSchema, options, 'logs.list');
  }

  /** A handle on a log by id, without a request. */
  ref(logId: string): Log {
    return this.handle({ logId: checkId(logId, ids.log, 'logId', 'logs') });
  }
}
