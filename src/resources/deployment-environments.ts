import { Collection, collectionOf } from './collection.js';
import { Entity, type Handle } from './entity.js';
import { entity } from './entity-metadata.js';
import { kinds } from '../api/kinds.js';
import type { ById, List, Ref, Refresh } from './methods.js';
import type { DeploymentEnvironmentData, ListDeploymentEnvironmentsOptions } from '../api/deployment-environments.js';

/** A deployment environment: where a trained model runs (2024-11-29; read only). */
@entity(kinds.deploymentEnvironment)
export class DeploymentEnvironment extends Entity<DeploymentEnvironmentData> {
  /** Loads this deployment environment's data. `GET /deploymentEnvironments/{deploymentEnvironmentId}` */
  declare refresh: Refresh<this>;
}

/** A handle on a deployment environment (`ref(id)`): its id and its methods; `await handle.refresh()` gives it. */
export type DeploymentEnvironmentHandle = Handle<DeploymentEnvironment, DeploymentEnvironmentData, 'deploymentEnvironmentId'>;

/** `las.deploymentEnvironments`: where trained models may run (2024-11-29). */
@collectionOf(DeploymentEnvironment)
export class DeploymentEnvironments extends Collection<DeploymentEnvironment> {
  /** Lists deployment environments, optionally by owner. `GET /deploymentEnvironments` */
  declare list: List<DeploymentEnvironment, ListDeploymentEnvironmentsOptions>;

  /** Gets one deployment environment. `GET /deploymentEnvironments/{deploymentEnvironmentId}` */
  declare get: ById<DeploymentEnvironment['refresh']>;

  /** A handle on a deployment environment by id, without a request. */
  declare ref: Ref<DeploymentEnvironmentHandle>;
}
