/** Every operation of the API, as one routing table. */
import type { ApiVersion } from 'las-sdk/api';
import type { Route } from '../router.js';
import { appClients } from './app-clients.js';
import { assets } from './assets.js';
import { batches } from './batches.js';
import { dataBundles } from './data-bundles.js';
import { datasets } from './datasets.js';
import { deploymentEnvironments } from './deployment-environments.js';
import { documents } from './documents.js';
import { servedRoutes } from './kind-routes.js';
import { logs } from './logs.js';
import { models } from './models.js';
import { organizations } from './organizations.js';
import { paymentMethods } from './payment-methods.js';
import { plans } from './plans.js';
import { predictions } from './predictions.js';
import { profiles } from './profiles.js';
import { roles } from './roles.js';
import { secrets } from './secrets.js';
import { trainings } from './trainings.js';
import { transformations } from './transformations.js';
import { transitionExecutions } from './transition-executions.js';
import { transitions } from './transitions.js';
import { users } from './users.js';
import { workflowExecutions } from './workflow-executions.js';
import { workflows } from './workflows.js';

/** Every kind the emulator serves; which of their operations it answers is its version's. */
const served = {
  appClient: appClients,
  asset: assets,
  batch: batches,
  dataset: datasets,
  deploymentEnvironment: deploymentEnvironments,
  document: documents,
  log: logs,
  model: models,
  dataBundle: dataBundles,
  organization: organizations,
  paymentMethod: paymentMethods,
  plan: plans,
  prediction: predictions,
  profile: profiles,
  role: roles,
  secret: secrets,
  training: trainings,
  transformation: transformations,
  transition: transitions,
  transitionExecution: transitionExecutions,
  user: users,
  workflow: workflows,
  workflowExecution: workflowExecutions,
};

/**
 * The routes of API `version`, paths as in its spec (below the API's base path): exactly its
 * operations, so a call only the other version has answers as any unknown path does (403).
 */
export function routesFor(version: ApiVersion): readonly Route[] {
  return servedRoutes(served, version);
}
