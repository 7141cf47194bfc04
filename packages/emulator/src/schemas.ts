/**
 * The one request shape the SDK has no schema for (it always sends `{}`), in the same schema
 * language as src/api, whose definitions serve the emulator everywhere else.
 */
import { s } from 'las-sdk/api';

/**
 * Body of POST /transitions/{id}/executions and of POST .../heartbeats: the spec types both as
 * any object, and the SDK sends `{}`.
 */
export const emptyBodySchema = s.object({}, { additional: true });
