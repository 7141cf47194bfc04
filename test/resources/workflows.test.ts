import { api, captureBody, testLas, useApiMock } from '../helpers/api.js';
import { fixture } from '../helpers/fixtures.js';
import { Workflow } from '../../src/resources/workflows.js';
import { WorkflowExecution, WorkflowExecutions } from '../../src/resources/workflow-executions.js';
import { ValidationError } from '../../src/errors.js';

const workflow = fixture('workflow');
const execution = fixture('workflow-execution');
const id = workflow.workflowId as string;
const encoded = encodeURIComponent(id);
const documentId = 'las:document:0123456789abcdef0123456789abcdef';
const running = { ...execution, status: 'running', output: {}, endTime: null, completedBy: [] };
const specification = {
  language: 'ASL' as const,
  version: '1.0.0' as const,
  definition: {
    StartAt: 'Export',
    States: { Export: { Type: 'Task', Resource: 'las:transition:7c2e9a41b05d4f3e8a6b1c9d2e0f4a57', End: true } },
  },
};

describe('workflows', () => {
  useApiMock();
  const las = testLas();

  test('the headline call: get then execute, sending { input } and returning a WorkflowExecution', async () => {
    const sent: { body?: unknown } = {};
    api().get(`/workflows/${encoded}`).reply(200, workflow);
    api()
      .post(`/workflows/${encoded}/executions`, captureBody(sent))
      .matchHeader('content-type', 'application/json')
      .reply(200, running);

    const run = await las.workflows.get(id).then((w) => w.execute({ documentId }));

    expect(sent.body).toEqual({ input: { documentId } });
    expect(run).toBeInstanceOf(WorkflowExecution);
    expect(run.id).toBe(execution.executionId);
    expect(run.workflowId).toBe(id);
    expect(run.status).toBe('running');
    expect(run.startTime).toBeInstanceOf(Date);
    expect(run.startTime?.toISOString()).toBe('2021-10-05T07:29:58.000Z');
    expect(run.endTime).toBeNull();
    expect(JSON.parse(JSON.stringify(run))).toEqual(running);
  });

  test('execute works on a ref without a GET', async () => {
    const sent: { body?: unknown } = {};
    api().post(`/workflows/${encoded}/executions`, captureBody(sent)).reply(200, running);
    const run = await las.workflows.ref(id).execute({ documentId, priority: 2 });
    expect(sent.body).toEqual({ input: { documentId, priority: 2 } });
    expect(run).toBeInstanceOf(WorkflowExecution);
  });

  test('execute with input that is not an object is a ValidationError before anything is sent', async () => {
    await expect(las.workflows.ref(id).execute('doc' as never)).rejects.toThrow(ValidationError);
    await expect(las.workflows.ref(id).execute(undefined as never)).rejects.toThrow(/input: is required/);
  });

  test('create POSTs the specification with the options and returns a Workflow', async () => {
    const sent: { body?: unknown } = {};
    api().post('/workflows', captureBody(sent)).matchHeader('content-type', 'application/json').reply(200, workflow);

    const created = await las.workflows.create(specification, {
      errorConfig: { email: 'ops@example.com', manualRetry: true },
      completedConfig: { imageUrl: 'registry.example.com/archive-invoice:2.0.0', secretId: 'las:secret:5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d' },
      name: 'Invoice processing',
      description: 'Predict, review and export supplier invoices',
    });

    expect(sent.body).toEqual({
      specification,
      errorConfig: { email: 'ops@example.com', manualRetry: true },
      completedConfig: { imageUrl: 'registry.example.com/archive-invoice:2.0.0', secretId: 'las:secret:5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d' },
      name: 'Invoice processing',
      description: 'Predict, review and export supplier invoices',
    });
    expect(created).toBeInstanceOf(Workflow);
    expect(created.id).toBe(id);
    expect(created.numberOfRunningExecutions).toBe(3);
    expect(created.createdTime).toBeInstanceOf(Date);
    expect(created.createdTime?.toISOString()).toBe('2021-10-01T08:00:00.000Z');
    expect(created.updatedTime?.toISOString()).toBe('2021-10-03T16:20:45.250Z');
  });

  test('create with the specification only sends just it', async () => {
    const sent: { body?: unknown } = {};
    api().post('/workflows', captureBody(sent)).reply(200, workflow);
    await las.workflows.create({ definition: specification.definition });
    expect(sent.body).toEqual({ specification: { definition: specification.definition } });
  });

  test('bad create input is a ValidationError before anything is sent', async () => {
    await expect(las.workflows.create({} as never)).rejects.toThrow(ValidationError);
    await expect(las.workflows.create({} as never)).rejects.toThrow(/specification\.definition: is required/);
    await expect(las.workflows.create(specification, { errorConfig: { email: 'not-an-email' } })).rejects.toThrow(
      /errorConfig\.email: must match/,
    );
    await expect(las.workflows.create(specification, { completedConfig: {} as never })).rejects.toThrow(
      /completedConfig\.imageUrl: is required/,
    );
  });

  test('update leaves undefined out and sends null as null', async () => {
    const sent: { body?: unknown } = {};
    api().patch(`/workflows/${encoded}`, captureBody(sent)).reply(200, workflow);
    await las.workflows.update(id, { name: undefined, description: null as unknown as string });
    expect(sent.body).toEqual({ description: null });
  });

  test('bad update input is a ValidationError before anything is sent', async () => {
    await expect(las.workflows.update(id, { errorConfig: { manualRetry: 'yes' as never } })).rejects.toThrow(ValidationError);
    await expect(las.workflows.ref(id).update({ specification } as never)).rejects.toThrow(/specification: is not a known property/);
  });

  test('a bad id rejects the returned promise rather than throwing, and sends nothing', async () => {
    const chained = las.workflows.get('las:transition:7c2e9a41b05d4f3e8a6b1c9d2e0f4a57').then((w) => w.execute({ documentId }));
    await expect(chained).rejects.toThrow(ValidationError);
    await expect(las.workflows.update('nope', { name: 'x' })).rejects.toThrow(/workflowId: must be a workflow id/);
    await expect(las.workflows.delete('nope')).rejects.toThrow(ValidationError);
  });

  test('ref rejects an id of another kind', () => {
    expect(() => las.workflows.ref('las:transition:7c2e9a41b05d4f3e8a6b1c9d2e0f4a57')).toThrow(ValidationError);
  });

  test('workflow.executions is a collection bound to the workflow', () => {
    const executions = las.workflows.ref(id).executions;
    expect(executions).toBeInstanceOf(WorkflowExecutions);
    expect(executions.workflowId).toBe(id);
  });

});
