/**
 * /organizations: the emulator's organization, with live usage counts; under 2024-11-29 also its
 * plan and payment method, and organizations made with `POST /organizations` (which own nothing).
 */
import { badRequest } from '../http-error.js';
import type { Json, JsonObject } from '../json.js';
import { FREE_PLAN_ID } from '../offered.js';
import type { Row, Store, TableName } from '../store.js';
import { isoTime } from '../time.js';
import { DEFAULT_RETENTION_DAYS } from './batches.js';
import type { Serving } from './kind-routes.js';
import { offeredRow } from './owned.js';
import { update } from './shared.js';

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
// What 2024-11-29 counts otherwise: batches are gone (2021-10-12); trainings and transformations came.
const COUNTED_2024 = Object.fromEntries(Object.entries(COUNTED).filter(([name]) => name !== 'Batches'));
const MONTHLY_2024: Record<string, TableName> = { ...MONTHLY, Trainings: 'trainings', Transformations: 'transformations' };

function is2024(store: Store): boolean {
  return store.meta.apiVersion === '2024-11-29';
}

/** Creates an organization in the shape of the store's API version: the emulator's own at start, or one of `POST /organizations`. */
export function createOrganization(store: Store, principal: string, name: Json = 'Emulated organization'): Row {
  const organizationId = store.newId('organization');
  const data: JsonObject = {
    organizationId,
    name,
    description: store.meta.organizationId === undefined ? 'The organization of a local LAS emulator' : null,
    updatedBy: principal,
    updatedTime: isoTime(),
  };
  if (is2024(store)) {
    Object.assign(data, {
      createdTime: data.updatedTime,
      planId: FREE_PLAN_ID,
      paymentMethodId: null,
      documentRetentionInDays: DEFAULT_RETENTION_DAYS,
    });
  }
  return store.tables.organizations.insert(organizationId, data);
}

// The client id of the emulator's own app client (the one it hands out now), for its organization.
// The spec allows only lower-case letters and digits; a chosen `clientId` that has others is left out.
function ownClientId(store: Store): Json {
  const clientId = store.meta.defaultAppClientId === undefined ? undefined : store.tables.appClients.get(store.meta.defaultAppClientId)?.data.clientId;
  return typeof clientId === 'string' && /^[0-9a-z]+$/.test(clientId) ? clientId : null;
}

function view(store: Store, row: Row): JsonObject {
  // Everything the emulator holds is its own organization's; one made with POST owns nothing.
  const own = row.id === store.meta.organizationId;
  const size = (table: TableName) => (own ? store.tables[table].size : 0);
  const live: JsonObject = { monthlyUsageSummary: {} };
  const later = is2024(store);
  for (const [name, table] of Object.entries(later ? COUNTED_2024 : COUNTED)) {
    live[`numberOf${name}Allowed`] = ALLOWED;
    live[`numberOf${name}Created`] = size(table);
  }
  // The emulator's state rarely spans months: everything it holds counts as this month's.
  for (const [name, table] of Object.entries(later ? MONTHLY_2024 : MONTHLY)) {
    live[`monthlyNumberOf${name}Allowed`] = MONTHLY_ALLOWED;
    live[`monthlyNumberOf${name}Created`] = size(table);
  }
  if (later) {
    live.monthlyNumberOfActiveModelsUsed = own ? store.tables.models.filter((model) => model.data.status === 'active').length : 0;
    live.monthlyNumberOfFieldPredictionsAllowed = MONTHLY_ALLOWED;
    live.monthlyNumberOfFieldPredictionsUsed = own ? fieldPredictions(store) : 0;
    // It trains on no GPU.
    live.monthlyNumberOfGpuHoursUsed = 0;
    live.clientId = own ? ownClientId(store) : null;
  }
  return { ...row.data, ...live };
}

function fieldPredictions(store: Store): number {
  let fields = 0;
  for (const prediction of store.tables.predictions.rows()) {
    if (Array.isArray(prediction.data.predictions)) fields += prediction.data.predictions.length;
  }
  return fields;
}

/**
 * How organizations are served: the emulator's own is made with the store; 2024-11-29 also
 * creates and lists them (as its spec has it), and its PATCH names a plan and a payment method,
 * which must exist (400 otherwise; `paymentMethodId: null` leaves it without one).
 */
export const organizations: Serving = {
  table: 'organizations',
  view,
  create: ({ store }, body, req) => view(store, createOrganization(store, req.principal, body.name ?? null)),
  patch: ({ store }, row, body, req) => {
    if (typeof body.planId === 'string' && !offeredRow(store, 'plans', 'plan', body.planId)) {
      throw badRequest(`body.planId: no plan ${body.planId}; GET /plans lists them`);
    }
    if (typeof body.paymentMethodId === 'string' && !store.tables.paymentMethods.get(body.paymentMethodId)) {
      throw badRequest(`body.paymentMethodId: no payment method ${body.paymentMethodId}; GET /paymentMethods lists them`);
    }
    return update(store.tables.organizations, row, body, req.principal);
  },
};
