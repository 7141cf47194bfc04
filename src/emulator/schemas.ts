/**
 * Request shapes the SDK does not export, in the same schema language as src/resources: the
 * emulator's validation and the SDK's types otherwise come from one definition.
 */
import { s } from '../schema/index.js';

/**
 * Body of POST /transitions/{id}/executions and of POST .../heartbeats: the spec types both as
 * any object, and the SDK sends `{}`.
 */
export const emptyBodySchema = s.object({}, { additional: true });

/** `sortBy` of the execution lists. */
export const sortBySchema = s.enum(['startTime', 'endTime']);

/** `order` of the execution and log lists. */
export const orderSchema = s.enum(['ascending', 'descending']);
