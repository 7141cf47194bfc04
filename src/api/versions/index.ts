/**
 * The API versions the SDK speaks, as data: which operations each has, and the body fields and
 * enum values that set them apart (from the specs, see spec-facts.generated.ts), what replaced what the service removed
 * (changes.ts), and the one check of a request against the chosen version (check.ts).
 */
export { API_VERSIONS, DEFAULT_API_VERSION, SERVICE_API_VERSION, hasOperation, isApiVersion, isServiceEndpoint, takesApiKey, type ApiVersion } from './versions.js';
export { versionProblem, type VersionedRequest } from './check.js';
export type { Change } from './changes.js';
