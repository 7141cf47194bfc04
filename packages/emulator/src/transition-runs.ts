/**
 * The life of a transition execution: created `running` and pending, started when a worker takes
 * it (or heartbeats it), kept alive by heartbeats until the transition's `timeoutInSeconds`
 * passes without one, ended by its worker or by that deadline. Each one has a log.
 */
import { Deadlines } from './deadlines.js';
import { badRequest } from './http-error.js';
import { clone, type Json, type JsonObject } from './json.js';
import { appendLog, openLog, preview } from './logbook.js';
import type { Row, Store } from './store.js';
import { isoTime } from './time.js';

/** How long a transition execution may go without a heartbeat when its transition names no timeout. */
export const DEFAULT_TIMEOUT_SECONDS = 1800;

/** What is kept out of sight on a transition execution. */
export interface TaskLink extends JsonObject {
  /** The workflow execution whose Task created it; null when started on its own. */
  workflowExecutionId: string | null;
  /** The Task state that created it. */
  state: string | null;
  /** Milliseconds without a heartbeat after which the execution fails. */
  timeoutMs: number;
  /** Epoch ms of the heartbeat deadline while the execution runs and has started. */
  deadline: number | null;
  /** What its worker reported: the API shows neither on the execution, its log records them. */
  output: Json;
  error: Json;
}

/** Where a new execution comes from: a Task of a workflow execution, or nowhere (a docker transition run on its own). */
export interface RunOrigin {
  workflowExecution: Row | null;
  state: string | null;
}

/** Called when an execution missed its deadline and was failed, with the reason. */
export type TimeoutListener = (execution: Row, message: string) => void;

/** Creates, starts, keeps alive and ends transition executions. */
export class TransitionRuns {
  readonly #deadlines: Deadlines;

  constructor(
    private readonly store: Store,
    /** Multiplies every transition's timeout (tests shorten them). */
    private readonly timeoutScale: number,
    private readonly onTimeout: TimeoutListener,
  ) {
    this.#deadlines = new Deadlines(store.clock, (id) => this.#expire(id));
    this.rearm();
  }

  /** Sets the deadlines of the running executions stored (after a restart, or a test's reset) and no other. */
  rearm(): void {
    this.#deadlines.clearAll();
    for (const row of this.store.tables.transitionExecutions.rows()) {
      const deadline = (row.hidden as TaskLink).deadline;
      if (row.data.status === 'running' && typeof deadline === 'number') this.#deadlines.set(row.id, deadline);
    }
  }

  /** Stops every deadline timer. */
  close(): void {
    this.#deadlines.clearAll();
  }

  /** A new execution of `transition` on `input`: running, not yet started, with its log. */
  create(transition: Row, input: JsonObject, origin: RunOrigin): Row {
    const executionId = this.store.newId('transition-execution');
    const logId = this.store.newId('log');
    const data: JsonObject = {
      executionId,
      transitionId: transition.id,
      input: clone(input),
      status: 'running',
      completedBy: null,
      startTime: null,
      endTime: null,
      logId,
    };
    const seconds = (transition.data.timeoutInSeconds as number | undefined) ?? DEFAULT_TIMEOUT_SECONDS;
    const link: TaskLink = {
      workflowExecutionId: origin.workflowExecution?.id ?? null,
      state: origin.state,
      timeoutMs: seconds * 1000 * this.timeoutScale,
      deadline: null,
      output: null,
      error: null,
    };
    const row = this.store.tables.transitionExecutions.insert(executionId, data, link);
    const { workflowExecution } = origin;
    openLog(
      this.store,
      logId,
      {
        transitionId: transition.id,
        transitionExecutionId: executionId,
        workflowId: (workflowExecution?.data.workflowId as string | undefined) ?? null,
        workflowExecutionId: workflowExecution?.id ?? null,
      },
      `Created ${workflowExecution ? `by state ${origin.state} of ${workflowExecution.id}` : 'outside any workflow'} with input ${preview(input)}`,
    );
    return row;
  }

  /** The oldest execution of a transition that nobody has started yet. */
  pending(transitionId: string): Row | undefined {
    return this.store.tables.transitionExecutions
      .rows()
      .find((row) => row.data.transitionId === transitionId && row.data.status === 'running' && row.data.startTime === null);
  }

  /** Starts an execution now: its start time is set and its heartbeat deadline runs from here. */
  begin(execution: Row, message: string): void {
    execution.data.startTime = isoTime();
    this.#arm(execution);
    appendLog(this.store, execution.data.logId, message);
    this.store.tables.transitionExecutions.changed();
  }

  /** A heartbeat: moves the deadline of a running execution, starting it if nobody had. */
  heartbeat(execution: Row): void {
    this.requireRunning(execution);
    if (execution.data.startTime === null) return this.begin(execution, 'Started by its first heartbeat');
    this.#arm(execution);
    appendLog(this.store, execution.data.logId, 'Heartbeat');
    this.store.tables.transitionExecutions.changed();
  }

  /** The worker's own start time (PATCH with `startTime`); the deadline runs from now. */
  startedAt(execution: Row, startTime: string): void {
    execution.data.startTime = startTime;
    this.#arm(execution);
    this.store.tables.transitionExecutions.changed();
  }

  /** Ends an execution with a status, recording who ended it (null: the emulator itself) and why. */
  end(execution: Row, status: string, completedBy: string | null, logLine: string): void {
    Object.assign(execution.data, { status, endTime: isoTime(), completedBy });
    if (execution.data.startTime === null) execution.data.startTime = execution.data.endTime;
    (execution.hidden as TaskLink).deadline = null;
    this.#deadlines.clear(execution.id);
    appendLog(this.store, execution.data.logId, logLine);
    this.store.tables.transitionExecutions.changed();
  }

  /** Ends a running execution as failed with `reason` (superseded, deleted, timed out). */
  abandon(execution: Row, reason: string): void {
    if (execution.data.status !== 'running') return;
    (execution.hidden as TaskLink).error = { message: reason };
    this.end(execution, 'failed', null, `Failed: ${reason}`);
  }

  /** A 400 unless the execution is running: an ended execution takes no heartbeat and no result. */
  requireRunning(execution: Row): void {
    if (execution.data.status !== 'running') {
      throw badRequest(`Transition execution ${execution.id} is ${String(execution.data.status)}, not running`);
    }
  }

  #arm(execution: Row): void {
    const link = execution.hidden as TaskLink;
    link.deadline = this.store.clock.now() + link.timeoutMs;
    this.#deadlines.set(execution.id, link.deadline);
  }

  #expire(id: string): void {
    const execution = this.store.tables.transitionExecutions.get(id);
    if (!execution || execution.data.status !== 'running') return;
    const message = `No heartbeat or result within ${(execution.hidden as TaskLink).timeoutMs / 1000} s: the transition execution timed out`;
    this.abandon(execution, message);
    this.onTimeout(execution, message);
    // No request is being answered: save now. A failed save must not throw out of a timer (that
    // ends the host process); the state stays unsaved and the next request's save tries again.
    try {
      this.store.commit();
    } catch {
      this.store.touch();
    }
  }
}
