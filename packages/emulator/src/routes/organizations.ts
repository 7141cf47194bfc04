/** GET and PATCH /organizations/{organizationId}: the one organization, with live usage counts. */
import type { JsonObject } from '../json.js';
import type { Row, Store, TableName } from '../store.js';
import { isoTime } from '../time.js';
import type { Serving } from './kind-routes.js';

// Generous limits: the emulator enforces none of them, it only reports them as the service does.
const ALLOWED = 1000;
const MONTHLY_ALLOWED = 100_000;

const COUNTED: Record<string, TableName> = {
  AppClients: 'appClients',
  Assets: 'assets',
  Batches: 'batches',
  Datasets: 'datasets',
  Models: 'models',
  Secrets: 'secrets',
  Transitions: 'transitions',
  Users: 'users',
  Workflows: 'workflows',
};
const MONTHLY: Record<string, TableName> = {
  DataBundles: 'dataBundles',
  Documents: 'documents',
  Predictions: 'predictions',
  TransitionExecutions: 'transitionExecutions',
  WorkflowExecutions: 'workflowExecutions',
};

/** Creates the organization of a fresh store. */
export function createOrganization(store: Store, principal: string): Row {
  const organizationId = store.newId('organization');
  const data: JsonObject = {
    organizationId,
    name: 'Emulated organization',
    description: 'The organization of a local LAS emulator',
    updatedBy: principal,
    updatedTime: isoTime(),
  };
  return store.tables.organizations.insert(organizationId, data);
}

function view(store: Store, row: Row): JsonObject {
  const counts: JsonObject = { monthlyUsageSummary: {} };
  for (const [name, table] of Object.entries(COUNTED)) {
    counts[`numberOf${name}Allowed`] = ALLOWED;
    counts[`numberOf${name}Created`] = store.tables[table].size;
  }
  // The emulator's state rarely spans months: everything it holds counts as this month's.
  for (const [name, table] of Object.entries(MONTHLY)) {
    counts[`monthlyNumberOf${name}Allowed`] = MONTHLY_ALLOWED;
    counts[`monthlyNumberOf${name}Created`] = store.tables[table].size;
  }
  return { ...row.data, ...counts };
}

/** How the organization is served: made with the store (created and listed under 2024-11-29 only, as its spec has it). */
export const organizations: Serving = { table: 'organizations', view };
