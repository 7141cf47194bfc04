/** Profiles: one per user (2024-11-29). */
import type { Serving } from './kind-routes.js';

/** How profiles are served. */
export const profiles: Serving = { table: 'profiles' };
