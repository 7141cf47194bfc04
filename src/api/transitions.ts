import { s, type Infer, type Schema } from '../schema/index.js';
import { auditFields, nameAndDescription, optionalNameAndDescription } from './fields.js';
import { ids } from './ids.js';
import { listSchema, oneOrMore, type ListOptions } from './list.js';
import { since2024 } from './versioned.js';

const transitionTypeSchema = s.enum(['docker', 'manual']);
/** Asset ids by name; a manual transition's UI is the asset named `jsRemoteComponent`. */
const assetsSchema = s.record(ids.asset);
const secretIdsSchema = s.array(ids.secret);
/** Environment variables of the docker image, by name. */
const environmentSchema = s.record(s.string());
const timeoutSchema = s.integer({ minimum: 60, maximum: 1800 });

const dockerParametersSchema = s.object({
  /** Docker image that does the work. */
  imageUrl: s.string(),
  /** CPU units of the container (1024 = one core). */
  cpu: s.optional(s.integer([256])),
  /** Memory of the container, in MiB. */
  memory: s.optional(s.integer([512, 1024, 2048])),
  /** Environment variables the container runs with. */
  environment: s.optional(environmentSchema),
  /** Secrets whose values are added to the environment. */
  environmentSecrets: s.optional(secretIdsSchema),
  /** Secret holding the credentials to pull the image with. */
  secretId: s.optional(ids.secret),
});
const manualParametersSchema = s.object({
  /** Assets the manual task's UI uses, by name. */
  assets: s.optional(assetsSchema),
});

// 2024-11-29: lambdas beside docker images, bigger containers, longer timeouts; every setting of
// a transition in its parameters (its update body no longer has assets or an environment of its own).
const transitionType2024Schema = s.enum(['docker', 'manual', 'lambda']);
const timeout2024Schema = s.integer({ minimum: 60, maximum: 10800 });
const lambdaIdSchema = s.described(s.string({ pattern: /^las:lambda:[a-z0-9-_]+:[a-z0-9-_]+$/ }), 'a lambda id (las:lambda:<name>:<version>)');
const docker2024Properties = {
  /** Docker image that does the work. */
  imageUrl: s.string(),
  /** CPU units of the container (1024 = one core). */
  cpu: s.optional(s.integer([256, 512, 1024])),
  /** Memory of the container, in MiB. */
  memory: s.optional(s.integer([512, 1024, 2048, 4096, 8192])),
  /** Environment variables the container runs with. */
  environment: s.optional(environmentSchema),
  /** Secrets whose values are added to the environment. */
  environmentSecrets: s.optional(secretIdsSchema),
  /** Secret holding the credentials to pull the image with. */
  secretId: s.optional(ids.secret),
};
const lambdaParametersSchema = s.object({
  /** The lambda that does the work. */
  lambdaId: lambdaIdSchema,
  /** Environment variables it runs with. */
  environment: s.optional(environmentSchema),
  /** Secrets whose values are added to the environment. */
  environmentSecrets: s.optional(secretIdsSchema),
});
const parameters2024Schema = s.union(s.object(docker2024Properties), lambdaParametersSchema, manualParametersSchema);
// An update may change any one setting; the environment, its secrets and the pull secret may be cleared (null).
const updateParameters2024Schema = s.union(
  s.object({
    ...docker2024Properties,
    /** Docker image that does the work. */
    imageUrl: s.optional(s.string()),
    /** Environment variables the container runs with (null: none). */
    environment: s.optional(s.nullable(environmentSchema)),
    /** Secrets whose values are added to the environment (null: none). */
    environmentSecrets: s.optional(s.nullable(secretIdsSchema)),
    /** Secret holding the credentials to pull the image with (null: none). */
    secretId: s.optional(s.nullable(ids.secret)),
  }),
  s.object({
    /** The lambda that does the work. */
    lambdaId: s.optional(lambdaIdSchema),
    /** Environment variables it runs with (null: none). */
    environment: s.optional(s.nullable(environmentSchema)),
    /** Secrets whose values are added to the environment (null: none). */
    environmentSecrets: s.optional(s.nullable(secretIdsSchema)),
  }),
  manualParametersSchema,
);

