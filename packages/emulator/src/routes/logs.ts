/** /logs: what happened to each transition execution (written by ../logbook.ts). */
import { logSchema, orderSchema } from 'las-sdk/api';
import type { Context } from '../context.js';
import { route, type Route } from '../router.js';
import { queryValue, required } from '../validation.js';
import { listAnswer, pathId } from './shared.js';

const FILTERS = ['workflowId', 'workflowExecutionId', 'transitionId', 'transitionExecutionId'] as const;

/** The routes of logs. */
export const logRoutes: Route[] = [
  route('GET', '/logs', ({ store }: Context, req) => {
    const wanted = FILTERS.map((name) => [name, queryValue(req.query, name, required(logSchema.properties[name]))] as const);
    const order = queryValue(req.query, 'order', orderSchema);
    const rows = store.tables.logs.filter((row) => wanted.every(([name, id]) => id === undefined || row.data[name] === id));
    return listAnswer('logs', rows, req, undefined, { descending: order === 'descending' }, { ...Object.fromEntries(wanted), order });
  }),
  route('GET', '/logs/{logId}', ({ store }: Context, req) => store.tables.logs.require(pathId(req, 'logId', logSchema.properties.logId)).data),
];
