/** Payment methods of the organization (2024-11-29). */
import type { Serving } from './kind-routes.js';

/** How paymentMethods are served. */
export const paymentMethods: Serving = { table: 'paymentMethods' };
