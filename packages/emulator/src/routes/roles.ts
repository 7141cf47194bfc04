/** Roles, read-only (2024-11-29). */
import type { Serving } from './kind-routes.js';

/** How roles are served. */
export const roles: Serving = { table: 'roles' };
