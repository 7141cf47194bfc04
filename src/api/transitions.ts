import { s, type Infer, type Schema } from '../schema/index.js';
import { auditFields, nameAndDescription, optionalNameAndDescription } from './fields.js';
import { ids } from './ids.js';
import { listSchema, oneOrMore, type ListOptions } from './list.js';

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

/** Body of POST /transitions. */
export const createTransitionSchema = s.object({
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
});

/** Body of PATCH /transitions/{transitionId}. */
export const updateTransitionSchema = s.object(
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
);

/** Body of POST /transitions, as a type. */
export type CreateTransitionBody = Infer<typeof createTransitionSchema>;
/** Body of PATCH /transitions/{transitionId}, as a type. */
export type UpdateTransitionBody = Infer<typeof updateTransitionSchema>;

/** A transition's data as the API returns it. */
export type TransitionData = Infer<typeof transitionSchema>;
/** What runs a transition: a docker image, or a person through a UI. */
export type TransitionType = Infer<typeof transitionTypeSchema>;

/** Options of `las.transitions.list()`: `transitionType` takes one type or several. */
export interface ListTransitionsOptions extends ListOptions {
  /** Only transitions of this type, or of any of these. */
  transitionType?: TransitionType | TransitionType[];
}

/** The query of `GET /transitions`. */
export const listTransitionsSchema = listSchema({
  /** Only transitions of this type, or of any of these. */
  transitionType: s.optional(oneOrMore(transitionTypeSchema)),
} satisfies Record<Exclude<keyof ListTransitionsOptions, keyof ListOptions>, Schema>);
