/** /transitions: the steps workflows are made of, run by a docker image or by a person. */
import { createTransitionSchema, transitionSchema, updateTransitionSchema } from 'las-sdk/api';
import type { Context } from '../context.js';
import { badRequest } from '../http-error.js';
import { isObject, type JsonObject } from '../json.js';
import { route, type Route } from '../router.js';
import { checkBody, queryValues } from '../validation.js';
import { DEFAULT_TIMEOUT_SECONDS } from '../transition-runs.js';
import { created, listAnswer, orNull, pathId, update } from './shared.js';

/** The routes of transitions. */
export const transitionRoutes: Route[] = [
  route('POST', '/transitions', ({ store }: Context, req) => {
    const body = checkBody(createTransitionSchema, req.body);
    const parameters = (body.parameters as JsonObject | undefined) ?? {};
    if (body.transitionType === 'docker' && typeof parameters.imageUrl !== 'string') {
      throw badRequest('body.parameters.imageUrl: is required for a docker transition');
    }
    const transitionId = store.newId('transition');
    const data: JsonObject = {
      transitionId,
      transitionType: body.transitionType,
      name: orNull(body.name),
      description: orNull(body.description),
      parameters,
      timeoutInSeconds: body.timeoutInSeconds ?? DEFAULT_TIMEOUT_SECONDS,
      ...created(req.principal),
    };
    if (body.inputJsonSchema !== undefined) data.inputJsonSchema = body.inputJsonSchema;
    if (body.outputJsonSchema !== undefined) data.outputJsonSchema = body.outputJsonSchema;
    if (isObject(parameters.assets)) data.assets = parameters.assets;
    return store.tables.transitions.insert(transitionId, data).data;
  }),
  route('GET', '/transitions', ({ store }: Context, req) => {
    const types = queryValues(req.query, 'transitionType', transitionSchema.properties.transitionType);
    const rows = store.tables.transitions.filter((row) => !types || types.includes(row.data.transitionType as string));
    return listAnswer('transitions', rows, req, undefined, undefined, { transitionType: types });
  }),
  route('GET', '/transitions/{transitionId}', ({ store }: Context, req) =>
    store.tables.transitions.require(pathId(req, 'transitionId', transitionSchema.properties.transitionId)).data,
  ),
  route('PATCH', '/transitions/{transitionId}', ({ store }: Context, req) => {
    const row = store.tables.transitions.require(pathId(req, 'transitionId', transitionSchema.properties.transitionId));
    const { environment, environmentSecrets, ...body } = checkBody(updateTransitionSchema, req.body);
    // Environment belongs to the docker parameters; assets are shown beside them and, for a manual transition, in them.
    const parameters = { ...(row.data.parameters as JsonObject) };
    if (environment !== undefined) parameters.environment = environment;
    if (environmentSecrets !== undefined) parameters.environmentSecrets = environmentSecrets;
    if (body.assets !== undefined && row.data.transitionType === 'manual') parameters.assets = body.assets;
    return update(store.tables.transitions, row, { ...body, parameters }, req.principal).data;
  }),
  route('DELETE', '/transitions/{transitionId}', ({ store }: Context, req) => {
    const row = store.tables.transitions.require(pathId(req, 'transitionId', transitionSchema.properties.transitionId));
    store.tables.transitions.delete(row.id);
    return row.data;
  }),
];
