/** The `owner` filter of what the service offers (plans, deployment environments). */
import { ids } from 'las-sdk/api';
import type { ApiRequest } from '../router.js';
import type { Row } from '../store.js';
import { queryValues } from '../validation.js';
import type { Listing } from './kind-routes.js';

/** The rows owned by one of the organizations `?owner=` names (each checked), or all without it. */
export function byOwner(req: ApiRequest, rows: readonly Row[]): Listing {
  const owners = queryValues(req.query, 'owner', ids.organizationSlug);
  return { rows: owners ? rows.filter((row) => owners.includes(row.data.organizationId as string)) : rows };
}
