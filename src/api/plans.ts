/** Plans: what the service offers an organization, and at what price (API version 2024-11-29; read only). */
import { s, type Infer } from '../schema/index.js';
import { nameAndDescription } from './fields.js';
import { ids } from './ids.js';
import { listSchema } from './list.js';
import { ownerFilter } from './deployment-environments.js';


/** The API's shape of a plan: its prices and limits, by what it covers. */
export const planSchema = s.object({
  /** Id of the plan. */
  planId: ids.plan,
  /** The organization that owns it (null: the service's own). */
  organizationId: s.nullable(ids.organizationSlug),
  /** Whether it can be chosen. */
  available: s.boolean(),
  /** Its currency: `USD`, `EUR` or `NOK`. */
  currency: s.enum(['USD', 'EUR', 'NOK']),
  /** Its latest version. */
  latest: s.integer({ minimum: 1 }),
  /** Active models. */
  activeModels: s.optional(s.nullable(s.record())),
  /** Field predictions. */
  fieldPredictions: s.optional(s.nullable(s.record())),
  /** Flows. */
  flows: s.optional(s.nullable(s.record())),
  /** GPU hours. */
  gpuHours: s.optional(s.nullable(s.record())),
  /** The license. */
  license: s.optional(s.nullable(s.record())),
  /** Model deployment units. */
  modelDeploymentUnits: s.optional(s.nullable(s.record())),
  /** Page predictions. */
  pagePredictions: s.optional(s.nullable(s.record())),
  /** Production workflow minutes. */
  productionWorkflowMinutes: s.optional(s.nullable(s.record())),
  /** User minutes. */
  userMinutes: s.optional(s.nullable(s.record())),
  /** Users. */
  users: s.optional(s.nullable(s.record())),
  ...nameAndDescription,
});

/** Query of GET /plans. */
export const listPlansSchema = listSchema({
  /** Only those of this organization, or of any of these. */
  owner: ownerFilter,
});

/** A plan's data as the API returns it. */
export type PlanData = Infer<typeof planSchema>;
/** Options of `las.plans.list()`. */
export type ListPlansOptions = Infer<typeof listPlansSchema>;
