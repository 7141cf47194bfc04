import { Collection, collectionOf } from './collection.js';
import { Entity, type Handle } from './entity.js';
import { entity } from './entity-metadata.js';
import { kinds } from '../api/kinds.js';
import type { ById, List, Ref, Refresh } from './methods.js';
import type { LogData, ListLogsOptions } from '../api/logs.js';

/** A log: what one transition execution wrote while it ran. */
@entity(kinds.log)
export class Log extends Entity<LogData> {
  /** Loads this log's data and events. `GET /logs/{logId}` */
  declare refresh: Refresh<this>;
}

/** A handle on a log (`ref(id)`): its id and its methods; `await handle.refresh()` gives the log. */
export type LogHandle = Handle<Log, LogData, 'logId'>;

/** `las.logs`: the logs of transition executions. */
@collectionOf(Log)
export class Logs extends Collection<Log> {
  /** Gets one log with its events. `GET /logs/{logId}` */
  declare get: ById<Log['refresh']>;

  /** Lists logs, optionally of one workflow, transition or execution. `GET /logs` */
  declare list: List<Log, ListLogsOptions>;

  /** A handle on a log by id, without a request. */
  declare ref: Ref<LogHandle>;
}
