/** Transformations of a dataset (2024-11-29). */
import type { Serving } from './kind-routes.js';

/** How transformations are served. */
export const transformations: Serving = { table: 'transformations' };
