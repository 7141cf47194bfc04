import { s, type Infer } from '../schema/index.js';
import { auditFields, nameAndDescription, optionalNameAndDescription } from './fields.js';
import { ids } from './ids.js';
import { since2024, type InferEither, type OmitEither } from './versioned.js';

const errorConfigSchema = s.object({
  /** Whether a failed execution may be retried by hand. */
  manualRetry: s.optional(s.boolean()),
  /** Address told about failed executions. */
  email: s.optional(s.email()),
});
const completedConfigSchema = s.object({
  /** Docker image run after each execution. */
  imageUrl: s.string(),
  /** Environment variables the container runs with. */
  environment: s.optional(s.record(s.string())),
  /** Secrets whose values are added to the environment. */
  environmentSecrets: s.optional(s.array(ids.secret)),
  /** Secret holding the credentials to pull the image with. */
  secretId: s.optional(ids.secret),
});
const specificationSchema = s.object({
  /** The state machine, in the language given. */
  definition: s.record(),
  /** Language of the definition. */
  language: s.optional(s.enum(['ASL'])),
  /** Revision number, raised by each change. */
  version: s.optional(s.enum(['1.0.0'])),
});

const emailConfigSchema = s.object({
  /** Secret holding the mailbox's credentials. */
  secretId: ids.secret,
  /** The address mail to the workflow goes to. */
  email: s.optional(s.email()),
  /** Senders whose mail starts an execution (null: anyone). */
  allowedOrigins: s.optional(s.nullable(s.array(s.string()))),
  /** Input added to every execution the mail starts. */
  additionalWorkflowInput: s.optional(s.nullable(s.record())),
});
/** What 2024-11-29 adds to a workflow's create and update bodies: its status, mail in, metadata. */
const workflowFields2024 = {
  /** Whether the workflow is being built or in use. */
  status: s.optional(s.enum(['development', 'production'])),
  /** Mail that starts executions. */
  emailConfig: s.optional(emailConfigSchema),
  /** Your own data about it: any JSON object. */
  metadata: s.optional(s.record()),
};

/** The API's shape of a workflow. */
export const workflowSchema = s.object({
  /** Id of the workflow. */
  workflowId: ids.workflow,
  ...nameAndDescription,
  /** What happens when an execution fails. */
  errorConfig: errorConfigSchema,
  /** A docker image run after each execution ends. */
  completedConfig: completedConfigSchema,
  /** Executions running now. */
  numberOfRunningExecutions: s.integer(),
  /** Whether the workflow is being built or in use (2024-11-29). */
  status: s.optional(s.enum(['development', 'production'])),
  /** Mail that starts executions (2024-11-29). */
  emailConfig: s.optional(s.nullable(emailConfigSchema)),
  /** Your own data about it: any JSON object (2024-11-29). */
  metadata: s.optional(s.nullable(s.record())),
  /** Most executions of the workflow per month (2024-11-29). */
  monthlyNumberOfWorkflowExecutionsAllowed: s.optional(s.integer({ minimum: 0 })),
  /** Executions of the workflow this month (2024-11-29). */
  monthlyNumberOfWorkflowExecutionsCreated: s.optional(s.integer({ minimum: 0 })),
  ...auditFields,
});

/** Body of POST /workflows. */
export const createWorkflowSchema = since2024(s.object({
  /** The workflow's steps, as a state machine. */
  specification: specificationSchema,
  /** What happens when an execution fails. */
  errorConfig: s.optional(errorConfigSchema),
  /** A docker image run after each execution ends. */
  completedConfig: s.optional(completedConfigSchema),
  ...optionalNameAndDescription,
}), { with: workflowFields2024 });

/** Body of PATCH /workflows/{workflowId}. */
export const updateWorkflowSchema = since2024(s.object(
  {
    ...optionalNameAndDescription,
    /** What happens when an execution fails. */
    errorConfig: s.optional(errorConfigSchema),
    /** A docker image run after each execution ends. */
    completedConfig: s.optional(completedConfigSchema),
  },
  { minProperties: 1 },
), { with: { ...workflowFields2024, emailConfig: s.optional(s.nullable(emailConfigSchema)) } });

/** Body of POST /workflows/{workflowId}/executions. */
export const executeWorkflowSchema = s.object({
  /** Input the run started with. */
  input: s.record(),
});

/** A workflow's data as the API returns it. */
export type WorkflowData = Infer<typeof workflowSchema>;
/** A workflow's definition: an Amazon States Language state machine over transitions. */
export type WorkflowSpecification = Infer<typeof specificationSchema>;
/** Whom to tell, and whether to allow a manual retry, when an execution fails. */
export type WorkflowErrorConfig = Infer<typeof errorConfigSchema>;
/** A docker image run after each execution completes. */
export type WorkflowCompletedConfig = Infer<typeof completedConfigSchema>;
/** Options of `las.workflows.create()`. */
export type CreateWorkflowOptions = OmitEither<typeof createWorkflowSchema, 'specification'>;
/** Options of `workflow.update()`. */
export type UpdateWorkflowOptions = InferEither<typeof updateWorkflowSchema>;
