/**
 * POST /datasets/{datasetId}/transformations under 2024-11-29: the spec's PostTransformations
 * requires nothing, so a transformation is created without operations (`{}` sent as is).
 */
import { api, captureBody, fixture, testLas, useApiMock } from '../helpers/index.js';
import { ID } from '../contract/operations-2024.js';

useApiMock();
const las = testLas({ apiVersion: '2024-11-29' });

test('dataset.transformations.create({}) POSTs exactly {} and returns the transformation', async () => {
  const sent: { body?: unknown } = {};
  const answer = fixture<{ transformationId: string }>('transformation');
  api().post(`/datasets/${encodeURIComponent(ID.dataset)}/transformations`, captureBody(sent)).matchHeader('content-type', 'application/json').reply(200, answer);
  const created = await las.datasets.ref(ID.dataset).transformations.create({});
  expect(sent.body).toEqual({});
  expect(created.transformationId).toBe(answer.transformationId);
});
