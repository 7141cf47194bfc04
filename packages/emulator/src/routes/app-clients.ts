/** /appClients: the app clients of the organization, whose credentials the token endpoint accepts. */
import { randomBytes } from 'node:crypto';
import type { Json, JsonObject } from '../json.js';
import type { Row, Store } from '../store.js';
import { ADMIN_ROLE_ID } from '../offered.js';
import type { Serving } from './kind-routes.js';
import { checkRoleIds } from './roles.js';
import { created, named, orNull, update } from './shared.js';

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Random text of `length` characters of `alphabet` (Cognito-like client ids and secrets). */
export function randomText(length: number, alphabet = ALPHANUMERIC): string {
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** What an app client is created with; `clientId`/`clientSecret` are random unless given. */
export interface NewAppClient {
  body: JsonObject;
  clientId?: string;
  clientSecret?: string;
  /** Who creates it; the new client itself when undefined (the emulator's own client). */
  principal?: string;
}

/**
 * Stores a new app client in the shape of the store's API version; its secret, if any, is kept
 * hidden and also returned once in `clientSecret`.
 */
export function createAppClient(store: Store, { body, clientId, clientSecret, principal }: NewAppClient): { row: Row; secret?: string } {
  const appClientId = store.newId('app-client');
  const withSecret = clientSecret !== undefined || body.generateSecret !== false;
  const secret = withSecret ? (clientSecret ?? randomText(51)) : undefined;
  const loginUrls = (body.loginUrls as Json[] | undefined) ?? [];
  // 2024-11-29 gives access by roles (the emulator's own client is an admin) instead of an API key.
  const access: JsonObject =
    store.meta.apiVersion === '2024-11-29'
      ? { roleIds: (body.roleIds as Json[] | undefined) ?? (principal === undefined ? [ADMIN_ROLE_ID] : []) }
      : { apiKey: randomText(40, ALPHANUMERIC + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') };
  const data: JsonObject = {
    appClientId,
    clientId: clientId ?? randomText(26),
    hasSecret: withSecret,
    ...access,
    callbackUrls: (body.callbackUrls as Json[] | undefined) ?? [],
    loginUrls,
    logoutUrls: (body.logoutUrls as Json[] | undefined) ?? [],
    defaultLoginUrl: orNull(body.defaultLoginUrl ?? loginUrls[0]),
    ...named(body),
    ...created(principal ?? appClientId),
  };
  const row = store.tables.appClients.insert(appClientId, data, secret === undefined ? {} : { clientSecret: secret });
  return { row, secret };
}

/**
 * How app clients are served: the secret is shown once, when created; tokens die with their
 * client; `roleIds` (2024-11-29) must name roles there are. 2021-09-23 has no GET of one.
 */
export const appClients: Serving = {
  table: 'appClients',
  create: ({ store }, body, req) => {
    checkRoleIds(store, body.roleIds);
    const { row, secret } = createAppClient(store, { body, principal: req.principal });
    return secret === undefined ? row.data : { ...row.data, clientSecret: secret };
  },
  patch: ({ store }, row, body, req) => {
    checkRoleIds(store, body.roleIds);
    return update(store.tables.appClients, row, body, req.principal);
  },
  remove: ({ store }, row) => {
    for (const [token, grant] of store.tokens) if (grant.appClientId === row.id) store.tokens.delete(token);
  },
};
