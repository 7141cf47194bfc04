/**
 * The API versions the SDK speaks, as data: which operations, body fields and enum values each
 * has (from its spec, see spec-facts.generated.ts), what replaced what the service removed
 * (changes.ts), and the one check of a request against the chosen version (check.ts).
 */
export { API_VERSIONS, DEFAULT_API_VERSION, SERVICE_API_VERSION, isApiVersion, isServiceEndpoint, takesApiKey, type ApiVersion } from './versions.js';
export { versionProblem, type VersionedRequest } from './check.js';
export type { Change } from './changes.js';
