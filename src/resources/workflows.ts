import { omit } from '../schema/index.js';
import type { RequestOptions } from '../http/request-options.js';
import { Collection, collectionOf } from './collection.js';
import { checkedJson } from './checks.js';
import { Entity, type Handle } from './entity.js';
import { entity } from './entity-metadata.js';
import type { ById, Delete, List, Ref, Refresh, Update } from './methods.js';
import { WorkflowExecution, WorkflowExecutions } from './workflow-executions.js';
import { kinds } from '../api/kinds.js';
import type { ListOptions } from '../api/list.js';
import {
  createWorkflowSchema,
  executeWorkflowSchema,
  type WorkflowData,
  type WorkflowSpecification,
  type CreateWorkflowOptions,
  type UpdateWorkflowOptions,
} from '../api/workflows.js';

const createWorkflowOptionsSchema = omit(createWorkflowSchema, ['specification']);

/** A workflow: transitions chained by a state machine, run on an input per execution. */
@entity(kinds.workflow)
export class Workflow extends Entity<WorkflowData> {
  /** Loads this workflow's data. `GET /workflows/{workflowId}` */
  declare refresh: Refresh<this>;
  /** Updates name, description, error or completed config. `PATCH /workflows/{workflowId}` */
  declare update: Update<this, UpdateWorkflowOptions>;
  /** Deletes the workflow. `DELETE /workflows/{workflowId}` */
  declare delete: Delete<this>;

  /** The executions of this workflow. */
  get executions(): WorkflowExecutions {
    return new WorkflowExecutions(this.session, this.workflowId);
  }

  /** Runs the workflow on `input`. `POST /workflows/{workflowId}/executions` */
  async execute(input: Record<string, unknown>, requestOptions?: RequestOptions): Promise<WorkflowExecution> {
    const body = checkedJson(executeWorkflowSchema, { input }, this.what('execute'));
    return WorkflowExecution.fromApi(this.session, await this.session.post(`${this.path}/executions`, body, requestOptions));
  }
}

/** A handle on a workflow (`ref(id)`): its id and its methods; `await handle.refresh()` gives the workflow. */
export type WorkflowHandle = Handle<Workflow, WorkflowData, 'workflowId'>;

/** `las.workflows`: the workflows of the organization. */
@collectionOf(Workflow)
export class Workflows extends Collection<Workflow> {
  /** Lists workflows. `GET /workflows` */
  declare list: List<Workflow, ListOptions>;
  /** Gets one workflow. `GET /workflows/{workflowId}` */
  declare get: ById<Workflow['refresh']>;
  /** Updates a workflow. `PATCH /workflows/{workflowId}` */
  declare update: ById<Workflow['update']>;
  /** Deletes a workflow. `DELETE /workflows/{workflowId}` */
  declare delete: ById<Workflow['delete']>;
  /** A handle on a workflow by id, without a request. */
  declare ref: Ref<WorkflowHandle>;

  /** Creates a workflow from its specification. `POST /workflows` */
  async create(specification: WorkflowSpecification, options: CreateWorkflowOptions = {}, requestOptions?: RequestOptions): Promise<Workflow> {
    this.checkCreateOptions(createWorkflowOptionsSchema, options);
    return this.createWith({ ...options, specification }, requestOptions);
  }
}
