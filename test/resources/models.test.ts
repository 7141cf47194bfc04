import { api, captureBody, testLas, useApiMock } from '../helpers/api.js';
import { fixture } from '../helpers/fixtures.js';
import { Model } from '../../src/resources/models.js';
import { DataBundles } from '../../src/resources/data-bundles.js';
import { ValidationError } from '../../src/errors.js';

const model = fixture('model');
const id = model.modelId as string;
const encoded = encodeURIComponent(id);

const fieldConfig = {
  total_amount: { type: 'amount', maxLength: 10 },
  due_date: { type: 'date', maxLength: 10 },
} as const;
const preprocessConfig = { maxPages: 2, autoRotate: false, imageQuality: 'LOW' } as const;

describe('models', () => {
  useApiMock();
  const las = testLas();

  test('create POSTs every option as the body and returns a Model', async () => {
    const sent: { body?: unknown } = {};
    api().post('/models', captureBody(sent)).matchHeader('content-type', 'application/json').reply(200, model);

    const created = await las.models.create({
      width: 1052,
      height: 1488,
      fieldConfig,
      preprocessConfig,
      name: 'Invoice reader',
      description: 'Reads totals and dates',
    });

    expect(sent.body).toEqual({
      width: 1052,
      height: 1488,
      fieldConfig: { total_amount: { type: 'amount', maxLength: 10 }, due_date: { type: 'date', maxLength: 10 } },
      preprocessConfig: { maxPages: 2, autoRotate: false, imageQuality: 'LOW' },
      name: 'Invoice reader',
      description: 'Reads totals and dates',
    });
    expect(created).toBeInstanceOf(Model);
    expect(created.id).toBe(id);
    expect(created.status).toBe('active');
    expect(created.fieldConfig.total_amount).toEqual({ type: 'amount', maxLength: 10 });
    expect(created.createdTime).toBeInstanceOf(Date);
    expect(created.createdTime?.toISOString()).toBe('2021-09-23T08:42:38.123Z');
    expect(created.updatedTime?.toISOString()).toBe('2021-10-02T12:30:05.000Z');
  });

  test('create with only the required options sends only those', async () => {
    const sent: { body?: unknown } = {};
    api().post('/models', captureBody(sent)).reply(200, model);
    await las.models.create({ width: 97, height: 1921, fieldConfig: { total: { type: 'number', maxLength: 8 } } });
    expect(sent.body).toEqual({ width: 97, height: 1921, fieldConfig: { total: { type: 'number', maxLength: 8 } } });
  });

  test('bad create input is a ValidationError naming the field, before anything is sent', async () => {
    await expect(las.models.create({ height: 100, fieldConfig } as never)).rejects.toThrow(ValidationError);
    await expect(las.models.create({ height: 100, fieldConfig } as never)).rejects.toThrow(/width: is required/);
    const badField = { total_amount: { type: 'text', maxLength: 10 } } as never;
    await expect(las.models.create({ width: 100, height: 100, fieldConfig: badField })).rejects.toThrow(
      /fieldConfig\.total_amount\.type: must be one of date, amount/,
    );
    const noLength = { total_amount: { type: 'amount' } } as never;
    await expect(las.models.create({ width: 100, height: 100, fieldConfig: noLength })).rejects.toThrow(
      /fieldConfig\.total_amount\.maxLength: is required/,
    );
    const badPreprocess = { maxPages: 1, autoRotate: true } as never;
    await expect(las.models.create({ width: 100, height: 100, fieldConfig, preprocessConfig: badPreprocess })).rejects.toThrow(
      /preprocessConfig\.imageQuality: is required/,
    );
  });

  test('get, update and delete with an id of another kind reject with a ValidationError before anything is sent', async () => {
    const other = 'las:dataset:0123456789abcdef0123456789abcdef';
    await expect(las.models.get(other)).rejects.toThrow(ValidationError);
    await expect(las.models.update(other, { name: 'x' })).rejects.toThrow(/modelId: must be a model id/);
    await expect(las.models.delete(other)).rejects.toThrow(/modelId: must be a model id/);
  });

  const allUpdates = {
    width: 800,
    height: 1100,
    fieldConfig: { total_amount: { type: 'amount', maxLength: 12 } },
    preprocessConfig: { maxPages: 1, autoRotate: true, imageQuality: 'HIGH' },
    status: 'inactive',
    name: 'Invoice reader v2',
    description: 'Retired',
  } as const;

  test.each([
    ['collection', () => las.models.update(id, allUpdates)],
    ['instance', () => las.models.ref(id).update(allUpdates)],
  ])('update (%s) PATCHes every given option and returns the Model', async (_form, update) => {
    const sent: { body?: unknown } = {};
    const answer = { ...model, status: 'inactive', name: 'Invoice reader v2', updatedTime: '2021-10-03T09:00:00Z' };
    api().patch(`/models/${encoded}`, captureBody(sent)).reply(200, answer);

    const updated = await update();

    expect(sent.body).toEqual({
      width: 800,
      height: 1100,
      fieldConfig: { total_amount: { type: 'amount', maxLength: 12 } },
      preprocessConfig: { maxPages: 1, autoRotate: true, imageQuality: 'HIGH' },
      status: 'inactive',
      name: 'Invoice reader v2',
      description: 'Retired',
    });
    expect(updated).toBeInstanceOf(Model);
    expect(updated.status).toBe('inactive');
    expect(updated.updatedTime?.toISOString()).toBe('2021-10-03T09:00:00.000Z');
  });

  test('update sends only the given fields, null as null', async () => {
    const sent: { body?: unknown } = {};
    api().patch(`/models/${encoded}`, captureBody(sent)).reply(200, model);
    await las.models.update(id, { status: 'training', name: undefined, description: null as unknown as string });
    expect(sent.body).toEqual({ status: 'training', description: null });
  });

  test('bad update input is a ValidationError before anything is sent', async () => {
    await expect(las.models.update(id, { status: 'paused' as never })).rejects.toThrow(ValidationError);
    await expect(las.models.ref(id).update({ status: 'paused' as never })).rejects.toThrow(/status: must be one of active, training, inactive/);
    const badField = { due_date: { type: 'date', maxLength: '10' } } as never;
    await expect(las.models.update(id, { fieldConfig: badField })).rejects.toThrow(/fieldConfig\.due_date\.maxLength: must be a number/);
    await expect(las.models.update(id, { bogus: 1 } as never)).rejects.toThrow(/bogus: is not a known property/);
  });

  test('dataBundles is a collection bound to the model, kept out of the data', async () => {
    api().get(`/models/${encoded}`).reply(200, model);
    const got = await las.models.get(id);

    expect(got.dataBundles).toBeInstanceOf(DataBundles);
    expect(got.dataBundles.modelId).toBe(id);
    expect(las.models.ref(id).dataBundles.modelId).toBe(id);
    expect(Object.keys(got)).not.toContain('dataBundles');
  });
});
