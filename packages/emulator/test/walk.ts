/** What the spec walks of both API versions (spec-walk.test.ts, spec-walk-2024.test.ts) share. */
import { resolveRef, type OperationObject, type SpecVersion } from '../../../test/helpers/spec.js';
import { raw, type EmulatorFixture } from './helpers.js';

/** A JSON body. */
export type Body = Record<string, unknown>;
/** Path ids by parameter name. */
export type Ids = Record<string, string>;
/** A query: a repeated parameter takes a list. */
export type Query = Record<string, string | string[]>;

/** A POST that must succeed (setting up a walk's request): its answer. */
export function poster(t: EmulatorFixture): (path: string, body?: Body) => Promise<Body> {
  return async (path, body = {}) => {
    const answer = await raw(t.emu, 'POST', path, { body });
    if (answer.status !== 200) throw new Error(`setting up: POST ${path} -> ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
}

/**
 * Fresh workflow-side entities (a valid DELETE or PATCH may use up what it was given): transitions,
 * a workflow of one manual Task, and an execution of it waiting at its Task (the Task's transition
 * execution pending).
 */
export function workflowMakers(post: (path: string, body?: Body) => Promise<Body>) {
  const makers = {
    dockerTransition: async () => (await post('/transitions', { transitionType: 'docker', parameters: { imageUrl: 'example.com/x:1' } })).transitionId as string,
    manualTransition: async () => (await post('/transitions', { transitionType: 'manual' })).transitionId as string,
    async workflow(transitionId?: string): Promise<Ids> {
      const step = transitionId ?? (await makers.manualTransition());
      const definition = { StartAt: 'A', States: { A: { Type: 'Task', Resource: step, End: true } } };
      return { workflowId: (await post('/workflows', { specification: { definition } })).workflowId as string, transitionId: step };
    },
    async workflowExecution(): Promise<Ids> {
      const ids = await makers.workflow();
      const execution = await post(`/workflows/${ids.workflowId}/executions`, { input: { walk: true } });
      const [executionId] = (execution.transitionExecutions as Record<string, string[]>)[ids.transitionId];
      return { ...ids, executionId: execution.executionId as string, transitionExecutionId: executionId };
    },
  };
  return makers;
}

/** `path` with `ids` put in (encoded) and `query` after it. */
export function urlOf(path: string, ids: Ids, query: Query = {}): string {
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(ids[name]));
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) for (const one of [value].flat()) search.append(name, one);
  return search.size ? `${url}?${search}` : url;
}

/** An operation with the parameters it declares. */
export type WithParameters = OperationObject & { parameters?: { in: string; name: string }[] };

/** The JSON body schema an operation declares, its `$ref` followed in the spec of `version`. */
export function requestSchemaOf(operation: OperationObject, version?: SpecVersion) {
  const declared = operation.requestBody?.content?.['application/json']?.schema;
  return declared && resolveRef(declared, version);
}

/** The arguments an operation takes besides its path: body fields and query parameters (but `nextToken`, which follows). */
export function argumentsOf(operation: OperationObject, version?: SpecVersion): { body: string[]; query: string[] } {
  const declared = requestSchemaOf(operation, version);
  const query = ((operation as WithParameters).parameters ?? []).filter((p) => p.in === 'query' && p.name !== 'nextToken').map((p) => p.name);
  return { body: Object.keys(declared?.properties ?? {}), query };
}

/** Whether an operation takes arguments its smallest request leaves out. */
export function hasOptionalArguments(operation: OperationObject, version?: SpecVersion): boolean {
  const required = requestSchemaOf(operation, version)?.required ?? [];
  const { body, query } = argumentsOf(operation, version);
  return query.length > 0 || body.some((name) => !required.includes(name));
}
