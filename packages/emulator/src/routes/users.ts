/** /users: the users of the organization. */
import { createUserSchema, updateUserSchema, userSchema } from 'las-sdk/api';
import type { Context } from '../context.js';
import type { JsonObject } from '../json.js';
import { route, type Route } from '../router.js';
import { checkBody } from '../validation.js';
import { created, listAnswer, pathId, update } from './shared.js';

/** The routes of users. */
export const userRoutes: Route[] = [
  route('POST', '/users', ({ store }: Context, req) => {
    const { appClientId, ...body } = checkBody(createUserSchema, req.body);
    // The app client a user is invited through must exist; the user's data does not keep it.
    if (typeof appClientId === 'string') store.tables.appClients.require(appClientId);
    const userId = store.newId('user');
    const data: JsonObject = { userId, ...body, ...created(req.principal) };
    return store.tables.users.insert(userId, data).data;
  }),
  route('GET', '/users', ({ store }: Context, req) => listAnswer('users', store.tables.users.rows(), req)),
  route('GET', '/users/{userId}', ({ store }: Context, req) =>
    store.tables.users.require(pathId(req, 'userId', userSchema.properties.userId)).data,
  ),
  route('PATCH', '/users/{userId}', ({ store }: Context, req) => {
    const row = store.tables.users.require(pathId(req, 'userId', userSchema.properties.userId));
    const body = checkBody(updateUserSchema, req.body);
    return update(store.tables.users, row, body, req.principal).data;
  }),
  route('DELETE', '/users/{userId}', ({ store }: Context, req) => {
    const row = store.tables.users.require(pathId(req, 'userId', userSchema.properties.userId));
    store.tables.users.delete(row.id);
    return row.data;
  }),
];
