import { omit, s, type Infer } from '../schema/index.js';
import { ids } from '../schema/ids.js';
import { path } from '../http/path.js';
import type { RequestOptions } from '../http/request-options.js';
import { Collection, listOptionsSchema, type ListOptions } from './collection.js';
import { Entity, checkBody, checkedJson, checkId, entity } from './entity.js';
import { WorkflowExecution, WorkflowExecutions } from './workflow-executions.js';

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

const createWorkflowOptionsSchema = omit(createWorkflowSchema, ['specification']);

// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface Workflow extends WorkflowData {}

/** A workflow: transitions chained by a state machine, run on an input per execution. */
@entity(workflowSchema)
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Workflow extends Entity {
  /** The workflow id. */
  get id(): string {
    return this.workflowId;
  }

  protected get path(): string {
    return path`/workflows/${this.workflowId}`;
  }

  /** The executions of this workflow. */
  get executions(): WorkflowExecutions {
    return new WorkflowExecutions(this.session, this.workflowId);
  }

  /** Loads this workflow's data. `GET /workflows/{workflowId}` */
  async refresh(requestOptions?: RequestOptions): Promise<this> {
    return this.reload(undefined, requestOptions);
  }

  /** Updates name, description, error or completed config. `PATCH /workflows/{workflowId}` */
  async update(options: UpdateWorkflowOptions, requestOptions?: RequestOptions): Promise<this> {
    return this.patchWith(updateWorkflowSchema, options, 'workflow.update', requestOptions);
  }

  /** Deletes the workflow. `DELETE /workflows/{workflowId}` */
  async delete(requestOptions?: RequestOptions): Promise<this> {
    return this.deleteWith(undefined, requestOptions);
  }

  /** Runs the workflow on `input`. `POST /workflows/{workflowId}/executions` */
  async execute(input: Record<string, unknown>, requestOptions?: RequestOptions): Promise<WorkflowExecution> {
    const body = checkedJson(executeWorkflowSchema, { input }, 'workflow.execute');
    return WorkflowExecution.fromApi(this.session, await this.session.post(`${this.path}/executions`, body, requestOptions));
  }
}

/** `las.workflows`: the workflows of the organization. */
export class Workflows extends Collection<Workflow> {
  protected readonly entity = Workflow;

  /** Creates a workflow from its specification. `POST /workflows` */
  async create(specification: WorkflowSpecification, options: CreateWorkflowOptions = {}, requestOptions?: RequestOptions): Promise<Workflow> {
    checkBody(createWorkflowOptionsSchema, options, 'workflows.create');
    return this.createAt('/workflows', createWorkflowSchema, { ...options, specification }, 'workflows.create', requestOptions);
  }

  /** Lists workflows. `GET /workflows` */
  list(options: ListOptions = {}, requestOptions?: RequestOptions) {
    return this.listAt('/workflows', 'workflows', listOptionsSchema, options, 'workflows.list', requestOptions);
  }

  /** Gets one workflow. `GET /workflows/{workflowId}` */
  async get(workflowId: string, requestOptions?: RequestOptions): Promise<Workflow> {
    return this.ref(workflowId).refresh(requestOptions);
  }

  /** Updates a workflow. `PATCH /workflows/{workflowId}` */
  async update(workflowId: string, options: UpdateWorkflowOptions, requestOptions?: RequestOptions): Promise<Workflow> {
    return this.ref(workflowId).update(options, requestOptions);
  }

  /** Deletes a workflow. `DELETE /workflows/{workflowId}` */
  async delete(workflowId: string, requestOptions?: RequestOptions): Promise<Workflow> {
    return this.ref(workflowId).delete(requestOptions);
  }

  /** A handle on a workflow by id, without a request. */
  ref(workflowId: string): Workflow {
    return this.handle({ workflowId: checkId(workflowId, ids.workflow, 'workflowId', 'workflows') });
  }
}
