import { omit } from '../schema/index.js';
import { path } from '../http/path.js';
import type { RequestOptions } from '../http/request-options.js';
import { Collection } from './collection.js';
import { Entity, type Handle, checkBody, checkedJson, checkId, entity } from './entity.js';
import { WorkflowExecution, WorkflowExecutions } from './workflow-executions.js';
import { ids } from '../api/ids.js';
import { listOptionsSchema, type ListOptions } from '../api/list.js';
import {
  workflowSchema,
  createWorkflowSchema,
  updateWorkflowSchema,
  executeWorkflowSchema,
  type WorkflowData,
  type WorkflowSpecification,
  type CreateWorkflowOptions,
  type UpdateWorkflowOptions,
} from '../api/workflows.js';

const createWorkflowOptionsSchema = omit(createWorkflowSchema, ['specification']);

/** A workflow: transitions chained by a state machine, run on an input per execution. */
@entity(workflowSchema, { id: 'workflowId' })
export class Workflow extends Entity<WorkflowData> {
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

/** A handle on a workflow (`ref(id)`): its id and its methods; `await handle.refresh()` gives the workflow. */
export type WorkflowHandle = Handle<Workflow, WorkflowData, 'workflowId'>;

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
  ref(workflowId: string): WorkflowHandle {
    return this.handle({ workflowId: checkId(workflowId, ids.workflow, 'workflowId', 'workflows') });
  }
}
