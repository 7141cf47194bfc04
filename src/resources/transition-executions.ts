import { omit } from '../schema/index.js';
import type { RequestOptions } from '../http/request-options.js';
import type { Session } from '../http/session.js';
import { Collection, collectionOf, waitOptionsSchema } from './collection.js';
import { Entity, type Handle } from './entity.js';
import { entity } from './entity-metadata.js';
import { kinds } from '../api/kinds.js';
import { checkBody } from './checks.js';
import type { ById, List, Ref, Refresh } from './methods.js';
import { waitUntilFinal, type WaitOptions } from '../jobs/wait.js';
import {
  updateTransitionExecutionSchema,
  type TransitionExecutionData,
  type TransitionExecutionUpdateStatus,
  type TransitionExecutionError,
  type UpdateTransitionExecutionOptions,
  type ListTransitionExecutionsOptions,
} from '../api/transition-executions.js';

const updateOptionsSchema = omit(updateTransitionExecutionSchema, ['status']);

/** One run of a transition: its input, and once done its status. */
@entity(kinds.transitionExecution)
export class TransitionExecution extends Entity<TransitionExecutionData> {
  /** Loads this execution's data. `GET /transitions/{transitionId}/executions/{executionId}` */
  declare refresh: Refresh<this>;

  /** Sets the execution's status, with its output or error. `PATCH /transitions/{transitionId}/executions/{executionId}` */
  async update(status: TransitionExecutionUpdateStatus, options: UpdateTransitionExecutionOptions = {}, requestOptions?: RequestOptions): Promise<this> {
    checkBody(updateOptionsSchema, options, this.what('update'));
    return this.patchWith({ ...options, status }, requestOptions);
  }

  /** Marks the execution succeeded with its output. `PATCH /transitions/{transitionId}/executions/{executionId}` */
  async succeed(output: Record<string, unknown>, requestOptions?: RequestOptions): Promise<this> {
    return this.update('succeeded', { output }, requestOptions);
  }

  /**
   * Marks the execution failed. `PATCH /transitions/{transitionId}/executions/{executionId}`.
   * A string or an `Error` becomes `{ message }`.
   */
  async fail(error: TransitionExecutionError | string, requestOptions?: RequestOptions): Promise<this> {
    // An Error's message is not enumerable: sent as it is, it would reach the API as `{}`.
    const body = typeof error === 'string' ? { message: error } : error instanceof Error ? { message: error.message } : error;
    return this.update('failed', { error: body }, requestOptions);
  }

  /** Tells the API the execution is still being worked on. `POST /transitions/{transitionId}/executions/{executionId}/heartbeats` */
  async heartbeat(requestOptions?: RequestOptions): Promise<void> {
    await this.session.post(`${this.path}/heartbeats`, {}, requestOptions);
  }

  /**
   * Polls until the execution is no longer `running` and returns it refreshed.
   * `GET /transitions/{transitionId}/executions/{executionId}` with backoff. Past `timeout` a
   * `WaitTimeoutError`, on `signal` a `WaitAbortedError`.
   */
  async wait(options: WaitOptions = {}): Promise<this> {
    checkBody(waitOptionsSchema, options, this.what('wait'));
    return waitUntilFinal(this, ['running'], `transition execution ${this.executionId}`, options);
  }
}

/** A handle on a transition execution (`ref(id)`): its ids and its methods; `await handle.refresh()` gives the transition execution. */
export type TransitionExecutionHandle = Handle<TransitionExecution, TransitionExecutionData, 'transitionId' | 'executionId'>;

/** `transition.executions`: the executions of one transition. */
@collectionOf(TransitionExecution)
export class TransitionExecutions extends Collection<TransitionExecution> {
  /** @internal */
  constructor(
    session: Session,
    /** The transition these executions belong to. */
    readonly transitionId: string,
  ) {
    super(session);
  }

  /** Lists the transition's executions, optionally filtered. `GET /transitions/{transitionId}/executions` */
  declare list: List<TransitionExecution, ListTransitionExecutionsOptions>;

  /** Gets one execution. `GET /transitions/{transitionId}/executions/{executionId}` */
  declare get: ById<TransitionExecution['refresh']>;

  /** A handle on an execution by id, without a request. */
  declare ref: Ref<TransitionExecutionHandle>;
}
