/**
 * The Node entry: everything of the browser entry, and what needs Node (the credentials file and
 * environment, the docker entry point of transitions, downloading a dataset's documents into a
 * folder).
 */
export * from './browser.js';
export { resolveCredentials, type ResolveCredentialsOptions } from './auth/resolve.js';
export {
  handleTransitionExecution,
  type HandledTransitionExecution,
  type HandleTransitionExecutionOptions,
} from './jobs/handle-transition-execution.js';
export {
  downloadDocuments,
  CONTENT_EXTENSIONS,
  DEFAULT_DOWNLOAD_CONCURRENCY,
  type DownloadDocumentsOptions,
  type DownloadedDocument,
  type DownloadFailure,
  type DownloadProgress,
  type DownloadReport,
} from './jobs/download-documents.js';
