// class-transformer reads decorator metadata through this polyfill: load it before any entity.
import 'reflect-metadata';

export { Las, type LasDefaults, type LasOptions } from './las.js';
export type { RequestOptions } from './http/request-options.js';
export type { Logger, LogLevel, RequestEvent, RequestHooks } from './http/log.js';
export { Credentials, resolveCredentials, type CredentialsInit, type TokenProvider } from './auth/index.js';
export { AuthorizationCodeCredentials, type AuthorizationCodeCredentialsInit, type SignOutOptions, type TokenStorage } from './auth/authorization-code.js';
export * from './errors.js';
export { Page, PagePromise } from './http/pagination.js';
export type { ContentInput, DocumentContentType } from './http/content.js';
export { Timestamp } from './schema/timestamp.js';
export { Entity } from './resources/entity.js';
export type { ListOptions } from './resources/collection.js';
export * from './resources/app-clients.js';
export * from './resources/assets.js';
export * from './resources/batches.js';
export * from './resources/datasets.js';
export * from './resources/documents.js';
export * from './resources/logs.js';
export * from './resources/models.js';
export * from './resources/organizations.js';
export * from './resources/predictions.js';
export * from './resources/secrets.js';
export * from './resources/transitions.js';
export * from './resources/transition-executions.js';
export * from './resources/users.js';
export * from './resources/workflows.js';
export * from './resources/workflow-executions.js';
export type { WaitOptions } from './jobs/wait.js';
export {
  handleTransitionExecution,
  trimErrorMessage,
  DEFAULT_HEARTBEAT_INTERVAL,
  DEFAULT_MAX_CONSECUTIVE_FAILURES,
  MAX_ERROR_MESSAGE_LENGTH,
  type ExecutionOutcome,
  type HandledTransitionExecution,
  type HandleTransitionExecutionOptions,
  type HandlerOptions,
  type OnAbort,
  type TransitionHandler,
  type TransitionHandlerContext,
  type TransitionOutput,
  type WorkErrorContext,
  type WorkErrorListener,
  type WorkOptions,
  type WorkSummary,
} from './jobs/transition-worker.js';
export {
  DEFAULT_UPLOAD_CONCURRENCY,
  type ResumeOptions,
  type SkippedDocument,
  type UploadDocumentsOptions,
  type UploadedDocument,
  type UploadFailure,
  type UploadProgress,
  type UploadReport,
  type UploadSource,
} from './jobs/upload-documents.js';
