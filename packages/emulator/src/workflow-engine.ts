/**
 * Runs workflows: the ASL definition of a workflow is interpreted state by state. Pass, Choice,
 * Succeed and Fail run at once; a Task creates a transition execution (status `running`, the
 * state's input) and the machine waits until a client ends that execution with a PATCH, or its
 * heartbeat deadline passes.
 */
import { MAX_JSON_DEPTH, jsonProblem, s } from 'las-sdk/api';
import { AslError } from './asl/errors.js';
import { matches } from './asl/choice.js';
import { definitionProblem, type StateMachine } from './asl/definition.js';
import { applyInputPath, applyOutputPath, applyParameters, applyResultPath } from './asl/paths.js';
import { HttpError, badRequest } from './http-error.js';
import { clone, getOwn, isObject, setOwn, type Json, type JsonObject } from './json.js';
import { preview } from './logbook.js';
import type { Row, Store } from './store.js';
import { isoTime } from './time.js';
import { TransitionRuns, type TaskLink } from './transition-runs.js';

/** The one transition of the commons the emulator knows: ending a workflow execution as failed. */
export const COMMONS_FAILED = 'las:transition:commons-failed';

// States run without reaching a Task or an end before the machine is judged to be looping.
const MAX_STEPS_WITHOUT_TASK = 1000;
const TRANSITION_ID = s.id('transition').pattern as RegExp;

/** How a client ends a transition execution (the body of its PATCH). */
export interface Completion {
  status?: 'succeeded' | 'failed' | 'rejected' | 'retry';
  output?: JsonObject;
  error?: JsonObject;
  startTime?: string;
}

// What the engine keeps out of sight on a workflow execution.
interface ExecutionState extends JsonObject {
  /** The state being run (a Task waiting for its transition execution), null once ended. */
  current: string | null;
  /** The running transition execution of the current Task. */
  currentExecution: string | null;
  /** The input each state last received: a retry from a step starts it again with this. */
  stateInputs: JsonObject;
}

/** Options of the {@link WorkflowEngine}. */
export interface EngineOptions {
  /**
   * Multiplies every transition's `timeoutInSeconds` (default 1). Tests of missed heartbeats use
   * 1/60, so that the spec's shortest timeout (60 s) passes in one second.
   */
  timeoutScale?: number;
}

/** The ASL interpreter and the life cycle of transition executions, over the store. */
export class WorkflowEngine {
  readonly #runs: TransitionRuns;

  constructor(
    private readonly store: Store,
    options: EngineOptions = {},
  ) {
    this.#runs = new TransitionRuns(store, options.timeoutScale ?? 1, (task, message) => this.#timedOut(task, message));
  }

  /** Stops every deadline timer. */
  close(): void {
    this.#runs.close();
  }

  /** Sets the deadlines of the running executions stored and no other (after a test's reset). */
  rearm(): void {
    this.#runs.rearm();
  }

  /** What is wrong with a workflow's definition (naming the field under `where`), or undefined. */
  definitionProblem(definition: unknown, where: string): string | undefined {
    return definitionProblem(definition, where, (resource) => {
      if (resource === COMMONS_FAILED || (typeof resource === 'string' && resource.startsWith('las:transition:commons-'))) {
        return `${String(resource)} is a transition of the commons, which the emulator does not run`;
      }
      if (typeof resource !== 'string' || !TRANSITION_ID.test(resource)) return 'must be a transition id like las:transition:<32 hex>';
      return this.store.tables.transitions.get(resource) ? undefined : `transition ${resource} does not exist`;
    });
  }

  /** Starts an execution of `workflow` on `input` and runs it up to its first Task (or its end). */
  start(workflow: Row, input: JsonObject): Row {
    const executionId = this.store.newId('workflow-execution');
    const data: JsonObject = {
      executionId,
      workflowId: workflow.id,
      input: clone(input),
      output: {},
      status: 'running',
      startTime: isoTime(),
      endTime: null,
      transitionExecutions: {},
      completedBy: [],
      events: [],
    };
    const hidden: ExecutionState = { current: null, currentExecution: null, stateInputs: {} };
    const execution = this.store.tables.workflowExecutions.insert(executionId, data, hidden);
    this.#event(execution, 'ExecutionStarted', `Started with input ${preview(input)}`);
    this.#run(execution, this.#machine(execution).StartAt, clone(input));
    return execution;
  }

