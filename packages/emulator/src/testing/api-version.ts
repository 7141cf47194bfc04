import { ValidationError } from 'las-sdk/errors';
import type { ApiVersion } from 'las-sdk/api';
import { SERVED_API_VERSIONS } from '../flags.js';

/** The API version a test emulator serves unless told otherwise. */
export const DEFAULT_API_VERSION = SERVED_API_VERSIONS[0];

// Which versions the emulator serves is said once, in flags.ts, for the bins and the testing kit alike.
const SERVED: readonly string[] = SERVED_API_VERSIONS;

/** The API version asked for, checked: a {@link ValidationError} naming the served ones when it is not one. */
export function checkApiVersion(apiVersion: unknown, where: string): ApiVersion {
  if (apiVersion === undefined) return DEFAULT_API_VERSION;
  if (typeof apiVersion === 'string' && SERVED.includes(apiVersion)) return apiVersion as ApiVersion;
  const served = `it serves ${SERVED.map((version) => `'${version}'`).join(', ')}`;
  const shown = typeof apiVersion === 'string' ? `'${apiVersion.slice(0, 40)}'` : typeof apiVersion;
  throw new ValidationError(`${where}: unknown API version ${shown}; ${served}`);
}
