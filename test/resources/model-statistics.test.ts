/**
 * `GET /models/{modelId}?statisticsLastNDays=N` (2024-11-29's spec; las-sdk-python 11.4.1's
 * `get_model(model_id, statistics_last_n_days=...)`, "integer between 1 and 30"):
 * `las.models.get(id, { statisticsLastNDays })` and `model.refresh({ statisticsLastNDays })`.
 */
import { Las } from '../../src/las.js';
import { ValidationError } from '../../src/errors.js';
import { api, fixture, testCredentials, thrown, useApiMock } from '../helpers/index.js';

useApiMock();

const MODEL_ID = 'las:model:invoice-reader';
const path = `/models/${encodeURIComponent(MODEL_ID)}`;
const model2024 = { ...fixture('model'), modelId: MODEL_ID };
const las = new Las({ credentials: testCredentials(), maxRetries: 0, apiVersion: '2024-11-29' });

describe('a model with its statistics (2024-11-29)', () => {
  test('models.get(id, { statisticsLastNDays }) sends exactly that query', async () => {
    api().get(path).query({ statisticsLastNDays: '7' }).reply(200, model2024);
    const model = await las.models.get(MODEL_ID, { statisticsLastNDays: 7 });
    expect(model.modelId).toBe(MODEL_ID);
  });

  test('model.refresh({ statisticsLastNDays }, requestOptions): the query, and the request options last', async () => {
    api().get(path).query({ statisticsLastNDays: '30' }).matchHeader('x-trace', 'abc').reply(200, model2024);
    const model = las.models.ref(MODEL_ID);
    expect((await model.refresh({ statisticsLastNDays: 30 }, { headers: { 'x-trace': 'abc' } })).modelId).toBe(MODEL_ID);
  });

  test('without it, no query: get(id), get(id, requestOptions) as before, get(id, undefined, requestOptions)', async () => {
    api().get(path).query({}).reply(200, model2024);
    api().get(path).query({}).matchHeader('x-trace', 'abc').times(2).reply(200, model2024);
    await las.models.get(MODEL_ID);
    await las.models.get(MODEL_ID, { headers: { 'x-trace': 'abc' } });
    await las.models.get(MODEL_ID, undefined, { headers: { 'x-trace': 'abc' } });
  });

  test.each([[0], [31], [-1], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY], ['7'], [null], [{ valueOf: (): number => 7 }]])(
    'statisticsLastNDays %p: a ValidationError, nothing sent',
    async (value) => {
      const error = await thrown(las.models.get(MODEL_ID, { statisticsLastNDays: value as number }));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.message).toMatch(/^model\.refresh: statisticsLastNDays: must be /);
      expect(error.message).toMatch(/nothing was sent/);
    },
  );

  test('request options among the query options are refused, not dropped', async () => {
    const error = await thrown(las.models.get(MODEL_ID, { statisticsLastNDays: 7, timeout: 5 } as { statisticsLastNDays: number }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/timeout/);
  });

  test('under 2021-09-23: refused naming the version that has it, nothing sent', async () => {
    const las2021 = new Las({ credentials: testCredentials(), maxRetries: 0 });
    const error = await thrown(las2021.models.get('las:model:' + 'a'.repeat(32), { statisticsLastNDays: 7 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe(
      'model.refresh: statisticsLastNDays is a field of API version 2024-11-29, not of 2021-09-23 (this client speaks API version 2021-09-23: see the apiVersion option of new Las); nothing was sent',
    );
  });
});
