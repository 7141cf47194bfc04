import { omit } from '../schema/index.js';
import { path } from '../http/path.js';
import type { RequestOptions } from '../http/request-options.js';
import type { Session } from '../http/session.js';
import { Collection, waitOptionsSchema } from './collection.js';
import { Entity, type Handle, checkBody, checkId, entity } from './entity.js';
import { waitUntilFinal, type WaitOptions } from '../jobs/wait.js';
import { ids } from '../api/ids.js';
import {
  listTransitionExecutionsSchema,
  transitionExecutionSchema,
  updateTransitionExecutionSchema,
  type TransitionExecutionData,
  type TransitionExecutionUpdateStatus,
  type TransitionExecutionError,
  type UpdateTransitionExecutionOptions,
  type ListTransitionExecutionsOptions,
} from '../api/transition-executions.js';

const updateOptionsSchema = omit(updateTransitionExecutionSchema, ['status']);

/** One run of a transition: its input, and once done its status. */
@entity(transitionExecutionSchema, { id: 'executionId' })
export class TransitionExecution extends Entity<TransitionExecutionData> {
  protected get path(): string {
    return path`/transitions/${this.transitionId}/executions/${this.executionId}`;
  }

  /** Loads this execution's data. `GET /transitions/{transitionId}/executions/{executionId}` */
  async refresh(requestOptions?: RequestOptions): Promise<this> {
    return this.reload(undefined, requestOptions);
  }

  /** Sets the execution's status, with its output or error. `PATCH /transitions/{transitionId}/executions/{executionId}` */
  async update(status: TransitionExecutionUpdateStatus, options: UpdateTransitionExecutionOptions = {}, requestOptions?: RequestOptions): Promise<this> {
    checkBody(updateOptionsSchema, options, 'transitionExecution.update');
    return this.patchWith(updateTransitionExecutionSchema, { ...options, status }, 'transitionExecution.update', requestOptions);
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
    checkBody(waitOptionsSchema, options, 'transitionExecution.wait');
    return waitUntilFinal(this, ['running'], `transition execution ${this.executionId}`, options);
  }
}

/** A handle on a transition execution (`ref(id)`): its ids and its methods; `await handle.refresh()` gives the transition execution. */
export type TransitionExecutionHandle = Handle<TransitionExecution, TransitionExecutionData, 'transitionId' | 'executionId'>;

/** `transition.executions`: the executions of one transition. */
export class TransitionExecutions extends Collection<TransitionExecution> {
  protected readonly entity = TransitionExecution;

  /** @internal */
  constructor(
    session: Session,
    /** The transition these executions belong to. */
    readonly transitionId: string,
  ) {
    super(session);
  }

  /** Lists the transition's executions, optionally filtered. `GET /transitions/{transitionId}/executions` */
  list(options: ListTransitionExecutionsOptions = {}, requestOptions?: RequestOptions) {
    return this.listAt(path`/transitions/${this.transitionId}/executions`, 'executions', listTransitionExecutionsSchema, options, 'transition.executions.list', requestOptions);
  }

  /** Gets one execution. `GET /transitions/{transitionId}/executions/{executionId}` */
  async get(executionId: string, requestOptions?: RequestOptions): Promise<TransitionExecution> {
    return this.ref(executionId).refresh(requestOptions);
  }

  /** A handle on an execution by id, without a request. */
  ref(executionId: string): TransitionExecutionHandle {
    return this.handle({
      transitionId: this.transitionId,
      executionId: checkId(executionId, ids.transitionExecution, 'executionId', 'transition.executions'),
    });
  }
}
