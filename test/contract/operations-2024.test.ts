/**
 * Every operation of API version 2024-11-29 has a call in the SDK: the table of operations-2024.ts
 * names exactly the operations of the 2024 spec's facts, and each call, on a client speaking
 * 2024-11-29, sends that operation (method and path, ids percent-encoded). Every answer is an
 * empty page: what is checked here is what is sent; the Prism run checks its shape.
 */
import { readFileSync } from 'node:fs';
import { Las } from '../../src/las.js';
import { matchOperation, operationsOf, type PathItem } from '../helpers/spec.js';
import { OPERATIONS_2024 } from './operations-2024.js';

const facts = JSON.parse(readFileSync(new URL('../fixtures/las-oas-2024-11-29.facts.json', import.meta.url), 'utf8')) as { paths: Record<string, PathItem> };
const operations = operationsOf(facts);
const calls = Object.entries(OPERATIONS_2024);
const BASE = '/v1';

/**
 * A client of 2024-11-29 whose requests land in `sent` (method and path). Every answer is one
 * object: an empty page (`documents` for deleteMany's), read as an entity with no fields too.
 */
function recordingClient(sent: Array<[method: string, path: string]>): Las<'2024-11-29'> {
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    sent.push([request.method, new URL(request.url).pathname.slice(BASE.length)]);
    return Response.json({ nextToken: null, documents: [] });
  };
  return new Las({ apiVersion: '2024-11-29', apiEndpoint: `https://api.las.test${BASE}`, tokenProvider: { getAccessToken: async () => 'token' }, fetch, maxRetries: 0 });
}

describe('every operation of 2024-11-29 has its call', () => {
  test('the table names exactly the operations of the spec (89)', () => {
    expect(operations).toHaveLength(89);
    expect(Object.keys(OPERATIONS_2024).sort()).toEqual(operations.map((operation) => operation.key).sort());
  });

  test.each(calls)('%s', async (key, call) => {
    const sent: Array<[string, string]> = [];
    await call(recordingClient(sent));
    expect(sent.map(([method, path]) => matchOperation(operations, method, path)?.key)).toContain(key);
  });
});
