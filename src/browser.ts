/**
 * What works in Node and in a browser alike: the browser build's entry (package.json `exports`,
 * condition `browser`). The Node entry, index.ts, adds what needs Node. This file lists the
 * package's public names, each by name: nothing else of a module is public.
 */
export { Las, type Collections2021, type Collections2024, type LasClient, type LasCollections, type LasConstructor, type LasDefaults, type LasOptions } from './las.js';
export { API_VERSIONS, type ApiVersion } from './api/versions/index.js';
export type { RequestOptions } from './http/request-options.js';
export type { Logger, LogLevel, RequestEvent, RequestHooks } from './http/log.js';
export { Credentials, type CredentialsInit } from './auth/credentials.js';
export type { TokenProvider } from './auth/token-provider.js';
export { AuthorizationCodeCredentials, type AuthorizationCodeCredentialsInit, type SignOutOptions, type TokenStorage } from './auth/authorization-code.js';
export type { SignedInUser } from './auth/id-token.js';
export {
  AbortError,
  ApiError,
  BadRequestError,
  ConnectionError,
  ContentError,
  IncompleteDocumentError,
  InvalidCredentialsError,
  LasError,
  LimitExceededError,
  MissingCredentialsError,
  NotFoundError,
  PartialFailureError,
  ServerError,
  TimeoutError,
  TooManyRequestsError,
  ValidationError,
  WaitAbortedError,
  WaitTimeoutError,
  type ApiErrorInit,
  type TransportErrorOptions,
  type WaitState,
} from './errors.js';
export { Page, PagePromise } from './http/pagination.js';
export type { ContentInput, DocumentContentType, LegacyReadable, ReadableContent } from './content/content.js';
export { Timestamp } from './schema/timestamp.js';
export { Entity, type Handle } from './resources/entity.js';
export type { ById, Delete, List, Ref, Refresh, Update } from './resources/methods.js';
export type { ListOptions } from './api/list.js';
export { AppClient, AppClients, type AppClientHandle } from './resources/app-clients.js';
export { Asset, Assets, type AssetHandle, type UpdateAssetOptions } from './resources/assets.js';
export { Batch, Batches, type BatchHandle, type DeleteBatchOptions } from './resources/batches.js';
export { Dataset, Datasets, type DatasetHandle, type DeleteDatasetOptions } from './resources/datasets.js';
export {
  Document,
  Documents,
  type DocumentHandle,
  type CreateDocumentOptions,
  type DeleteDocumentsOptions,
  type DeleteDocumentsOptionsOf,
  type DeletedDocuments,
  type ListDocumentsOptionsOf,
} from './resources/documents.js';
export { Log, Logs, type LogHandle } from './resources/logs.js';
export { Model, Models, type GetModel, type ModelHandle } from './resources/models.js';
export { DataBundle, DataBundles, type DataBundleHandle } from './resources/data-bundles.js';
export { Organization, Organizations, type OrganizationHandle } from './resources/organizations.js';
export { Prediction, Predictions, type PredictionHandle } from './resources/predictions.js';
export { DeploymentEnvironment, DeploymentEnvironments, type DeploymentEnvironmentHandle } from './resources/deployment-environments.js';
export { PaymentMethod, PaymentMethods, type PaymentMethodHandle } from './resources/payment-methods.js';
export { Plan, Plans, type PlanHandle } from './resources/plans.js';
export { Profile, Profiles, type ProfileHandle } from './resources/profiles.js';
export { Role, Roles, type RoleHandle } from './resources/roles.js';
export { Training, Trainings, type TrainingHandle } from './resources/trainings.js';
export { Transformation, Transformations, type TransformationHandle } from './resources/transformations.js';
export { Secret, Secrets, type SecretHandle } from './resources/secrets.js';
export { Transition, Transitions, type TransitionHandle, type TransitionSchemas, type CreateTransitionOptions, type UpdateTransitionOptions } from './resources/transitions.js';
export { TransitionExecution, TransitionExecutions, type TransitionExecutionHandle } from './resources/transition-executions.js';
export { User, Users, type UserHandle } from './resources/users.js';
export { Workflow, Workflows, type WorkflowHandle } from './resources/workflows.js';
export { WorkflowExecution, WorkflowExecutions, type WorkflowExecutionHandle } from './resources/workflow-executions.js';
// The API's data and option types; its schemas are in the `las-sdk/api` subpath.
export type { AppClientData, CreateAppClientOptions, UpdateAppClientOptions } from './api/app-clients.js';
export type { AssetData, CreateAssetOptions } from './api/assets.js';
export type { BatchData, CreateBatchOptions, UpdateBatchOptions } from './api/batches.js';
export type { DataBundleData, DataBundleStatus, BundledDataset, CreateDataBundleOptions, UpdateDataBundleOptions, ListDataBundlesOptions } from './api/data-bundles.js';
export type { DatasetData, CreateDatasetOptions, UpdateDatasetOptions } from './api/datasets.js';
export type { DocumentData, GroundTruthEntry, UpdateDocumentOptions, DocumentFilters, ListDocumentsOptions } from './api/documents.js';
export type { DocumentBytesOptions } from './api/document-files.js';
export type { LogData, ListLogsOptions } from './api/logs.js';
export type { FieldSpec, FieldConfig, PreprocessConfig, ModelStatus, ModelData, CreateModelOptions, UpdateModelOptions, ListModelsOptions, GetModelOptions } from './api/models.js';
export type { OrganizationData, CreateOrganizationOptions, UpdateOrganizationOptions } from './api/organizations.js';
export type { PredictionData, CreatePredictionOptions, ListPredictionsOptions } from './api/predictions.js';
export type { DeploymentEnvironmentData, ListDeploymentEnvironmentsOptions } from './api/deployment-environments.js';
export type { PaymentMethodData, CreatePaymentMethodOptions, UpdatePaymentMethodOptions } from './api/payment-methods.js';
export type { PlanData, ListPlansOptions } from './api/plans.js';
export type { ProfileData, UpdateProfileOptions } from './api/profiles.js';
export type { RoleData } from './api/roles.js';
export type { TrainingData, CreateTrainingOptions, UpdateTrainingOptions, ListTrainingsOptions } from './api/trainings.js';
export type { TransformationData, TransformationOperation, CreateTransformationOptions, ListTransformationsOptions } from './api/transformations.js';
export type { SecretValues, SecretData, CreateSecretOptions, UpdateSecretOptions } from './api/secrets.js';
export type { TransitionExecutionData, TransitionExecutionStatus, TransitionExecutionUpdateStatus, TransitionExecutionError, UpdateTransitionExecutionOptions, ListTransitionExecutionsOptions } from './api/transition-executions.js';
export type { TransitionData, TransitionType, ListTransitionsOptions } from './api/transitions.js';
export type { UserData, CreateUserOptions, UpdateUserOptions } from './api/users.js';
export type { WorkflowExecutionData, WorkflowExecutionStatus, UpdateWorkflowExecutionOptions, ListWorkflowExecutionsOptions } from './api/workflow-executions.js';
export type { WorkflowData, WorkflowSpecification, WorkflowErrorConfig, WorkflowCompletedConfig, CreateWorkflowOptions, UpdateWorkflowOptions } from './api/workflows.js';
export type { PollOptions, WaitOptions } from './jobs/wait.js';
export {
  DEFAULT_HEARTBEAT_INTERVAL,
  DEFAULT_MAX_CONSECUTIVE_FAILURES,
  MAX_ERROR_MESSAGE_LENGTH,
  type ExecutionOutcome,
  type HandlerOptions,
  type OnAbort,
  type TransitionHandler,
  type TransitionHandlerContext,
  type TransitionOutput,
  type WorkErrorContext,
  type WorkErrorListener,
  type WorkOptions,
  type WorkSummary,
} from './jobs/transition-work-types.js';
export {
  DEFAULT_UPLOAD_CONCURRENCY,
  type IgnoredFile,
  type ResumeOptions,
  type SkippedDocument,
  type UploadDocumentsOptions,
  type UploadedDocument,
  type UploadFailure,
  type UploadProgress,
  type UploadReport,
  type UploadSource,
} from './jobs/upload-types.js';
export {
  DEFAULT_DOWNLOAD_CONCURRENCY,
  type DownloadDocumentsOptions,
  type DownloadedDocument,
  type DownloadFailure,
  type DownloadProgress,
  type DownloadReport,
} from './jobs/download-types.js';