/** The API's shape of a transition. */
export const transitionSchema = s.object({
  /** Id of the transition. */
  transitionId: ids.transition,
  /** Whether a docker image or a person does the work. */
  transitionType: transitionTypeSchema,
  ...nameAndDescription,
  /** Settings of its kind: the docker image, or a manual task's assets. */
  parameters: s.record(),
  /** Seconds an execution may run before it is failed. */
  timeoutInSeconds: timeoutSchema,
  /** JSON Schema the input of an execution must fit. */
  inputJsonSchema: s.optional(s.record()),
  /** JSON Schema the output of an execution must fit. */
  outputJsonSchema: s.optional(s.record()),
  /** Assets the transition uses (a manual task's UI), by name. */
  assets: s.optional(assetsSchema),
  ...auditFields,
});

/**
 * Body of POST /transitions (under 2024-11-29 with lambdas, without the input and output JSON
 * schemas).
 */
export const createTransitionSchema = since2024(s.object({
  /** Whether a docker image or a person does the work. */
  transitionType: transitionTypeSchema,
  /** JSON Schema the input of an execution must fit. */
  inputJsonSchema: s.optional(s.record()),
  /** JSON Schema the output of an execution must fit. */
  outputJsonSchema: s.optional(s.record()),
  /** Settings of its kind: the docker image, or a manual task's assets. */
  parameters: s.optional(s.union(dockerParametersSchema, manualParametersSchema)),
  /** Seconds an execution may run before it is failed. */
  timeoutInSeconds: s.optional(timeoutSchema),
  ...optionalNameAndDescription,
}), {
  without: ['inputJsonSchema', 'outputJsonSchema'],
  with: {
    /** Whether a docker image, a lambda or a person does the work. */
    transitionType: transitionType2024Schema,
    /** Settings of its kind: the docker image, the lambda, or a manual task's assets. */
    parameters: s.optional(parameters2024Schema),
    /** Seconds an execution may run before it is failed. */
    timeoutInSeconds: s.optional(timeout2024Schema),
  },
});

/**
 * Body of PATCH /transitions/{transitionId} (under 2024-11-29 its settings in `parameters`,
 * without the JSON schemas, assets and environment of its own).
 */
export const updateTransitionSchema = since2024(s.object(
  {
    ...optionalNameAndDescription,
    /** JSON Schema the input of an execution must fit. */
    inputJsonSchema: s.optional(s.record()),
    /** JSON Schema the output of an execution must fit. */
    outputJsonSchema: s.optional(s.record()),
    /** Assets the transition uses (a manual task's UI), by name. */
    assets: s.optional(assetsSchema),
    /** Environment variables the container runs with. */
    environment: s.optional(environmentSchema),
    /** Secrets whose values are added to the environment. */
    environmentSecrets: s.optional(secretIdsSchema),
  },
  { minProperties: 1 },
), {
  without: ['inputJsonSchema', 'outputJsonSchema', 'assets', 'environment', 'environmentSecrets'],
  with: {
    /** Settings of its kind: the docker image, the lambda, or a manual task's assets. */
    parameters: s.optional(updateParameters2024Schema),
  },
});

/** Body of POST /transitions, as a type. */
export type CreateTransitionBody = Infer<typeof createTransitionSchema>;
/** Body of POST /transitions under 2024-11-29, as a type. */
export type CreateTransitionBody2024 = Infer<(typeof createTransitionSchema)['variants']['2024-11-29']>;
/** Body of PATCH /transitions/{transitionId} under 2024-11-29, as a type. */
export type UpdateTransitionBody2024 = Infer<(typeof updateTransitionSchema)['variants']['2024-11-29']>;
/** Body of PATCH /transitions/{transitionId}, as a type. */
export type UpdateTransitionBody = Infer<typeof updateTransitionSchema>;

/** A transition's data as the API returns it. */
export type TransitionData = Infer<typeof transitionSchema>;
/** What runs a transition: a docker image, or a person through a UI; under 2024-11-29 also a lambda. */
export type TransitionType = Infer<typeof transitionType2024Schema>;

/** Options of `las.transitions.list()`: `transitionType` takes one type or several. */
export interface ListTransitionsOptions extends ListOptions {
  /** Only transitions of this type, or of any of these. */
  transitionType?: TransitionType | TransitionType[];
}

/** The query of `GET /transitions` (under 2024-11-29 lambdas too). */
export const listTransitionsSchema = since2024(
  listSchema({
    /** Only transitions of this type, or of any of these. */
    transitionType: s.optional(oneOrMore(transitionTypeSchema)),
  } satisfies Record<Exclude<keyof ListTransitionsOptions, keyof ListOptions>, Schema>),
  { with: { transitionType: s.optional(oneOrMore(transitionType2024Schema)) } },
);
