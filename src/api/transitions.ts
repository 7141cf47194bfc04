import { s, type Infer, type Schema } from '../schema/index.js';
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
  imageUrl: s.string(),
  cpu: s.optional(s.integer([256])),
  memory: s.optional(s.integer([512, 1024, 2048])),
  environment: s.optional(environmentSchema),
  environmentSecrets: s.optional(secretIdsSchema),
  secretId: s.optional(ids.secret),
});
const manualParametersSchema = s.object({ assets: s.optional(assetsSchema) });

/** The API's shape of a transition. */
export const transitionSchema = s.object({
  transitionId: ids.transition,
  transitionType: transitionTypeSchema,
  name: s.nullable(s.text()),
  description: s.nullable(s.text()),
  parameters: s.record(),
  timeoutInSeconds: timeoutSchema,
  inputJsonSchema: s.optional(s.record()),
  outputJsonSchema: s.optional(s.record()),
  assets: s.optional(assetsSchema),
  createdBy: s.nullable(s.text()),
  createdTime: s.nullable(s.timestamp()),
  updatedBy: s.nullable(s.text()),
  updatedTime: s.nullable(s.timestamp()),
});

/** Body of POST /transitions. */
export const createTransitionSchema = s.object({
  transitionType: transitionTypeSchema,
  inputJsonSchema: s.optional(s.record()),
  outputJsonSchema: s.optional(s.record()),
  parameters: s.optional(s.union(dockerParametersSchema, manualParametersSchema)),
  timeoutInSeconds: s.optional(timeoutSchema),
  name: s.optional(s.nullable(s.text())),
  description: s.optional(s.nullable(s.text())),
});

/** Body of PATCH /transitions/{transitionId}. */
export const updateTransitionSchema = s.object(
  {
    name: s.optional(s.nullable(s.text())),
    description: s.optional(s.nullable(s.text())),
    inputJsonSchema: s.optional(s.record()),
    outputJsonSchema: s.optional(s.record()),
    assets: s.optional(assetsSchema),
    environment: s.optional(environmentSchema),
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
  transitionType?: TransitionType | TransitionType[];
}

/** The query of `GET /transitions`. */
export const listTransitionsSchema = listSchema({
  transitionType: s.optional(oneOrMore(transitionTypeSchema)),
} satisfies Record<Exclude<keyof ListTransitionsOptions, keyof ListOptions>, Schema>);
