/**
 * The static checks of a workflow's ASL definition, run when the workflow is created so that an
 * execution never meets a dangling `Next` or an unknown state type.
 */
import { MAX_JSON_DEPTH } from 'las-sdk/api';
import { isObject, type JsonObject } from '../json.js';
import { preview } from '../logbook.js';
import { ruleProblem } from './choice.js';
import { isPath, parsePath } from './paths.js';

/** A checked state machine: `StartAt` and the states by name. */
export interface StateMachine {
  StartAt: string;
  States: Record<string, JsonObject>;
}

/** The state types the emulator runs. */
export const STATE_TYPES = ['Task', 'Pass', 'Choice', 'Succeed', 'Fail'] as const;

/** Longest state name ASL allows. */
export const MAX_STATE_NAME_LENGTH = 80;

/** Says what is wrong with a Task's `Resource` (a transition id), or undefined when it can run. */
export type ResourceCheck = (resource: unknown) => string | undefined;

/** What is wrong with `definition` (a sentence naming the field under `where`), or undefined. */
export function definitionProblem(definition: unknown, where: string, checkResource: ResourceCheck): string | undefined {
  if (!isObject(definition)) return `${where}: must be an object`;
  const { StartAt, States } = definition;
  if (!isObject(States) || Object.keys(States).length === 0) return `${where}.States: must be an object naming at least one state`;
  if (typeof StartAt !== 'string' || !Object.hasOwn(States, StartAt)) {
    return `${where}.StartAt: must name one of the States (${Object.keys(States).join(', ')})`;
  }
  for (const [name, state] of Object.entries(States)) {
    // As Step Functions has it; a name is repeated in every event of every state entered.
    if (name.length > MAX_STATE_NAME_LENGTH) return `${where}.States: a state name must be at most ${MAX_STATE_NAME_LENGTH} characters`;
    const problem = stateProblem(state, `${where}.States.${name}`, States, checkResource);
    if (problem) return problem;
  }
  return undefined;
}

function stateProblem(state: unknown, where: string, states: JsonObject, checkResource: ResourceCheck): string | undefined {
  if (!isObject(state)) return `${where}: must be an object`;
  const type = state.Type;
  if (!STATE_TYPES.includes(type as (typeof STATE_TYPES)[number])) {
    return `${where}.Type: must be one of ${STATE_TYPES.join(', ')} (the states the emulator runs), got ${preview(type)}`;
  }
  const known = (target: unknown, field: string) =>
    typeof target === 'string' && Object.hasOwn(states, target) ? undefined : `${field}: must name one of the States, got ${preview(target)}`;
  for (const field of ['InputPath', 'OutputPath', ...(type === 'Task' || type === 'Pass' ? ['ResultPath'] : [])]) {
    if (field in state && state[field] !== null && !isPath(state[field])) {
      return `${where}.${field}: must be null or a JSONPath such as $ or $.a.b`;
    }
  }
  // A ResultPath builds the objects it names: more steps than the nesting limit can never fit.
  if (typeof state.ResultPath === 'string' && (parsePath(state.ResultPath)?.length ?? 0) > MAX_JSON_DEPTH) {
    return `${where}.ResultPath: must have at most ${MAX_JSON_DEPTH} steps (the nesting limit of JSON data)`;
  }
  if ('Parameters' in state && !isObject(state.Parameters)) return `${where}.Parameters: must be an object`;
  switch (type) {
    case 'Task': {
      const problem = checkResource(state.Resource);
      if (problem) return `${where}.Resource: ${problem}`;
      return nextOrEnd(state, where, known);
    }
    case 'Pass':
      return nextOrEnd(state, where, known);
    case 'Choice': {
      const choices = state.Choices;
      if (!Array.isArray(choices) || choices.length === 0) return `${where}.Choices: must be a non-empty array of rules`;
      for (let i = 0; i < choices.length; i++) {
        const rule = choices[i];
        const problem = ruleProblem(rule, `${where}.Choices[${i}]`) ?? known((rule as JsonObject).Next, `${where}.Choices[${i}].Next`);
        if (problem) return problem;
      }
      return 'Default' in state ? known(state.Default, `${where}.Default`) : undefined;
    }
    case 'Fail':
      for (const field of ['Error', 'Cause']) {
        if (field in state && typeof state[field] !== 'string') return `${where}.${field}: must be a string`;
      }
      return undefined;
    default:
      return undefined;
  }
}

function nextOrEnd(state: JsonObject, where: string, known: (target: unknown, field: string) => string | undefined): string | undefined {
  if (state.End === true) return 'Next' in state ? `${where}: has both Next and End` : undefined;
  if (!('Next' in state)) return `${where}: needs Next or "End": true`;
  return known(state.Next, `${where}.Next`);
}
