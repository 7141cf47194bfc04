import { api, captureBody, testLas, useApiMock } from '../helpers/api.js';
import { fixture } from '../helpers/fixtures.js';
import { WorkflowExecution } from '../../src/resources/workflow-executions.js';
import { ValidationError } from '../../src/errors.js';

const execution = fixture('workflow-execution');
const wid = execution.workflowId as string;
const eid = execution.executionId as string;
const base = `/workflows/${encodeURIComponent(wid)}/executions`;
const one = `${base}/${encodeURIComponent(eid)}`;
const nextTransitionId = 'las:transition:7c2e9a41b05d4f3e8a6b1c9d2e0f4a57';

describe('workflow executions', () => {
  useApiMock();
  const las = testLas();
  const executions = () => las.workflows.ref(wid).executions;

  test('list sends status as repeated keys, with sortBy, order, maxResults and nextToken', async () => {
    api()
      .get(base)
      .query({ status: ['succeeded', 'error'], sortBy: 'endTime', order: 'ascending', maxResults: '20', nextToken: 'n1' })
      .reply(200, { workflowId: wid, executions: [execution], nextToken: null });

    const page = await executions().list({
      status: ['succeeded', 'error'],
      sortBy: 'endTime',
      order: 'ascending',
      maxResults: 20,
      nextToken: 'n1',
    });

    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toBeInstanceOf(WorkflowExecution);
    expect(page.items[0].workflowId).toBe(wid);
    expect(page.items[0].endTime?.toISOString()).toBe('2021-10-05T07:35:12.000Z');
    expect(page.hasNextPage()).toBe(false);
  });

  test('list with a single status sends it once', async () => {
    api().get(base).query({ status: 'running' }).reply(200, { workflowId: wid, executions: [], nextToken: null });
    const page = await executions().list({ status: 'running' });
    expect(page.items).toEqual([]);
  });

  test('get GETs the execution under its workflow, both ids URL-encoded', async () => {
    api().get(one).reply(200, execution);
    const got = await executions().get(eid);
    expect(got).toBeInstanceOf(WorkflowExecution);
    expect(got.id).toBe(eid);
    expect(got.status).toBe('succeeded');
    expect(got.output).toEqual({ erpReference: 'INV-2021-0042' });
    expect(got.startTime).toBeInstanceOf(Date);
    expect(got.startTime?.toISOString()).toBe('2021-10-05T07:29:58.000Z');
    expect(got.endTime?.toISOString()).toBe('2021-10-05T07:35:12.000Z');
  });

  test('a bad execution id rejects the returned promise rather than throwing', async () => {
    const got = executions().get('nope');
    await expect(got).rejects.toThrow(/executionId: must be a workflow-execution id/);
    const deleted = executions().delete('las:workflow:1f8e4c2a9b7d4e0f8c3a5b6d7e9f0a12');
    await expect(deleted).rejects.toThrow(ValidationError);
  });

  test('ref rejects an id of another kind', () => {
    expect(() => executions().ref('las:transition-execution:e3d1f08a96b24c7d9f5a0b3c8e2d6f41')).toThrow(ValidationError);
  });

  test.each([
    ['a transition id', nextTransitionId],
    ['a commons transition id', 'las:transition:commons-manual-review'],
  ])('update PATCHes { nextTransitionId } with %s and takes the answer as its data', async (_kind, next) => {
    const sent: { body?: unknown } = {};
    api()
      .patch(one, captureBody(sent))
      .matchHeader('content-type', 'application/json')
      .reply(200, { ...execution, status: 'running' });

    const handle = executions().ref(eid);
    const updated = await handle.update({ nextTransitionId: next });

    expect(sent.body).toEqual({ nextTransitionId: next });
    expect(updated).toBe(handle);
    expect(updated).toBeInstanceOf(WorkflowExecution);
    expect(updated.status).toBe('running');
  });

  test('bad update input is a ValidationError before anything is sent', async () => {
    const handle = executions().ref(eid);
    await expect(handle.update({ nextTransitionId: 'las:workflow:1f8e4c2a9b7d4e0f8c3a5b6d7e9f0a12' })).rejects.toThrow(ValidationError);
    await expect(handle.update({} as never)).rejects.toThrow(/nextTransitionId: is required/);
  });

  test.each([
    ['collection', () => las.workflows.ref(wid).executions.delete(eid)],
    ['instance', () => las.workflows.ref(wid).executions.ref(eid).delete()],
  ])('delete (%s) sends exactly one DELETE and returns the deleted execution', async (_form, remove) => {
    api().delete(one).reply(200, execution);
    const deleted = await remove();
    expect(deleted).toBeInstanceOf(WorkflowExecution);
    expect(deleted.id).toBe(eid);
    expect(deleted.completedBy).toEqual(['las:user:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb']);
    expect(deleted.startTime?.toISOString()).toBe('2021-10-05T07:29:58.000Z');
  });

});
