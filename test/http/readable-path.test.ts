/**
 * Messages and log lines name the path with its ids as the caller typed them
 * (`/documents/las:document:…`), while the request itself stays URL-encoded.
 */
import { ConnectionError, NotFoundError, TimeoutError } from '../../src/errors.js';
import { readablePath } from '../../src/http/path.js';
import { Las } from '../../src/las.js';
import { API_KEY, serverCredentials, startServer, type TestServer } from '../helpers/server.js';
import { thrown } from '../helpers/thrown.js';

const ID = 'las:document:0123456789abcdef0123456789abcdef';
const SENT = `/v1/documents/${encodeURIComponent(ID)}`;

let server: TestServer;

beforeEach(async () => {
  server = await startServer();
});

afterEach(async () => {
  await server.close();
});

function client(): Las {
  return new Las({ credentials: serverCredentials(server, { apiKey: API_KEY }), maxRetries: 0 });
}

test('a NotFoundError names the document as typed; the request had it encoded', async () => {
  server.reply({ status: 404, body: { message: 'Not Found' } });
  const error = await thrown(client().documents.get(ID));
  expect(error).toBeInstanceOf(NotFoundError);
  expect(error.message).toBe(`GET ${server.url}/v1/documents/${ID} failed with 404: Not Found`);
  expect(server.requests.map((request) => request.url)).toEqual([SENT]);
});

test('a TimeoutError names the document as typed', async () => {
  server.reply({ delay: 30_000 });
  const error = await thrown(client().withOptions({ timeout: 100 }).documents.get(ID));
  expect(error).toBeInstanceOf(TimeoutError);
  expect(error.message).toBe(`GET /documents/${ID} timed out`);
});

test('a ConnectionError of a DELETE names the document as typed', async () => {
  server.reply('reset');
  const error = await thrown(client().documents.delete(ID));
  expect(error).toBeInstanceOf(ConnectionError);
  expect(error.message).toMatch(new RegExp(`^DELETE /documents/${ID} failed: `));
});

describe('readablePath', () => {
  test.each([
    ['/documents/las%3Adocument%3Aabc', '/documents/las:document:abc'],
    ['https://api.test/v1/datasets/las%3Adataset%3Aabc', 'https://api.test/v1/datasets/las:dataset:abc'],
    ['/datasets/%C3%A6%C3%B8', '/datasets/æø'],
    // Whatever would change how the line reads stays encoded.
    ['/datasets/a%2Fb%3Fc%23d%25e', '/datasets/a%2Fb%3Fc%23d%25e'],
    ['/datasets/a%0Aforged%20line%0D%09%E2%80%AE', '/datasets/a%0Aforged%20line%0D%09%E2%80%AE'],
    ['/datasets/%E2%80%8Bx%C2%A0y', '/datasets/%E2%80%8Bx%C2%A0y'],
    // Not valid percent-encoding, or not UTF-8: shown as it was.
    ['/datasets/100%zz', '/datasets/100%zz'],
    ['/datasets/%FF%FE', '/datasets/%FF%FE'],
    // The query is left alone.
    ['/documents?datasetId=las%3Adataset%3Aabc', '/documents?datasetId=las%3Adataset%3Aabc'],
  ])('%s is shown as %s', (sent, shown) => {
    expect(readablePath(sent)).toBe(shown);
  });
});
