/** /transitions: the steps workflows are made of, run by a docker image or by a person. */
import { transitionSchema } from 'las-sdk/api';
import { badRequest } from '../http-error.js';
import { isObject, type JsonObject } from '../json.js';
import { DEFAULT_TIMEOUT_SECONDS } from '../transition-runs.js';
import { queryValues } from '../validation.js';
import type { Serving } from './kind-routes.js';
import { created, named, update } from './shared.js';

/** How transitions are served. */
export const transitions: Serving = {
  table: 'transitions',
  create: ({ store }, body, req) => {
    const parameters = (body.parameters as JsonObject | undefined) ?? {};
    if (body.transitionType === 'docker' && typeof parameters.imageUrl !== 'string') {
      throw badRequest('body.parameters.imageUrl: is required for a docker transition');
    }
    const transitionId = store.newId('transition');
    const data: JsonObject = {
      transitionId,
      transitionType: body.transitionType,
      ...named(body),
      parameters,
      timeoutInSeconds: body.timeoutInSeconds ?? DEFAULT_TIMEOUT_SECONDS,
      ...created(req.principal),
    };
    if (body.inputJsonSchema !== undefined) data.inputJsonSchema = body.inputJsonSchema;
    if (body.outputJsonSchema !== undefined) data.outputJsonSchema = body.outputJsonSchema;
    if (isObject(parameters.assets)) data.assets = parameters.assets;
    return store.tables.transitions.insert(transitionId, data).data;
  },
  list: (req, all) => {
    const types = queryValues(req.query, 'transitionType', transitionSchema.properties.transitionType);
    return { rows: all.filter((row) => !types || types.includes(row.data.transitionType as string)), echo: { transitionType: types } };
  },
  patch: ({ store }, row, { environment, environmentSecrets, ...body }, req) => {
    // Environment belongs to the docker parameters; assets are shown beside them and, for a manual transition, in them.
    const parameters = { ...(row.data.parameters as JsonObject) };
    if (environment !== undefined) parameters.environment = environment;
    if (environmentSecrets !== undefined) parameters.environmentSecrets = environmentSecrets;
    if (body.assets !== undefined && row.data.transitionType === 'manual') parameters.assets = body.assets;
    return update(store.tables.transitions, row, { ...body, parameters }, req.principal);
  },
};
