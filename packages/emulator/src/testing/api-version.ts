import { ValidationError } from 'las-sdk/errors';

/** The API version a test emulator serves unless told otherwise. */
export const DEFAULT_API_VERSION = '2021-09-23';

/**
 * The one place that says which API versions a test emulator serves: '2024-11-29' is refused
 * until the emulator serves it (move it from `COMING` to `SERVED` then).
 */
const SERVED: readonly string[] = [DEFAULT_API_VERSION];
const COMING: readonly string[] = ['2024-11-29'];

/** The API version asked for, checked: a {@link ValidationError} naming the served ones when it is not one. */
export function checkApiVersion(apiVersion: unknown, where: string): string {
  if (apiVersion === undefined) return DEFAULT_API_VERSION;
  if (typeof apiVersion === 'string' && SERVED.includes(apiVersion)) return apiVersion;
  const served = `it serves ${SERVED.map((version) => `'${version}'`).join(', ')}`;
  if (typeof apiVersion === 'string' && COMING.includes(apiVersion)) {
    throw new ValidationError(`${where}: the emulator does not serve API version '${apiVersion}' yet; ${served}`);
  }
  const shown = typeof apiVersion === 'string' ? `'${apiVersion.slice(0, 40)}'` : typeof apiVersion;
  throw new ValidationError(`${where}: unknown API version ${shown}; ${served}`);
}
