/** Trainings of a model on its data bundles (API version 2024-11-29). */
import { s, partial, type Infer } from '../schema/index.js';
import { auditFields, nameAndDescription, optionalNameAndDescription } from './fields.js';
import { ids } from './ids.js';
import { listSchema } from './list.js';

/** What a training's `status` may be. */
export const trainingStatusSchema = s.enum(['waiting-for-approval', 'preparing', 'pending', 'running', 'running-final-evaluation', 'succeeded', 'failed', 'cancelled']);
/** The machines a training may run on. */
export const instanceTypeSchema = s.enum(['small-gpu', 'medium-gpu', 'large-gpu']);

/** A training to start from (`warmStartConfig`). */
const warmStartSchema = s.object({
  /** The training whose weights this one starts from. */
  trainingId: ids.training,
});

/** The API's shape of a training. */
export const trainingSchema = s.object({
  /** Id of the training. */
  trainingId: ids.training,
  /** The model trained. */
  modelId: s.string(),
  /** The data bundles it trains on. */
  dataBundleIds: s.array(ids.dataBundle),
  /** Where it is: `pending`, `running`, `succeeded`, ... (a newer status is kept as its string). */
  status: trainingStatusSchema,
  /** The machine it runs on. */
  instanceType: instanceTypeSchema,
  /** GPU hours it used. */
  gpuHours: s.nullable(s.number({ minimum: 0 })),
  /** How well the trained model reads, by field. */
  evaluation: s.record(),
  /** Use of the trained model. */
  statistics: s.optional(s.nullable(s.record())),
  /** Where the trained model is deployed. */
  deploymentEnvironmentId: s.optional(s.nullable(ids.deploymentEnvironment)),
  /** Whether one of Cradl's data scientists reviews it. */
  dataScientistAssistance: s.optional(s.boolean()),
  /** The training it started from, if any. */
  warmStartConfig: s.optional(s.record()),
  /** Your own data about it. */
  metadata: s.nullable(s.record()),
  ...nameAndDescription,
  ...auditFields,
});

/** Body of POST /models/{modelId}/trainings. */
export const createTrainingSchema = s.object({
  /** The data bundles to train on, at least one. */
  dataBundleIds: s.array(ids.dataBundle, { minItems: 1 }),
  /** Ask one of Cradl's data scientists to review and tune it. */
  dataScientistAssistance: s.optional(s.boolean()),
  /** The machine to train on. */
  instanceType: s.optional(s.nullable(instanceTypeSchema)),
  /** Start from the weights of another training. */
  warmStartConfig: s.optional(warmStartSchema),
  /** Your own data about it. */
  metadata: s.optional(s.record()),
  ...optionalNameAndDescription,
});

/** Body of PATCH /models/{modelId}/trainings/{trainingId}. */
export const updateTrainingSchema = partial(
  s.object({
    /** Where to deploy the trained model (null: nowhere). */
    deploymentEnvironmentId: s.nullable(ids.deploymentEnvironment),
    /** `cancelled` stops it. */
    status: s.enum(['cancelled']),
    /** Your own data about it. */
    metadata: s.record(),
    ...nameAndDescription,
  }),
  { minProperties: 1 },
);

/** Query of GET /models/{modelId}/trainings. */
export const listTrainingsSchema = listSchema({
  /** Only trainings with this status (the spec takes one). */
  status: s.optional(trainingStatusSchema),
});

/** A training's data as the API returns it. */
export type TrainingData = Infer<typeof trainingSchema>;
/** Options of `model.trainings.create()`. */
export type CreateTrainingOptions = Infer<typeof createTrainingSchema>;
/** Options of `training.update()`. */
export type UpdateTrainingOptions = Infer<typeof updateTrainingSchema>;
/** Options of `model.trainings.list()`. */
export type ListTrainingsOptions = Infer<typeof listTrainingsSchema>;
