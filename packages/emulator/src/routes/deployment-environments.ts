/** Deployment environments, read-only (2024-11-29). */
import type { Serving } from './kind-routes.js';

/** How deploymentEnvironments are served. */
export const deploymentEnvironments: Serving = { table: 'deploymentEnvironments' };
