import { api, captureBody, testLas, useApiMock } from '../helpers/api.js';
import { fixture } from '../helpers/fixtures.js';
import { Prediction } from '../../src/resources/predictions.js';
import { ValidationError } from '../../src/errors.js';

const prediction = fixture('prediction');
const documentId = prediction.documentId as string;
const modelId = prediction.modelId as string;

describe('predictions', () => {
  useApiMock();
  const las = testLas();

  test('create POSTs every option as the body and returns a Prediction', async () => {
    const sent: { body?: unknown } = {};
    api().post('/predictions', captureBody(sent)).matchHeader('content-type', 'application/json').reply(200, prediction);

    const created = await las.predictions.create({ documentId, modelId, maxPages: 2, autoRotate: true, imageQuality: 'HIGH' });

    expect(sent.body).toEqual({ documentId, modelId, maxPages: 2, autoRotate: true, imageQuality: 'HIGH' });
    expect(created).toBeInstanceOf(Prediction);
    expect(created.id).toBe(prediction.predictionId);
    expect(created.inferenceTime).toBe(2.84);
    // The API's prediction time is epoch seconds, an integer, not a timestamp string.
    expect(created.timestamp).toBe(1633418100);
    expect(created.predictions[0]).toEqual({ label: 'total_amount', value: '120.00', confidence: 0.97 });
    expect(created.predictions[2].value).toBeNull();
  });

  test('create with only the required ids sends only those', async () => {
    const sent: { body?: unknown } = {};
    api().post('/predictions', captureBody(sent)).reply(200, prediction);
    await las.predictions.create({ documentId, modelId });
    expect(sent.body).toEqual({ documentId, modelId });
  });

  test('bad create input is a ValidationError before anything is sent', async () => {
    await expect(las.predictions.create({ documentId, modelId, imageQuality: 'MEDIUM' as never })).rejects.toThrow(ValidationError);
    await expect(las.predictions.create({ documentId } as never)).rejects.toThrow(/modelId: is required/);
    await expect(las.predictions.create({ documentId: modelId, modelId })).rejects.toThrow(/documentId: must be a document id/);
    await expect(las.predictions.create({ documentId, modelId, maxPages: 1.5 })).rejects.toThrow(/maxPages: must be an integer/);
  });

});
