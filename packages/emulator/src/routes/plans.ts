/** Plans the service offers, read-only (2024-11-29). */
import type { Serving } from './kind-routes.js';

/** How plans are served. */
export const plans: Serving = { table: 'plans' };
