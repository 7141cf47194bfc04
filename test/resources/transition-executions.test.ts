import { api, captureBody, testLas, useApiMock } from '../helpers/api.js';
import { fixture } from '../helpers/fixtures.js';
import { TransitionExecution, TransitionExecutions } from '../../src/resources/transition-executions.js';
import { ValidationError } from '../../src/errors.js';

const transition = fixture('transition');
const execution = fixture('transition-execution');
const tid = execution.transitionId as string;
const eid = execution.executionId as string;
const base = `/transitions/${encodeURIComponent(tid)}/executions`;
const one = `${base}/${encodeURIComponent(eid)}`;
const succeeded = {
  ...execution,
  status: 'succeeded',
  completedBy: 'las:app-client:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  endTime: '2021-10-05T07:31:10+0000',
  logId: 'las:log:4d5e6f708192a3b4c5d6e7f8091a2b3c',
};

describe('transition executions', () => {
  useApiMock();
  const las = testLas();
  const executions = () => las.transitions.ref(tid).executions;

  test('transition.executions is bound to the transition and stays out of its JSON', async () => {
    api().get(`/transitions/${encodeURIComponent(tid)}`).reply(200, transition);
    const t = await las.transitions.get(tid);
    expect(t.executions).toBeInstanceOf(TransitionExecutions);
    expect(t.executions.transitionId).toBe(tid);
    expect(JSON.parse(JSON.stringify(t))).toEqual(transition);
  });

  test('list sends every filter, status and executionId as repeated keys', async () => {
    const other = 'las:transition-execution:00000000000000000000000000000001';
    api()
      .get(base)
      .query({
        status: ['running', 'failed'],
        executionId: [eid, other],
        sortBy: 'startTime',
        order: 'descending',
        maxResults: '10',
        nextToken: 'n1',
      })
      .reply(200, { transitionId: tid, executions: [execution], nextToken: null });

    const page = await executions().list({
      status: ['running', 'failed'],
      executionId: [eid, other],
      sortBy: 'startTime',
      order: 'descending',
      maxResults: 10,
      nextToken: 'n1',
    });

    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toBeInstanceOf(TransitionExecution);
    expect(page.items[0].transitionId).toBe(tid);
    expect(page.items[0].startTime?.toISOString()).toBe('2021-10-05T07:30:00.123Z');
    expect(page.hasNextPage()).toBe(false);
  });

  test('list with a single status sends it once', async () => {
    api().get(base).query({ status: 'retry' }).reply(200, { transitionId: tid, executions: [], nextToken: null });
    const page = await executions().list({ status: 'retry' });
    expect(page.items).toEqual([]);
  });

  test('get GETs the execution under its transition, both ids URL-encoded', async () => {
    api().get(one).reply(200, execution);
    const got = await executions().get(eid);
    expect(got).toBeInstanceOf(TransitionExecution);
    expect(got.id).toBe(eid);
    expect(got.input).toEqual({ documentId: 'las:document:0123456789abcdef0123456789abcdef' });
    expect(got.startTime?.toISOString()).toBe('2021-10-05T07:30:00.123Z');
    expect(got.endTime).toBeNull();
  });

  test('works under a commons transition', async () => {
    const commons = 'las:transition:commons-ocr';
    api()
      .get(`/transitions/${encodeURIComponent(commons)}/executions/${encodeURIComponent(eid)}`)
      .reply(200, { ...execution, transitionId: commons });
    const got = await las.transitions.ref(commons).executions.get(eid);
    expect(got.transitionId).toBe(commons);
  });

  test('a bad execution id rejects the returned promise rather than throwing', async () => {
    const got = executions().get('las:transition:7c2e9a41b05d4f3e8a6b1c9d2e0f4a57');
    await expect(got).rejects.toThrow(/executionId: must be a transition-execution id/);
  });

  test('ref rejects an id of another kind', () => {
    expect(() => executions().ref('las:workflow-execution:9a0b1c2d3e4f40516273849a5b6c7d8e')).toThrow(ValidationError);
  });

  test('update PATCHes status, output, error and startTime; a Date is sent as its ISO string', async () => {
    const sent: { body?: unknown } = {};
    api().patch(one, captureBody(sent)).matchHeader('content-type', 'application/json').reply(200, { ...succeeded, status: 'rejected' });

    const updated = await executions()
      .ref(eid)
      .update('rejected', {
        output: { reason: 'blurred' },
        error: { message: 'unreadable' },
        startTime: new Date('2021-10-05T07:30:00.123Z'),
      });

    expect(sent.body).toEqual({
      status: 'rejected',
      output: { reason: 'blurred' },
      error: { message: 'unreadable' },
      startTime: '2021-10-05T07:30:00.123Z',
    });
    expect(updated).toBeInstanceOf(TransitionExecution);
    expect(updated.status).toBe('rejected');
    expect(updated.endTime?.toISOString()).toBe('2021-10-05T07:31:10.000Z');
  });

  test('update sends a startTime string as given', async () => {
    const sent: { body?: unknown } = {};
    api().patch(one, captureBody(sent)).reply(200, { ...succeeded, status: 'retry' });
    await executions().ref(eid).update('retry', { startTime: '2021-10-05 07:30:00+0000' });
    expect(sent.body).toEqual({ status: 'retry', startTime: '2021-10-05 07:30:00+0000' });
  });

  test('succeed sends status succeeded with the output and takes the answer as its data', async () => {
    const sent: { body?: unknown } = {};
    api().patch(one, captureBody(sent)).reply(200, succeeded);

    const handle = executions().ref(eid);
    const result = await handle.succeed({ erpReference: 'INV-2021-0042' });

    expect(sent.body).toEqual({ status: 'succeeded', output: { erpReference: 'INV-2021-0042' } });
    expect(result).toBe(handle);
    expect(result.status).toBe('succeeded');
    expect(result.completedBy).toBe('las:app-client:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    expect(result.endTime).toBeInstanceOf(Date);
  });

  test.each([
    ['a string', 'ERP unreachable'],
    ['an object', { message: 'ERP unreachable' }],
    ['an Error', new Error('ERP unreachable')],
  ])('fail with %s sends status failed and error { message }', async (_kind, error) => {
    const sent: { body?: unknown } = {};
    api().patch(one, captureBody(sent)).reply(200, { ...succeeded, status: 'failed' });

    const failed = await executions().ref(eid).fail(error);

    expect(sent.body).toEqual({ status: 'failed', error: { message: 'ERP unreachable' } });
    expect(failed).toBeInstanceOf(TransitionExecution);
    expect(failed.status).toBe('failed');
  });

  test('heartbeat on nested handles sends exactly one POST with an empty body and resolves to void', async () => {
    const sent: { body?: unknown } = {};
    api().post(`${one}/heartbeats`, captureBody(sent)).reply(204);

    const result = await las.transitions.ref(tid).executions.ref(eid).heartbeat();

    expect(result).toBeUndefined();
    expect(sent.body).toEqual({});
  });

  test('bad update input is a ValidationError before anything is sent', async () => {
    const handle = executions().ref(eid);
    await expect(handle.update('running' as never)).rejects.toThrow(ValidationError);
    await expect(handle.update('running' as never)).rejects.toThrow(/status: must be one of succeeded, failed, rejected, retry/);
    await expect(handle.update('failed', { startTime: 'yesterday' })).rejects.toThrow(/startTime: must be a date/);
    await expect(handle.update('failed', { error: { message: 'x', code: 3 } as never })).rejects.toThrow(/error\.code: is not a known property/);
    await expect(handle.succeed('done' as never)).rejects.toThrow(/output: must be an object/);
  });

});