  /**
   * `POST /transitions/{id}/executions`: hands out the oldest execution of the transition that
   * nobody has started yet. With none pending, a docker transition gets a fresh execution (its
   * input `{}`); a manual one answers 404.
   */
  execute(transition: Row, principal: string): Row {
    const pending = this.#runs.pending(transition.id);
    if (pending) {
      this.#runs.begin(pending, `Handed out to ${principal}`);
      return pending;
    }
    if (transition.data.transitionType !== 'docker') {
      throw new HttpError(404, `Transition ${transition.id} has no pending executions`);
    }
    const execution = this.#runs.create(transition, {}, { workflowExecution: null, state: null });
    this.#runs.begin(execution, `Started by ${principal}`);
    return execution;
  }

  /** `POST .../heartbeats`: moves the deadline of a running execution (starting it if pending). */
  heartbeat(execution: Row): void {
    this.#runs.heartbeat(execution);
  }

  /**
   * `PATCH /transitions/{id}/executions/{id}`: `succeeded` hands the output to the workflow's
   * next state; `failed` and `rejected` end the workflow execution with the error; `retry` runs
   * the same step again in a new execution.
   */
  complete(execution: Row, completion: Completion, principal: string): void {
    this.#runs.requireRunning(execution);
    if (completion.startTime !== undefined) this.#runs.startedAt(execution, completion.startTime);
    if (completion.status === undefined) return;
    const link = execution.hidden as TaskLink;
    const workflowExecution = link.workflowExecutionId ? this.store.tables.workflowExecutions.get(link.workflowExecutionId) : undefined;
    // An execution superseded by a retry or a deleted workflow execution moves nothing on.
    const current = workflowExecution && (workflowExecution.hidden as ExecutionState).currentExecution === execution.id;
    if (workflowExecution && current) addCompletedBy(workflowExecution, principal);
    switch (completion.status) {
      case 'succeeded': {
        link.output = completion.output ?? {};
        this.#runs.end(execution, 'succeeded', principal, `Succeeded (${principal}) with output ${preview(link.output)}`);
        if (workflowExecution && current) this.#taskSucceeded(workflowExecution, execution, link.output);
        return;
      }
      case 'failed':
      case 'rejected': {
        link.error = completion.error ?? { message: `The transition execution was ${completion.status}` };
        this.#runs.end(execution, completion.status, principal, `${capitalize(completion.status)} (${principal}): ${preview(link.error)}`);
        if (workflowExecution && current) {
          const message = isObject(link.error) && typeof link.error.message === 'string' ? link.error.message : preview(link.error);
          this.#finish(workflowExecution, completion.status, {
            error: { message, state: link.state, transitionId: execution.data.transitionId, transitionExecutionId: execution.id },
          });
        }
        return;
      }
      case 'retry': {
        this.#runs.end(execution, 'retry', principal, `Handed back for a retry (${principal})`);
        if (workflowExecution && current) {
          this.#event(workflowExecution, 'TaskRetried', `${execution.id} handed back: the step runs again`, link.state ?? undefined);
          this.#run(workflowExecution, link.state as string, getOwn((workflowExecution.hidden as ExecutionState).stateInputs, link.state as string) ?? {});
        }
        return;
      }
    }
  }

  /**
   * `PATCH /workflows/{id}/executions/{id}`: runs the execution again from the Task whose
   * Resource is `nextTransitionId`, on the input that step last had; `las:transition:commons-failed`
   * ends it as failed. A running step is closed first.
   */
  moveTo(execution: Row, nextTransitionId: string, principal: string): void {
    if (nextTransitionId.startsWith('las:transition:commons-') && nextTransitionId !== COMMONS_FAILED) {
      throw badRequest(`body.nextTransitionId: the emulator knows only ${COMMONS_FAILED} of the commons`);
    }
    const machine = this.#machine(execution);
    const state =
      nextTransitionId === COMMONS_FAILED
        ? undefined
        : Object.keys(machine.States).find((name) => machine.States[name].Type === 'Task' && machine.States[name].Resource === nextTransitionId);
    if (nextTransitionId !== COMMONS_FAILED && state === undefined) {
      throw badRequest(`body.nextTransitionId: ${nextTransitionId} is not the Resource of any Task of workflow ${String(execution.data.workflowId)}`);
    }
    this.#closeRunningStep(execution, `The workflow execution was sent to ${nextTransitionId} by ${principal}`);
    if (state === undefined) {
      const previous = isObject(execution.data.output) && isObject(execution.data.output.error) ? execution.data.output.error : {};
      this.#finish(execution, 'failed', { error: { ...previous, message: `Ended as failed by ${principal} (${COMMONS_FAILED})` } });
      return;
    }
    const hidden = execution.hidden as ExecutionState;
    Object.assign(execution.data, { status: 'running', output: {}, endTime: null });
    this.#event(execution, 'ExecutionRetried', `Sent to ${nextTransitionId} (state ${state}) by ${principal}`, state);
    this.#run(execution, state, getOwn(hidden.stateInputs, state) ?? clone(execution.data.input));
  }

  /**
   * `PATCH /workflows/{id}/executions/{id}` with a status (2024-11-29): ends the execution as
   * `succeeded` or `completed` by hand, its output kept. A running step is closed first; an
   * execution that had ended only changes its status.
   */
  endAs(execution: Row, status: 'succeeded' | 'completed', principal: string): void {
    addCompletedBy(execution, principal);
    if (execution.data.status !== 'running') {
      // An ended execution (a failed one, handled by hand) keeps when it ended.
      execution.data.status = status;
      this.#event(execution, 'ExecutionMarked', `Marked ${status} by ${principal}`);
      return;
    }
    this.#closeRunningStep(execution, `The workflow execution was ended as ${status} by ${principal}`);
    this.#finish(execution, status, execution.data.output as Json);
  }

  /** Before a workflow execution is deleted: its running step is closed and its deadline cancelled. */
  discard(execution: Row): void {
    this.#closeRunningStep(execution, 'The workflow execution was deleted');
  }

  // ---------------------------------------------------------------- the state machine

  #run(execution: Row, start: string, input: Json): void {
    const machine = this.#machine(execution);
    const hidden = execution.hidden as ExecutionState;
    let name = start;
    let value = input;
    for (let step = 0; ; step++) {
      if (step >= MAX_STEPS_WITHOUT_TASK) {
        this.#fail(execution, new AslError('States.Runtime', `${MAX_STEPS_WITHOUT_TASK} states ran without reaching a Task or an end`), name);
        return;
      }
      const state = machine.States[name];
      hidden.current = name;
      this.#event(execution, 'StateEntered', `Entered ${String(state.Type)} state ${name}`, name);
      let next: string;
      try {
        setOwn(hidden.stateInputs, name, clone(bounded(value, `The input of state ${name}`)));
        switch (state.Type) {
          case 'Task':
            this.#startTask(execution, name, state, value);
            return;
          case 'Pass': {
            const effective = parameters(state, applyInputPath(value, path(state.InputPath)));
            const result = 'Result' in state ? clone(state.Result) : effective;
            value = applyOutputPath(applyResultPath(value, result, path(state.ResultPath)), path(state.OutputPath));
            if (state.End === true) return this.#finish(execution, 'succeeded', value);
            next = state.Next as string;
            break;
          }
          case 'Choice': {
            const effective = applyInputPath(value, path(state.InputPath));
            const rule = (state.Choices as JsonObject[]).find((candidate) => matches(candidate, effective));
            const target = (rule?.Next ?? state.Default) as string | undefined;
            if (target === undefined) throw new AslError('States.NoChoiceMatched', `No choice of state ${name} matched and it has no Default`);
            value = applyOutputPath(effective, path(state.OutputPath));
            next = target;
            break;
          }
          case 'Succeed':
            return this.#finish(execution, 'succeeded', applyOutputPath(applyInputPath(value, path(state.InputPath)), path(state.OutputPath)));
          case 'Fail': {
            const error = (state.Error as string | undefined) ?? 'States.Fail';
            return this.#finish(execution, 'failed', { error: { name: error, message: (state.Cause as string | undefined) ?? error, state: name } });
          }
          default:
            throw new AslError('States.Runtime', `State type ${String(state.Type)} cannot run`);
        }
      } catch (error) {
        if (!(error instanceof AslError)) throw error;
        this.#fail(execution, error, name);
        return;
      }
      name = next;
    }
  }

  #startTask(execution: Row, name: string, state: JsonObject, input: Json): void {
    const effective = bounded(parameters(state, applyInputPath(input, path(state.InputPath))), `The input of Task ${name}`);
    if (!isObject(effective)) throw new AslError('States.Runtime', `The input of Task ${name} must be an object, got ${preview(effective)}`);
    const transition = this.store.tables.transitions.get(state.Resource as string);
    if (!transition) throw new AslError('States.TaskFailed', `Transition ${String(state.Resource)} of Task ${name} no longer exists`);
    const task = this.#runs.create(transition, effective, { workflowExecution: execution, state: name });
    const runs = execution.data.transitionExecutions as JsonObject;
    runs[transition.id] = [...((runs[transition.id] as Json[] | undefined) ?? []), task.id];
    (execution.hidden as ExecutionState).currentExecution = task.id;
    this.#event(execution, 'TaskScheduled', `${task.id} of ${transition.id} is waiting to be run`, name);
  }

  #taskSucceeded(execution: Row, task: Row, output: Json): void {
    const name = (task.hidden as TaskLink).state as string;
    const state = this.#machine(execution).States[name];
    const hidden = execution.hidden as ExecutionState;
    hidden.currentExecution = null;
    this.#event(execution, 'TaskSucceeded', `${task.id} succeeded`, name);
    let value: Json;
    try {
      value = applyOutputPath(applyResultPath(getOwn(hidden.stateInputs, name) ?? {}, output, path(state.ResultPath)), path(state.OutputPath));
    } catch (error) {
      if (!(error instanceof AslError)) throw error;
      return this.#fail(execution, error, name);
    }
    if (state.End === true) this.#finish(execution, 'succeeded', value);
    else this.#run(execution, state.Next as string, value);
  }

  #fail(execution: Row, error: AslError, state: string): void {
    this.#finish(execution, 'failed', { error: { name: error.error, message: error.message, state } });
  }

  #finish(execution: Row, status: string, output: Json): void {
    const hidden = execution.hidden as ExecutionState;
    let result: JsonObject = isObject(output) ? output : { value: output };
    if (jsonProblem(result, 'output')) {
      status = 'failed';
      const message = `The output of the execution is nested deeper than ${MAX_JSON_DEPTH} levels`;
      result = { error: { name: 'States.Runtime', message, state: hidden.current } };
    }
    Object.assign(execution.data, { status, output: result, endTime: isoTime() });
    hidden.current = null;
    hidden.currentExecution = null;
    const done = status === 'succeeded' || status === 'completed';
    this.#event(execution, done ? 'ExecutionSucceeded' : 'ExecutionFailed', `Ended ${status}`);
  }

  #machine(execution: Row): StateMachine {
    const workflow = this.store.tables.workflows.require(execution.data.workflowId as string);
    return (workflow.hidden.specification as JsonObject).definition as unknown as StateMachine;
  }

  #event(execution: Row, type: string, message: string, state?: string): void {
    const event: JsonObject = { timestamp: isoTime(), type, message };
    if (state !== undefined) event.state = state;
    (execution.data.events as Json[]).push(event);
    this.store.tables.workflowExecutions.changed();
  }

  // A running step is closed (superseded or deleted): its execution fails and moves nothing on.
  #closeRunningStep(execution: Row, reason: string): void {
    const hidden = execution.hidden as ExecutionState;
    const task = hidden.currentExecution ? this.store.tables.transitionExecutions.get(hidden.currentExecution) : undefined;
    if (task) this.#runs.abandon(task, reason);
    hidden.currentExecution = null;
  }

  #timedOut(task: Row, message: string): void {
    const link = task.hidden as TaskLink;
    const execution = link.workflowExecutionId ? this.store.tables.workflowExecutions.get(link.workflowExecutionId) : undefined;
    if (!execution || (execution.hidden as ExecutionState).currentExecution !== task.id) return;
    this.#finish(execution, 'failed', {
      error: { name: 'States.Timeout', message, state: link.state, transitionId: task.data.transitionId, transitionExecutionId: task.id },
    });
  }
}

/**
 * `value`, when it nests no deeper than the API's limit; else the execution fails. Paths and
 * Parameters can nest data a little deeper at each state, and a loop of states without end:
 * data no client could send back, that would at last overflow the stack when copied or saved.
 */
function bounded(value: Json, what: string): Json {
  if (jsonProblem(value, what)) throw new AslError('States.Runtime', `${what} is nested deeper than ${MAX_JSON_DEPTH} levels`);
  return value;
}

function parameters(state: JsonObject, input: Json): Json {
  return isObject(state.Parameters) ? applyParameters(state.Parameters, input) : input;
}

// A field that is absent stays undefined (the default applies); an explicit null stays null.
function path(value: Json | undefined): string | null | undefined {
  return value as string | null | undefined;
}

function addCompletedBy(execution: Row, principal: string): void {
  const completedBy = execution.data.completedBy as Json[];
  if (!completedBy.includes(principal)) completedBy.push(principal);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
