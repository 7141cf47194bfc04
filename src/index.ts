/**
 * The Node entry: everything of the browser entry, and what needs Node (the credentials file and
 * environment, the docker entry point of transitions).
 */
export * from './browser.js';
export { resolveCredentials, type ResolveCredentialsOptions } from './auth/resolve.js';
export {
  handleTransitionExecution,
  type HandledTransitionExecution,
  type HandleTransitionExecutionOptions,
} from './jobs/handle-transition-execution.js';
export { documentsOfFolder, type FolderDocuments } from './jobs/folder-documents.js';
