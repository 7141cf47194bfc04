/**
 * `emu.requests` of a test emulator under API 2024-11-29 lists the file server's requests beside
 * the API's: a document above 256 KiB is created, then its bytes PUT to its fileUrl (bytes elided).
 */
import { IncompleteDocumentError, Las } from 'las-sdk';
import { ELIDED, testEmulator, type TestEmulator } from '../../src/index.js';
import { PDF } from '../helpers.js';

// A PDF above the 256 KiB the SDK sends inline: its bytes go to the file server.
const LARGE_PDF = Buffer.concat([PDF, Buffer.alloc(300 * 1024, 0x20)]);

describe('emu.requests and the file server (2024-11-29)', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await testEmulator({ apiVersion: '2024-11-29' });
  });
  afterEach(() => emu.reset());
  afterAll(() => emu.close());

  it('lists POST /documents, then the PUT of the file (bytes elided), then a GET of it', async () => {
    const document = await emu.las.documents.create(LARGE_PDF, { name: 'large.pdf' });
    const filePath = new URL(String(document.fileUrl)).pathname;
    expect(filePath).toMatch(/^\/files\/[0-9a-f]{32}$/);
    const token = await emu.credentials.getAccessToken();
    const got = await fetch(`${String(document.fileUrl)}?width=10`, { headers: { authorization: `Bearer ${token}` } });
    expect(got.status).toBe(200);
    expect(emu.requests).toEqual([
      { method: 'POST', path: '/documents', query: {}, status: 200, body: { name: 'large.pdf', contentType: 'application/pdf' } },
      { method: 'PUT', path: filePath, query: {}, status: 200, body: ELIDED },
      { method: 'GET', path: filePath, query: { width: '10' }, status: 200, body: undefined },
    ]);
    expect(JSON.stringify(emu.requests)).not.toContain(LARGE_PDF.toString('base64').slice(0, 40));
  });

  it('records a PUT that fail() answered, and a refused one; seeding is left out', async () => {
    await emu.seed({ datasets: [{ name: 'big', documents: [{ name: 'seeded.pdf', content: LARGE_PDF }] }] });
    expect(emu.requests).toEqual([]);
    emu.fail({ method: 'PUT', path: /^\/files\//, status: 503 });
    const las = new Las({ credentials: emu.credentials, apiVersion: emu.apiVersion, maxRetries: 0 });
    const error = await las.documents.create(LARGE_PDF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IncompleteDocumentError);
    const [post, put] = emu.requests;
    expect(post).toMatchObject({ method: 'POST', path: '/documents', status: 200 });
    expect(put).toEqual({ method: 'PUT', path: expect.stringMatching(/^\/files\//) as unknown, query: {}, status: 503, body: ELIDED });
    const unauthorized = await fetch(`${emu.url}${String(put?.path)}`, { method: 'PUT', body: 'x' });
    expect(unauthorized.status).toBe(401);
    expect(emu.requests.slice(-1)).toEqual([{ method: 'PUT', path: put?.path, query: {}, status: 401, body: ELIDED }]);
  });
});
