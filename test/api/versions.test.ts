/**
 * The API versions as data (src/api/versions): what each version has comes from its spec's facts,
 * and versionProblem() refuses what only the other version has, saying which has it and what replaced it.
 */
import { API_VERSIONS, isServiceEndpoint, takesApiKey, versionProblem } from '../../src/api/versions/index.js';
import { SPEC_FACTS } from '../../src/api/versions/spec-facts.generated.js';

const MODEL = encodeURIComponent('las:model:0123456789abcdef0123456789abcdef');
const PUBLIC_MODEL = encodeURIComponent('las:organization:cradl/las:model:invoice');

describe('the facts of each version, from its spec', () => {
  test('2021-09-23 has batches, 2024-11-29 has not; 2024-11-29 has the 25 operations 2021-09-23 lacks', () => {
    const of = (version: (typeof API_VERSIONS)[number]) => Object.keys(SPEC_FACTS[version].operations);
    expect(of('2021-09-23').filter((key) => !of('2024-11-29').includes(key))).toEqual([
      'DELETE /batches/{batchId}',
      'GET /batches',
      'PATCH /batches/{batchId}',
      'POST /batches',
    ]);
    expect(of('2024-11-29').filter((key) => !of('2021-09-23').includes(key))).toHaveLength(25);
  });

  test("the body fields that set an operation apart from the other version's, with all their enum values", () => {
    expect(SPEC_FACTS['2021-09-23'].operations['POST /models']).toEqual({ height: [], width: [] });
    expect(SPEC_FACTS['2024-11-29'].operations['POST /models']).toEqual({ metadata: [], postprocessConfig: [] });
    expect(SPEC_FACTS['2021-09-23'].operations['POST /documents']).toEqual({
      batchId: [],
      contentType: ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'],
    });
    expect(SPEC_FACTS['2024-11-29'].operations['POST /documents'].contentType).toEqual(['application/pdf', 'image/jpeg', 'image/png', 'image/tiff', 'image/webp']);
    // Fields both have alike are not listed; an operation of one version only lists none.
    expect(SPEC_FACTS['2024-11-29'].operations['POST /datasets/{datasetId}/transformations']).toEqual({});
  });

  test('only 2021-09-23 takes an api key; both name the service host', () => {
    expect(takesApiKey('2021-09-23')).toBe(true);
    expect(takesApiKey('2024-11-29')).toBe(false);
    expect(isServiceEndpoint('https://api.lucidtech.ai/v1')).toBe(true);
    expect(isServiceEndpoint('https://API.lucidtech.io/v1')).toBe(true);
    expect(isServiceEndpoint('http://127.0.0.1:4010')).toBe(false);
    expect(isServiceEndpoint('https://api.lucidtech.ai.evil.test/v1')).toBe(false);
    expect(isServiceEndpoint('not a url')).toBe(false);
  });
});

