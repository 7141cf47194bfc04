/** /transitions: the steps workflows are made of, run by a docker image or by a person. */
import { createTransitionSchema, shapeOf } from 'las-sdk/api';
import { badRequest } from '../http-error.js';
import { isObject, setOwn, type JsonObject } from '../json.js';
import { DEFAULT_TIMEOUT_SECONDS } from '../transition-runs.js';
import type { Row } from '../store.js';
import { queryValues } from '../validation.js';
import type { Serving } from './kind-routes.js';
import { created, named, update } from './shared.js';

// 2024-11-29: the parameters each type of transition has (the spec's union takes any of them for any type).
const PARAMETERS_2024: Record<string, readonly string[]> = {
  docker: ['imageUrl', 'cpu', 'memory', 'environment', 'environmentSecrets', 'secretId'],
  lambda: ['lambdaId', 'environment', 'environmentSecrets'],
  manual: ['assets'],
};

/** Refuses (400) parameters its type of transition does not have: a lambda's id on a docker transition. */
function checkParameters2024(type: string, parameters: JsonObject): void {
  const known = PARAMETERS_2024[type] ?? [];
  const foreign = Object.keys(parameters).find((key) => !known.includes(key));
  if (foreign !== undefined) throw badRequest(`body.parameters.${foreign}: a ${type} transition has no such parameter`);
}

/** How transitions are served. */
export const transitions: Serving = {
  table: 'transitions',
  create: ({ store, apiVersion }, body, req) => {
    const parameters = (body.parameters as JsonObject | undefined) ?? {};
    if (apiVersion === '2024-11-29') checkParameters2024(body.transitionType as string, parameters);
    if (body.transitionType === 'docker' && typeof parameters.imageUrl !== 'string') {
      throw badRequest('body.parameters.imageUrl: is required for a docker transition');
    }
    if (body.transitionType === 'lambda' && typeof parameters.lambdaId !== 'string') {
      throw badRequest('body.parameters.lambdaId: is required for a lambda transition');
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
  list: (req, all, { apiVersion }) => {
    const types = queryValues(req.query, 'transitionType', shapeOf(createTransitionSchema, apiVersion).properties.transitionType);
    return { rows: all.filter((row) => !types || types.includes(row.data.transitionType as string)), echo: { transitionType: types } };
  },
  patch: ({ store, apiVersion }, row, body, req) => {
    if (apiVersion === '2024-11-29') return update(store.tables.transitions, row, changed2024(row, body), req.principal);
    const { environment, environmentSecrets, ...rest } = body;
    // Environment belongs to the docker parameters; assets are shown beside them and, for a manual transition, in them.
    const parameters = { ...(row.data.parameters as JsonObject) };
    if (environment !== undefined) parameters.environment = environment;
    if (environmentSecrets !== undefined) parameters.environmentSecrets = environmentSecrets;
    if (rest.assets !== undefined && row.data.transitionType === 'manual') parameters.assets = rest.assets;
    return update(store.tables.transitions, row, { ...rest, parameters }, req.principal);
  },
};

/**
 * What a 2024-11-29 update changes: every setting is in `parameters`, each one given replaces the
 * one kept and null clears it; a manual transition's assets are shown beside them too.
 */
function changed2024(row: Row, { parameters: given, ...rest }: JsonObject): JsonObject {
  if (!isObject(given)) return rest;
  checkParameters2024(row.data.transitionType as string, given);
  const parameters = { ...(row.data.parameters as JsonObject) };
  for (const [key, value] of Object.entries(given)) {
    if (value === null) delete parameters[key];
    else setOwn(parameters, key, value);
  }
  return isObject(given.assets) ? { ...rest, parameters, assets: given.assets } : { ...rest, parameters };
}
