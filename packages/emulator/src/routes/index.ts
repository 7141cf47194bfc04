/** Every operation of the API, as one routing table. */
import type { Route } from '../router.js';
import { appClientRoutes } from './app-clients.js';
import { assetRoutes } from './assets.js';
import { batchRoutes } from './batches.js';
import { dataBundleRoutes } from './data-bundles.js';
import { datasetRoutes } from './datasets.js';
import { documentRoutes } from './documents.js';
import { logRoutes } from './logs.js';
import { modelRoutes } from './models.js';
import { organizationRoutes } from './organizations.js';
import { predictionRoutes } from './predictions.js';
import { secretRoutes } from './secrets.js';
import { transitionExecutionRoutes } from './transition-executions.js';
import { transitionRoutes } from './transitions.js';
import { userRoutes } from './users.js';
import { workflowExecutionRoutes } from './workflow-executions.js';
import { workflowRoutes } from './workflows.js';

/** The routes of the API, paths as in the spec (below the API's base path). */
export const routes: readonly Route[] = [
  ...appClientRoutes,
  ...assetRoutes,
  ...batchRoutes,
  ...datasetRoutes,
  ...documentRoutes,
  ...logRoutes,
  ...modelRoutes,
  ...dataBundleRoutes,
  ...organizationRoutes,
  ...predictionRoutes,
  ...secretRoutes,
  ...transitionRoutes,
  ...transitionExecutionRoutes,
  ...userRoutes,
  ...workflowRoutes,
  ...workflowExecutionRoutes,
];
