/** Deployment environments, read-only (2024-11-29): seeded by ../offered.ts. */
import type { Serving } from './kind-routes.js';
import { offered } from './owned.js';

/** How deploymentEnvironments are served: listed (by `owner` too) and read by any id naming one, never changed. */
export const deploymentEnvironments: Serving = offered('deploymentEnvironments', 'deployment-environment', 'deploymentEnvironmentId');
