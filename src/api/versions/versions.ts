import { SPEC_FACTS } from './spec-facts.generated.js';

/** The API versions the SDK speaks: each is the date of its OpenAPI spec. */
export const API_VERSIONS = ['2021-09-23', '2024-11-29'] as const;

/** One of {@link API_VERSIONS}. */
export type ApiVersion = (typeof API_VERSIONS)[number];

/** The version a client speaks when none is chosen: the seed SDK's. */
export const DEFAULT_API_VERSION: ApiVersion = '2021-09-23';

/** The version the service speaks today. */
export const SERVICE_API_VERSION: ApiVersion = '2024-11-29';

/** Whether `value` is one of {@link API_VERSIONS}. */
export function isApiVersion(value: unknown): value is ApiVersion {
  return (API_VERSIONS as readonly unknown[]).includes(value);
}

/** Whether requests of `version` carry the `X-Api-Key` header: only when its spec has an api key. */
export function takesApiKey(version: ApiVersion): boolean {
  return SPEC_FACTS[version].apiKey;
}

// The specs' servers name the service's host; the seed's own credentials used the older .io one.
const OLDER_SERVICE_HOSTS = ['api.lucidtech.io'];

/** Whether `apiEndpoint` is the service's own API (a host of the specs' servers), not an emulator, a mock or a proxy. */
export function isServiceEndpoint(apiEndpoint: string): boolean {
  let host: string;
  try {
    host = new URL(apiEndpoint).hostname.toLowerCase();
  } catch {
    return false;
  }
  return API_VERSIONS.some((version) => (SPEC_FACTS[version].hosts as readonly string[]).includes(host)) || OLDER_SERVICE_HOSTS.includes(host);
}

/** Whether `version`'s spec has the operation `method` on the path template `path` (`GET /models/{modelId}`). */
export function hasOperation(version: ApiVersion, method: string, path: string): boolean {
  return Object.hasOwn(SPEC_FACTS[version].operations, `${method} ${path}`);
}
