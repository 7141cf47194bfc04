import { s, type Infer } from '../schema/index.js';
import { ids } from './ids.js';

const errorConfigSchema = s.object({
  manualRetry: s.optional(s.boolean()),
  email: s.optional(s.email()),
});
const completedConfigSchema = s.object({
  imageUrl: s.string(),
  environment: s.optional(s.record(s.string())),
  environmentSecrets: s.optional(s.array(ids.secret)),
  secretId: s.optional(ids.secret),
});
const specificationSchema = s.object({
  definition: s.record(),
  language: s.optional(s.enum(['ASL'])),
  version: s.optional(s.enum(['1.0.0'])),
});

/** The API's shape of a workflow. */
export const workflowSchema = s.object({
  workflowId: ids.workflow,
  name: s.nullable(s.text()),
  description: s.nullable(s.text()),
  errorConfig: errorConfigSchema,
  completedConfig: completedConfigSchema,
  numberOfRunningExecutions: s.integer(),
  createdBy: s.nullable(s.text()),
  createdTime: s.nullable(s.timestamp()),
  updatedBy: s.nullable(s.text()),
  updatedTime: s.nullable(s.timestamp()),
});

/** Body of POST /workflows. */
export const createWorkflowSchema = s.object({
  specification: specificationSchema,
  errorConfig: s.optional(errorConfigSchema),
  completedConfig: s.optional(completedConfigSchema),
  name: s.optional(s.nullable(s.text())),
  description: s.optional(s.nullable(s.text())),
});

/** Body of PATCH /workflows/{workflowId}. */
export const updateWorkflowSchema = s.object(
  {
    name: s.optional(s.nullable(s.text())),
    description: s.optional(s.nullable(s.text())),
    errorConfig: s.optional(errorConfigSchema),
    completedConfig: s.optional(completedConfigSchema),
  },
  { minProperties: 1 },
);

/** Body of POST /workflows/{workflowId}/executions. */
export const executeWorkflowSchema = s.object({ input: s.record() });

/** A workflow's data as the API returns it. */
export type WorkflowData = Infer<typeof workflowSchema>;
/** A workflow's definition: an Amazon States Language state machine over transitions. */
export type WorkflowSpecification = Infer<typeof specificationSchema>;
/** Whom to tell, and whether to allow a manual retry, when an execution fails. */
export type WorkflowErrorConfig = Infer<typeof errorConfigSchema>;
/** A docker image run after each execution completes. */
export type WorkflowCompletedConfig = Infer<typeof completedConfigSchema>;
/** Options of `las.workflows.create()`. */
export type CreateWorkflowOptions = Omit<Infer<typeof createWorkflowSchema>, 'specification'>;
/** Options of `workflow.update()`. */
export type UpdateWorkflowOptions = Infer<typeof updateWorkflowSchema>;
