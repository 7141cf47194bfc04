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
export * from './documents.js';
export * from './document-files.js';
export * from './logs.js';
export * from './models.js';
export * from './organizations.js';
export * from './predictions.js';
export * from './secrets.js';
export * from './transition-executions.js';
export * from './transitions.js';
export * from './users.js';
export * from './workflow-executions.js';
export * from './workflows.js';
