/** Every operation of the API, as one routing table. */
import type { Route } from '../router.js';
import { appClients } from './app-clients.js';
import { assets } from './assets.js';
import { batches } from './batches.js';
import { dataBundles } from './data-bundles.js';
import { datasets } from './datasets.js';
import { documents } from './documents.js';
import { servedRoutes } from './kind-routes.js';
import { logs } from './logs.js';
import { models } from './models.js';
import { organizations } from './organizations.js';
import { predictions } from './predictions.js';
import { secrets } from './secrets.js';
import { transitionExecutions } from './transition-executions.js';
import { transitions } from './transitions.js';
import { users } from './users.js';
import { workflowExecutions } from './workflow-executions.js';
import { workflows } from './workflows.js';

/**
 * The routes of the API 2021-09-23, paths as in the spec (below the API's base path). The kinds
 * only 2024-11-29 has (trainings, plans, roles, ...) are not here: their paths are unknown ones.
 */
export const routes: readonly Route[] = servedRoutes({
  appClient: appClients,
  asset: assets,
  batch: batches,
  dataset: datasets,
  document: documents,
  log: logs,
  model: models,
  dataBundle: dataBundles,
  organization: organizations,
  prediction: predictions,
  secret: secrets,
  transition: transitions,
  transitionExecution: transitionExecutions,
  user: users,
  workflow: workflows,
  workflowExecution: workflowExecutions,
});
