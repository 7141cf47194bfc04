import { omit, s, type Schema } from '../schema/index.js';
import { since2024, type ByVersion } from '../api/versioned.js';
import type { ApiVersion } from '../api/versions/index.js';
import { shaped } from './shapes.js';
import type { RequestOptions } from '../http/request-options.js';
import { Collection, collectionOf } from './collection.js';
import { Entity, type Handle } from './entity.js';
import { entity } from './entity-metadata.js';
import { kinds } from '../api/kinds.js';
import { checkBody } from './checks.js';
import type { ById, Delete, List, Ref, Refresh } from './methods.js';
import { TransitionExecution, TransitionExecutions } from './transition-executions.js';
import { workTransition } from '../jobs/work-transition.js';
import type { TransitionHandler, TransitionOutput, WorkOptions, WorkSummary } from '../jobs/transition-work-types.js';
import {
  createTransitionSchema,
  updateTransitionSchema,
  type TransitionData,
  type TransitionType,
  type ListTransitionsOptions,
  type CreateTransitionBody,
  type UpdateTransitionBody,
  type CreateTransitionBody2024,
  type UpdateTransitionBody2024,
} from '../api/transitions.js';

/** The JSON schemas of a transition's input and output, by their SDK names. */
export interface TransitionSchemas {
  /** JSON schema every execution's input must fit (`inputJsonSchema` on the wire). */
  inSchema?: Record<string, unknown>;
  /** JSON schema every execution's output must fit (`outputJsonSchema` on the wire). */
  outSchema?: Record<string, unknown>;
}
/**
 * Options of `las.transitions.create()`: of 2021-09-23 (with the JSON schemas), or of 2024-11-29
 * (lambdas, bigger containers); on a client of API version `'2024-11-29'`, only the latter.
 */
export type CreateTransitionOptions<V extends ApiVersion = '2021-09-23'> = ByVersion<
  V,
  (TransitionSchemas & Omit<CreateTransitionBody, 'transitionType' | 'inputJsonSchema' | 'outputJsonSchema'>) | Omit<CreateTransitionBody2024, 'transitionType'>,
  Omit<CreateTransitionBody2024, 'transitionType'>
>;
/**
 * Options of `transition.update()`: of 2021-09-23, or of 2024-11-29 (its settings in
 * `parameters`); on a client of API version `'2024-11-29'`, only the latter.
 */
export type UpdateTransitionOptions<V extends ApiVersion = '2021-09-23'> = ByVersion<
  V,
  (TransitionSchemas & Omit<UpdateTransitionBody, 'inputJsonSchema' | 'outputJsonSchema'>) | UpdateTransitionBody2024,
  UpdateTransitionBody2024
>;

// The options name the schemas `inSchema`/`outSchema`; the body `inputJsonSchema`/`outputJsonSchema`.
const schemaOptions = { inSchema: s.optional(s.record()), outSchema: s.optional(s.record()) } satisfies Record<keyof TransitionSchemas, Schema>;
const createTransitionOptionsSchema = since2024(s.object({
  ...omit(createTransitionSchema, ['transitionType', 'inputJsonSchema', 'outputJsonSchema']).properties,
  ...schemaOptions,
} satisfies Record<keyof CreateTransitionOptions, Schema>), {
  without: ['inSchema', 'outSchema'],
  with: omit(createTransitionSchema.variants['2024-11-29'], ['transitionType']).properties,
});
const updateTransitionOptionsSchema = since2024(
  s.object(
    { ...omit(updateTransitionSchema, ['inputJsonSchema', 'outputJsonSchema']).properties, ...schemaOptions } satisfies Record<
      keyof UpdateTransitionOptions,
      Schema
    >,
    { minProperties: 1 },
  ),
  { without: ['inSchema', 'outSchema', 'assets', 'environment', 'environmentSecrets'], with: updateTransitionSchema.variants['2024-11-29'].properties },
);

/** The wire body of options that name the schemas `inSchema`/`outSchema`. */
function toWire({ inSchema, outSchema, ...rest }: TransitionSchemas) {
  // Only the schemas given: 2024-11-29's shape has no such fields, not even undefined ones.
  return { ...(inSchema !== undefined && { inputJsonSchema: inSchema }), ...(outSchema !== undefined && { outputJsonSchema: outSchema }), ...rest };
}

