/**
 * `las-sdk/api`: the API's wire shapes as schemas (`datasetSchema`, `createDatasetSchema`, ...),
 * the ones the SDK checks what it sends with and the emulator checks what it receives with. The
 * types derived from them are exported by the package root too.
 */
export * from './ids.js';
export * from './kinds.js';
export * from './list.js';
export * from './app-clients.js';
export * from './assets.js';
export * from './batches.js';
export * from './data-bundles.js';
export * from './datasets.js';
export * from './deployment-environments.js';
export * from './documents.js';
export * from './document-files.js';
export * from './logs.js';
export * from './models.js';
export * from './organizations.js';
export * from './payment-methods.js';
export * from './plans.js';
export * from './predictions.js';
export * from './profiles.js';
export * from './roles.js';
export * from './secrets.js';
export * from './trainings.js';
export * from './transformations.js';
export * from './transition-executions.js';
export * from './transitions.js';
export * from './users.js';
export * from './workflow-executions.js';
export * from './workflows.js';
// What a server of these shapes (las-emulator) checks requests with, beside the shapes: the schema
// builder and its check, the bound on JSON nesting, the test of a plain object, the base64 rule.
export {
  s,
  validate,
  jsonProblem,
  isPlainObject,
  MAX_JSON_DEPTH,
  MAX_JSON_VALUES,
  type Infer,
  type Schema,
  type AnySchema,
  type ArraySchema,
  type BooleanSchema,
  type CustomSchema,
  type NullableSchema,
  type NumberOptions,
  type NumberSchema,
  type ObjectOptions,
  type ObjectSchema,
  type OptionalSchema,
  type Properties,
  type RecordSchema,
  type StringSchema,
  type TimestampSchema,
  type UnionSchema,
} from '../schema/index.js';
export { isBase64 } from './base64.js';
export * from './versioned.js';
// Which operations each version has: what a server of either version (las-emulator) serves.
export { API_VERSIONS, DEFAULT_API_VERSION, hasOperation, type ApiVersion } from './versions/index.js';
