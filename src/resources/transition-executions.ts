import { omit, s, type Infer, type Schema } from '../schema/index.js';
import { ids } from '../schema/ids.js';
import { path } from '../http/path.js';
import type { RequestOptions } from '../http/request-options.js';
import type { Session } from '../http/session.js';
import { Collection, listSchema, waitOptionsSchema, oneOrMore, orderSchema, sortBySchema, type ListOptions, type SortOrder, type SortBy } from './collection.js';
import { Entity, checkBody, checkId, entity } from './entity.js';
import { waitUntilFinal, type WaitOptions } from '../jobs/wait.js';

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

const updateOptionsSchema = omit(updateTransitionExecutionSchema, ['status']);
const listTransitionExecutionsSchema = listSchema({
  status: s.optional(oneOrMore(statusSchema)),
  executionId: s.optional(oneOrMore(ids.transitionExecution)),
  sortBy: s.optional(sortBySchema),
  order: s.optional(orderSchema),
} satisfies Record<Exclude<keyof ListTransitionExecutionsOptions, keyof ListOptions>, Schema>);

// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface TransitionExecution extends TransitionExecutionData {}

/** One run of a transition: its input, and once done its status. */
@entity(transitionExecutionSchema)
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class TransitionExecution extends Entity {
  /** The execution id. */
  get id(): string {
    return this.executionId;
  }

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

/** `transition.executions`: the executions of one transition. */
export class TransitionExecutions extends Collection<TransitionExecution> {
  protected readonly entity = TransitionExecution;

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
  ref(executionId: string): TransitionExecution {
    return this.handle({
      transitionId: this.transitionId,
      executionId: checkId(executionId, ids.transitionExecution, 'executionId', 'transition.executions'),
    });
  }
}
