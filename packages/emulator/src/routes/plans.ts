/** Plans the service offers, read-only (2024-11-29): seeded by ../offered.ts. */
import type { Serving } from './kind-routes.js';
import { byOwner } from './owned.js';

/** How plans are served: listed (by `owner` too) and read, never changed. */
export const plans: Serving = { table: 'plans', list: byOwner };
