import { api, testLas, useApiMock } from '../helpers/api.js';
import { fixture } from '../helpers/fixtures.js';
import { Log } from '../../src/resources/logs.js';
import { ValidationError } from '../../src/errors.js';

const log = fixture<{
  workflowId: string;
  workflowExecutionId: string;
  transitionId: string;
  transitionExecutionId: string;
}>('log');
const id = log.logId as string;
const encoded = encodeURIComponent(id);

describe('logs', () => {
  useApiMock();
  const las = testLas();

  test('get GETs the log by its URL-encoded id and returns a Log', async () => {
    api().get(`/logs/${encoded}`).reply(200, log);

    const got = await las.logs.get(id);

    expect(got).toBeInstanceOf(Log);
    expect(got.id).toBe(id);
    expect(got.transitionId).toBe('las:transition:commons-postprocess');
    expect(got.events).toHaveLength(3);
    expect(got.events?.[1]).toEqual({ timestamp: 1633418101250, message: 'Predicted total_amount=120.00' });
    expect(got.startTime).toBeInstanceOf(Date);
    expect(got.startTime?.toISOString()).toBe('2021-10-05T07:15:00.000Z');
  });

  test('get with an id of another kind is a ValidationError before anything is sent', async () => {
    await expect(las.logs.get('las:workflow:1111aaaa2222bbbb3333cccc4444dddd')).rejects.toThrow(ValidationError);
    await expect(las.logs.get('')).rejects.toThrow(/logId: must be a log id/);
  });

  test('list GETs /logs with every filter, the order and paging options', async () => {
    api()
      .get('/logs')
      .query({
        workflowId: log.workflowId,
        workflowExecutionId: log.workflowExecutionId,
        transitionId: log.transitionId,
        transitionExecutionId: log.transitionExecutionId,
        order: 'descending',
        maxResults: '10',
        nextToken: 'abc',
      })
      .reply(200, { logs: [log], nextToken: null });

    const page = await las.logs.list({
      workflowId: log.workflowId,
      workflowExecutionId: log.workflowExecutionId,
      transitionId: log.transitionId,
      transitionExecutionId: log.transitionExecutionId,
      order: 'descending',
      maxResults: 10,
      nextToken: 'abc',
    });

    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toBeInstanceOf(Log);
    expect(page.items[0].startTime?.toISOString()).toBe('2021-10-05T07:15:00.000Z');
    expect(page.hasNextPage()).toBe(false);
  });

  test('list without options sends no query', async () => {
    api().get('/logs').query({}).reply(200, { logs: [], nextToken: null });
    const page = await las.logs.list();
    expect(page.items).toEqual([]);
  });

  test('for await walks every page', async () => {
    const second = { ...log, logId: 'las:log:ffffffffffffffffffffffffffffffff' };
    api().get('/logs').query({ workflowId: log.workflowId }).reply(200, { logs: [log], nextToken: 'page-2' });
    api().get('/logs').query({ workflowId: log.workflowId, nextToken: 'page-2' }).reply(200, { logs: [second], nextToken: null });

    const ids: string[] = [];
    for await (const l of las.logs.list({ workflowId: log.workflowId })) ids.push(l.id);

    expect(ids).toEqual([id, second.logId]);
  });

});