describe('versionProblem', () => {
  test('a call of the other version names it, with the date the service removed it and what replaced it', () => {
    expect(versionProblem('2024-11-29', { method: 'POST', path: '/batches', body: {} })).toBe(
      'POST /batches is a call of API version 2021-09-23, not of 2024-11-29: the service removed it on 2021-10-12; ' +
        'instead, group documents by dataset (las.datasets, and datasetId on documents)',
    );
    expect(versionProblem('2024-11-29', { method: 'DELETE', path: `/batches/${MODEL}` })).toMatch(/^DELETE \/batches\/\{batchId\} is a call of API version 2021-09-23/);
    expect(versionProblem('2021-09-23', { method: 'GET', path: '/plans' })).toBe('GET /plans is a call of API version 2024-11-29, not of 2021-09-23');
    expect(versionProblem('2021-09-23', { method: 'GET', path: `/models/${MODEL}/trainings/las:training:x` })).toBe(
      'GET /models/{modelId}/trainings/{trainingId} is a call of API version 2024-11-29, not of 2021-09-23',
    );
  });

  test('a call both versions have passes, ids encoded or not, a public model id with its slash encoded too', () => {
    expect(versionProblem('2024-11-29', { method: 'GET', path: `/models/${PUBLIC_MODEL}` })).toBeUndefined();
    expect(versionProblem('2024-11-29', { method: 'get', path: 'datasets' })).toBeUndefined();
    expect(versionProblem('2021-09-23', { method: 'GET', path: '/batches' })).toBeUndefined();
    expect(versionProblem('2024-11-29', { method: 'GET', path: '/profiles/me' })).toBeUndefined();
  });

  test('a call neither version has is not this check’s to refuse', () => {
    expect(versionProblem('2024-11-29', { method: 'GET', path: '/nothing/here' })).toBeUndefined();
    expect(versionProblem('2024-11-29', { method: 'PUT', path: '/datasets' })).toBeUndefined();
    // An empty id segment fits no template of either.
    expect(versionProblem('2024-11-29', { method: 'GET', path: '/batches//' })).toBeUndefined();
  });

  test('a body field of the other version names it, and what replaced it when the service removed it', () => {
    expect(versionProblem('2024-11-29', { method: 'POST', path: '/models', body: { width: 800, height: 1200, fieldConfig: {} } })).toBe(
      'POST /models: width is a field of API version 2021-09-23, not of 2024-11-29: the service removed it on 2023-03-23; ' +
        'instead, leave it out: the service sizes the pages itself',
    );
    expect(versionProblem('2024-11-29', { method: 'PATCH', path: `/models/${MODEL}`, body: { status: 'active' } })).toBe(
      'PATCH /models/{modelId}: status is a field of API version 2021-09-23, not of 2024-11-29: instead, trainingId: the training the model predicts with (null makes it inactive)',
    );
    expect(versionProblem('2021-09-23', { method: 'POST', path: '/datasets', body: { metadata: {} } })).toBe(
      'POST /datasets: metadata is a field of API version 2024-11-29, not of 2021-09-23',
    );
    expect(versionProblem('2024-11-29', { method: 'POST', path: '/documents', body: { batchId: 'las:batch:x', contentType: 'image/png' } })).toMatch(
      /^POST \/documents: batchId is a field of API version 2021-09-23, not of 2024-11-29: the service removed it on 2021-10-12/,
    );
  });

  test('an undefined field counts as not given; a field of both, or of neither, passes', () => {
    expect(versionProblem('2024-11-29', { method: 'POST', path: '/models', body: { width: undefined, fieldConfig: {} } })).toBeUndefined();
    expect(versionProblem('2024-11-29', { method: 'POST', path: '/models', body: { name: 'm', unknownToBoth: 1 } })).toBeUndefined();
  });

  test('an enum value only the other version allows names it; one neither allows is left to the schemas', () => {
    expect(versionProblem('2021-09-23', { method: 'POST', path: '/documents', body: { contentType: 'image/webp' } })).toBe(
      "POST /documents: contentType 'image/webp' is a value of API version 2024-11-29, not of 2021-09-23",
    );
    expect(versionProblem('2024-11-29', { method: 'POST', path: '/documents', body: { contentType: 'image/webp' } })).toBeUndefined();
    expect(versionProblem('2021-09-23', { method: 'POST', path: '/transitions', body: { transitionType: 'lambda' } })).toMatch(/'lambda' is a value of API version 2024-11-29/);
    expect(versionProblem('2021-09-23', { method: 'POST', path: '/documents', body: { contentType: 'text/x-secret-of-the-caller' } })).toBeUndefined();
  });

  test('keys such as __proto__, toString or constructor are fields like any other, not the table’s', () => {
    const body = JSON.parse('{"__proto__": 1, "toString": 2, "constructor": 3, "hasOwnProperty": 4}') as Record<string, unknown>;
    for (const version of API_VERSIONS) {
      expect(versionProblem(version, { method: 'POST', path: '/models', body })).toBeUndefined();
      expect(versionProblem(version, { method: 'GET', path: '/__proto__' })).toBeUndefined();
      expect(versionProblem(version, { method: 'GET', path: '/constructor/toString' })).toBeUndefined();
    }
  });
});
