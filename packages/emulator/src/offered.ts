/**
 * What the service offers every organization under API 2024-11-29, read only: plans, roles and
 * deployment environments. The emulator has a few plausible ones, put in a fresh store once.
 */
import type { ApiVersion } from 'las-sdk/api';
import type { JsonObject } from './json.js';
import type { Store, TableName } from './store.js';
import { isoTime } from './time.js';

/** The plan an organization is on until it changes it. */
export const FREE_PLAN_ID = 'las:plan:free';
/** The role that may do everything: the emulator's own app client has it. */
export const ADMIN_ROLE_ID = 'las:role:admin';

const PLANS: readonly JsonObject[] = [
  {
    planId: FREE_PLAN_ID,
    name: 'Free',
    description: 'To try the service: small monthly quotas, no payment method needed',
    available: true,
    currency: 'USD',
    latest: 1,
    pagePredictions: { included: 100, unitPrice: 0 },
    fieldPredictions: { included: 1000, unitPrice: 0 },
    users: { included: 3, unitPrice: 0 },
    activeModels: { included: 1, unitPrice: 0 },
  },
  {
    planId: 'las:plan:professional',
    name: 'Professional',
    description: 'A monthly license, and pay as you go above the included quotas',
    available: true,
    currency: 'USD',
    latest: 1,
    license: { monthlyPrice: 500 },
    pagePredictions: { included: 10_000, unitPrice: 0.05 },
    fieldPredictions: { included: 100_000, unitPrice: 0.005 },
    users: { included: 25, unitPrice: 10 },
    activeModels: { included: 10, unitPrice: 100 },
    gpuHours: { included: 10, unitPrice: 5 },
  },
];

const ROLES: readonly JsonObject[] = [
  {
    roleId: ADMIN_ROLE_ID,
    name: 'Admin',
    description: 'Reads and changes everything of the organization',
    permissions: [{ resourceId: '*', effect: 'allow', action: '*' }],
  },
  {
    roleId: 'las:role:read-only',
    name: 'Read only',
    description: 'Reads everything of the organization, changes nothing',
    permissions: [{ resourceId: '*', effect: 'allow', action: 'read' }],
  },
];

const DEPLOYMENT_ENVIRONMENTS: readonly JsonObject[] = [
  {
    deploymentEnvironmentId: 'las:deployment-environment:shared',
    name: 'Shared',
    description: 'Models run on capacity shared with other organizations',
    modelDeploymentUnits: 1,
    status: 'available',
  },
];

/**
 * Puts the offered plans, roles and deployment environments in `store` when serving 2024-11-29
 * and it has none yet (a fresh store, or one made before the emulator offered them).
 */
export function offer(store: Store, apiVersion: ApiVersion): void {
  if (apiVersion !== '2024-11-29') return;
  const now = isoTime();
  seed(store, 'plans', 'planId', PLANS.map((plan) => ({ ...plan, organizationId: null })));
  seed(store, 'roles', 'roleId', ROLES.map((role) => ({ ...role, createdBy: null, createdTime: now, updatedBy: null, updatedTime: null })));
  seed(store, 'deploymentEnvironments', 'deploymentEnvironmentId', DEPLOYMENT_ENVIRONMENTS.map((environment) => ({ ...environment, organizationId: null })));
}

function seed(store: Store, table: TableName, idField: string, rows: readonly JsonObject[]): void {
  if (store.tables[table].size > 0) return;
  for (const data of rows) store.tables[table].insert(data[idField] as string, structuredClone(data));
}
