/** /logs: what happened to each transition execution (written by ../logbook.ts). */
import { logSchema, orderSchema } from 'las-sdk/api';
import { queryValue, required } from '../validation.js';
import type { Serving } from './kind-routes.js';

const FILTERS = ['workflowId', 'workflowExecutionId', 'transitionId', 'transitionExecutionId'] as const;

/** How logs are served: only read, newest last unless `order=descending`. */
export const logs: Serving = {
  table: 'logs',
  list: (req, all) => {
    const wanted = FILTERS.map((name) => [name, queryValue(req.query, name, required(logSchema.properties[name]))] as const);
    const order = queryValue(req.query, 'order', orderSchema);
    const rows = all.filter((row) => wanted.every(([name, id]) => id === undefined || row.data[name] === id));
    return { rows, ordering: { descending: order === 'descending' }, echo: { ...Object.fromEntries(wanted), order } };
  },
};