/**
 * A transition: one step of a workflow, run by a docker image or by a person. `V`: the API version
 * of the client it came from, which its update options follow.
 */
@entity(kinds.transition)
export class Transition<V extends ApiVersion = '2021-09-23'> extends Entity<TransitionData> {
  /** The executions of this transition. */
  get executions(): TransitionExecutions {
    return new TransitionExecutions(this.session, this.transitionId);
  }

  /** Loads this transition's data. `GET /transitions/{transitionId}` */
  declare refresh: Refresh<this>;

  /** Updates name, description, schemas, assets or environment. `PATCH /transitions/{transitionId}` */
  async update(options: UpdateTransitionOptions<V>, requestOptions?: RequestOptions): Promise<this> {
    const what = this.what('update');
    checkBody(shaped(this.session, updateTransitionOptionsSchema, options, what, { method: 'PATCH', path: this.path }), options, what);
    return this.patchWith(toWire(options as TransitionSchemas), requestOptions);
  }

  /** Deletes the transition. `DELETE /transitions/{transitionId}` */
  declare delete: Delete<this>;

  /** Starts an execution of this transition. `POST /transitions/{transitionId}/executions` */
  async execute(requestOptions?: RequestOptions): Promise<TransitionExecution> {
    const data = await this.session.post(`${this.path}/executions`, {}, requestOptions);
    return TransitionExecution.fromApi(this.session, data);
  }

  /**
   * Works on this manual transition: takes its pending executions with {@link Transition.execute}
   * (`POST /transitions/{transitionId}/executions`), runs `handler(input, execution)` on up to
   * `concurrency` at once with heartbeats, and ends each as succeeded with the returned output or
   * as failed with the thrown error's message. Runs until `signal` aborts (or, with `stopWhenIdle`,
   * until no execution is pending) and returns a summary.
   * Each failed request is told to `onError`. Asks for work that fail `maxConsecutiveFailures`
   * times in a row (default 10) end the work with a `PartialFailureError` whose `cause` is the
   * last error; an error no retry can fix (403, say) ends it at the first failure. Either way the
   * running executions first end as `onAbort` says.
   */
  async work<I = Record<string, unknown>, O extends TransitionOutput = TransitionOutput>(
    handler: TransitionHandler<I, O>,
    options: WorkOptions = {},
  ): Promise<WorkSummary> {
    return workTransition(this, handler, options);
  }
}

/** A handle on a transition (`ref(id)`): its id and its methods; `await handle.refresh()` gives the transition. */
export type TransitionHandle<V extends ApiVersion = '2021-09-23'> = Handle<Transition<V>, TransitionData, 'transitionId'>;

/** `las.transitions`: the transitions of the organization. */
@collectionOf(Transition)
export class Transitions<V extends ApiVersion = '2021-09-23'> extends Collection<Transition<V>> {
  /** Creates a transition. `POST /transitions` */
  async create(transitionType: TransitionType, options: CreateTransitionOptions<V> = {}, requestOptions?: RequestOptions): Promise<Transition<V>> {
    const what = this.what('create');
    checkBody(shaped(this.session, createTransitionOptionsSchema, options, what), options, what);
    const body = { ...toWire(options as TransitionSchemas), transitionType };
    return this.createWith(body, requestOptions);
  }

  /** Lists transitions, optionally of some types only. `GET /transitions` */
  declare list: List<Transition<V>, ListTransitionsOptions>;

  /** Gets one transition. `GET /transitions/{transitionId}` */
  declare get: ById<Transition<V>['refresh']>;

  /** Updates a transition. `PATCH /transitions/{transitionId}` */
  declare update: ById<Transition<V>['update']>;

  /** Deletes a transition. `DELETE /transitions/{transitionId}` */
  declare delete: ById<Transition<V>['delete']>;

  /** A handle on a transition by id (`las:transition:<hex>` or `las:transition:commons-<name>`), without a request. */
  declare ref: Ref<TransitionHandle<V>>;
}
