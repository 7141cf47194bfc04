import { api, captureBody, testLas, useApiMock } from '../helpers/api.js';
import { fixture } from '../helpers/fixtures.js';
import { Transition } from '../../src/resources/transitions.js';
import { TransitionExecution } from '../../src/resources/transition-executions.js';
import { ValidationError } from '../../src/errors.js';

const transition = fixture<{ inputJsonSchema: Record<string, unknown>; outputJsonSchema: Record<string, unknown> }>('transition');
const execution = fixture('transition-execution');
const id = transition.transitionId as string;
const encoded = encodeURIComponent(id);

describe('transitions', () => {
  useApiMock();
  const las = testLas();

  test('create sends the type and maps inSchema/outSchema to the wire names', async () => {
    const sent: { body?: unknown } = {};
    api().post('/transitions', captureBody(sent)).matchHeader('content-type', 'application/json').reply(200, transition);

    const created = await las.transitions.create('docker', {
      inSchema: transition.inputJsonSchema,
      outSchema: transition.outputJsonSchema,
      parameters: { imageUrl: 'registry.example.com/erp-export:1.4.2', cpu: 256, memory: 1024 },
      timeoutInSeconds: 600,
      name: 'Export to ERP',
      description: 'Posts approved invoices to the ERP system',
    });

    expect(sent.body).toEqual({
      transitionType: 'docker',
      inputJsonSchema: transition.inputJsonSchema,
      outputJsonSchema: transition.outputJsonSchema,
      parameters: { imageUrl: 'registry.example.com/erp-export:1.4.2', cpu: 256, memory: 1024 },
      timeoutInSeconds: 600,
      name: 'Export to ERP',
      description: 'Posts approved invoices to the ERP system',
    });
    expect(created).toBeInstanceOf(Transition);
    expect(created.id).toBe(id);
    expect(created.timeoutInSeconds).toBe(600);
    expect(created.createdTime).toBeInstanceOf(Date);
    expect(created.createdTime?.toISOString()).toBe('2021-10-01T12:00:05.000Z');
    expect(created.updatedTime?.toISOString()).toBe('2021-10-02T13:14:15.500Z');
  });

  test('create with the type only sends just the type', async () => {
    const sent: { body?: unknown } = {};
    api().post('/transitions', captureBody(sent)).reply(200, { ...transition, transitionType: 'manual', parameters: {} });
    const created = await las.transitions.create('manual');
    expect(sent.body).toEqual({ transitionType: 'manual' });
    expect(created.transitionType).toBe('manual');
  });

  test('create of a manual transition sends its assets as parameters', async () => {
    const sent: { body?: unknown } = {};
    const parameters = { assets: { jsRemoteComponent: 'las:asset:00112233445566778899aabbccddeeff' } };
    api().post('/transitions', captureBody(sent)).reply(200, { ...transition, transitionType: 'manual', parameters });
    await las.transitions.create('manual', { parameters });
    expect(sent.body).toEqual({ transitionType: 'manual', parameters });
  });

  test('bad create input is a ValidationError before anything is sent', async () => {
    await expect(las.transitions.create('lambda' as never)).rejects.toThrow(ValidationError);
    await expect(las.transitions.create('lambda' as never)).rejects.toThrow(/transitionType: must be one of docker, manual/);
    await expect(las.transitions.create('docker', { parameters: { cpu: 256 } as never })).rejects.toThrow(
      /parameters\.imageUrl: is required/,
    );
    await expect(las.transitions.create('docker', { inSchema: 'not a schema' as never })).rejects.toThrow(
      /inSchema: must be an object/,
    );
  });

  test('list sends each transitionType as a repeated key, with maxResults and nextToken', async () => {
    api()
      .get('/transitions')
      .query({ transitionType: ['docker', 'manual'], maxResults: '5', nextToken: 'abc' })
      .reply(200, { transitions: [transition], nextToken: null });

    const page = await las.transitions.list({ transitionType: ['docker', 'manual'], maxResults: 5, nextToken: 'abc' });

    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toBeInstanceOf(Transition);
    expect(page.items[0].createdTime?.toISOString()).toBe('2021-10-01T12:00:05.000Z');
    expect(page.hasNextPage()).toBe(false);
  });

  test('list with one transitionType sends it once', async () => {
    api().get('/transitions').query({ transitionType: 'manual' }).reply(200, { transitions: [], nextToken: null });
    const page = await las.transitions.list({ transitionType: 'manual' });
    expect(page.items).toEqual([]);
  });

  test('for await walks every page', async () => {
    const second = { ...transition, transitionId: 'las:transition:commons-ocr' };
    api().get('/transitions').reply(200, { transitions: [transition], nextToken: 'page-2' });
    api().get('/transitions').query({ nextToken: 'page-2' }).reply(200, { transitions: [second], nextToken: null });

    const ids: string[] = [];
    for await (const t of las.transitions.list()) ids.push(t.id);

    expect(ids).toEqual([id, 'las:transition:commons-ocr']);
  });

  test('get accepts a commons transition id', async () => {
    const commons = 'las:transition:commons-ocr';
    api().get(`/transitions/${encodeURIComponent(commons)}`).reply(200, { ...transition, transitionId: commons });
    const got = await las.transitions.get(commons);
    expect(got.id).toBe(commons);
  });

  test.each([
    ['collection', (o: Parameters<typeof las.transitions.update>[1]) => las.transitions.update(id, o)],
    ['instance', (o: Parameters<typeof las.transitions.update>[1]) => las.transitions.ref(id).update(o)],
  ])('update (%s) PATCHes the given fields under their wire names', async (_form, update) => {
    const sent: { body?: unknown } = {};
    api().patch(`/transitions/${encoded}`, captureBody(sent)).reply(200, { ...transition, name: 'Renamed' });

    const updated = await update({
      name: 'Renamed',
      description: 'New description',
      inSchema: { type: 'object' },
      outSchema: { type: 'object', required: ['erpReference'] },
      assets: { jsRemoteComponent: 'las:asset:00112233445566778899aabbccddeeff' },
      environment: { ERP_URL: 'https://erp2.example.com' },
      environmentSecrets: ['las:secret:5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d'],
    });

    expect(sent.body).toEqual({
      name: 'Renamed',
      description: 'New description',
      inputJsonSchema: { type: 'object' },
      outputJsonSchema: { type: 'object', required: ['erpReference'] },
      assets: { jsRemoteComponent: 'las:asset:00112233445566778899aabbccddeeff' },
      environment: { ERP_URL: 'https://erp2.example.com' },
      environmentSecrets: ['las:secret:5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d'],
    });
    expect(updated).toBeInstanceOf(Transition);
    expect(updated.name).toBe('Renamed');
    expect(updated.createdTime?.toISOString()).toBe('2021-10-01T12:00:05.000Z');
  });

  test('update sends only what was given; null is sent as null', async () => {
    const sent: { body?: unknown } = {};
    api().patch(`/transitions/${encoded}`, captureBody(sent)).reply(200, transition);
    await las.transitions.update(id, { description: null as unknown as string, name: undefined });
    expect(sent.body).toEqual({ description: null });
  });

  test('bad update input is a ValidationError before anything is sent', async () => {
    await expect(las.transitions.update(id, { environmentSecrets: ['las:secret:nope'] })).rejects.toThrow(ValidationError);
    await expect(las.transitions.ref(id).update({ outSchema: [] as never })).rejects.toThrow(/outSchema: must be an object/);
    await expect(las.transitions.update(id, { imageUrl: 'x' } as never)).rejects.toThrow(/imageUrl: is not a known property/);
  });

  test('a bad id rejects the returned promise rather than throwing, and sends nothing', async () => {
    const got = las.transitions.get('las:workflow:1f8e4c2a9b7d4e0f8c3a5b6d7e9f0a12');
    await expect(got).rejects.toThrow(ValidationError);
    await expect(las.transitions.update('nope', { name: 'x' })).rejects.toThrow(/transitionId: must be a transition id/);
    await expect(las.transitions.delete('nope')).rejects.toThrow(ValidationError);
  });

  test('ref rejects an id of another kind', () => {
    expect(() => las.transitions.ref('las:workflow:1f8e4c2a9b7d4e0f8c3a5b6d7e9f0a12')).toThrow(ValidationError);
  });

  test.each([
    ['fetched', async () => {
      api().get(`/transitions/${encoded}`).reply(200, transition);
      return las.transitions.get(id);
    }],
    ['ref', async () => las.transitions.ref(id)],
  ])('execute (%s) POSTs an empty body and returns a TransitionExecution', async (_form, load) => {
    const t = await load();
    const sent: { body?: unknown } = {};
    api().post(`/transitions/${encoded}/executions`, captureBody(sent)).reply(200, execution);

    const run = await t.execute();

    expect(sent.body).toEqual({});
    expect(run).toBeInstanceOf(TransitionExecution);
    expect(run.id).toBe(execution.executionId);
    expect(run.transitionId).toBe(id);
    expect(run.status).toBe('running');
    expect(run.startTime).toBeInstanceOf(Date);
    expect(run.startTime?.toISOString()).toBe('2021-10-05T07:30:00.123Z');
  });

});
