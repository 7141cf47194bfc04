/** /secrets: values for transitions, stored but never shown again. */
import { createSecretSchema, secretSchema, updateSecretSchema } from 'las-sdk/api';
import type { Context } from '../context.js';
import type { JsonObject } from '../json.js';
import { route, type Route } from '../router.js';
import { checkBody } from '../validation.js';
import { created, listAnswer, orNull, pathId, update } from './shared.js';

/** The routes of secrets. */
export const secretRoutes: Route[] = [
  route('POST', '/secrets', ({ store }: Context, req) => {
    const body = checkBody(createSecretSchema, req.body);
    const secretId = store.newId('secret');
    const data: JsonObject = { secretId, name: orNull(body.name), description: orNull(body.description), ...created(req.principal) };
    return store.tables.secrets.insert(secretId, data, { data: body.data }).data;
  }),
  route('GET', '/secrets', ({ store }: Context, req) => listAnswer('secrets', store.tables.secrets.rows(), req)),
  route('PATCH', '/secrets/{secretId}', ({ store }: Context, req) => {
    const row = store.tables.secrets.require(pathId(req, 'secretId', secretSchema.properties.secretId));
    const { data, ...rest } = checkBody(updateSecretSchema, req.body);
    if (data !== undefined) row.hidden.data = data;
    return update(store.tables.secrets, row, rest, req.principal).data;
  }),
  route('DELETE', '/secrets/{secretId}', ({ store }: Context, req) => {
    const row = store.tables.secrets.require(pathId(req, 'secretId', secretSchema.properties.secretId));
    store.tables.secrets.delete(row.id);
    return row.data;
  }),
];
