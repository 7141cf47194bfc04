/** Deployment environments: where trained models run (API version 2024-11-29; read only). */
import { s, type Infer } from '../schema/index.js';
import { nameAndDescription } from './fields.js';
import { ids } from './ids.js';
import { listSchema, oneOrMore } from './list.js';

/** The API's shape of a deployment environment. */
export const deploymentEnvironmentSchema = s.object({
  /** Id of the deployment environment. */
  deploymentEnvironmentId: ids.deploymentEnvironment,
  /** The organization that owns it (null: the service's own). */
  organizationId: s.nullable(ids.organizationSlug),
  /** Model deployment units it has. */
  modelDeploymentUnits: s.integer({ minimum: 0 }),
  /** `available` or `unavailable`. */
  status: s.enum(['available', 'unavailable']),
  ...nameAndDescription,
});

/** An owner filter: organization ids (`las:organization:<slug>`), one or several. */
export const ownerFilter = s.optional(oneOrMore(ids.organizationSlug));

/** Query of GET /deploymentEnvironments. */
export const listDeploymentEnvironmentsSchema = listSchema({
  /** Only those of this organization, or of any of these. */
  owner: ownerFilter,
});

/** A deployment environment's data as the API returns it. */
export type DeploymentEnvironmentData = Infer<typeof deploymentEnvironmentSchema>;
/** Options of `las.deploymentEnvironments.list()`. */
export type ListDeploymentEnvironmentsOptions = Infer<typeof listDeploymentEnvironmentsSchema>;
