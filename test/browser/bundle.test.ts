/**
 * The browser build, bundled from the sources as a page's bundler would (scripts/browser-bundle.mjs),
 * holds nothing of Node and works: run in a plain Node process (which has fetch, Blob and
 * TextEncoder, as a page does) against the emulator, and refusing what only Node can do with
 * errors that say what to do instead.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleForBrowser, type BrowserBundle } from '../../scripts/browser-bundle.mjs';
import { nodeOnlyPattern } from '../../scripts/node-only.mjs';
import { startEmulator, type Emulator } from 'las-emulator';
import { Las } from '../../src/index.js';
import { runNode } from '../helpers/process.js';

let dir: string;
let bundle: BrowserBundle;
let bundleUrl: string;
let emulator: Emulator;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'las-browser-bundle-'));
  const file = join(dir, 'las-sdk.browser.mjs');
  bundle = await bundleForBrowser({ contents: "export * from 'las-sdk';\n", minify: false });
  await writeFile(file, bundle.code);
  bundleUrl = pathToFileURL(file).href;
  emulator = await startEmulator();
}, 60_000);

afterAll(async () => {
  await emulator?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Runs `body` as an ES module in a new Node process with the bundle imported as `sdk`; its printed JSON. */
async function runInPage(body: string, env: Record<string, string> = {}): Promise<unknown> {
  const program = `import * as sdk from ${JSON.stringify(bundleUrl)};\n${body}`;
  const out = await runNode(['--input-type=module', '-e', program], { PATH: process.env.PATH, ...env });
  return JSON.parse(out);
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d];

describe('the browser bundle', () => {
  it('holds no node: module and none of the Node-only code', () => {
    expect(bundle.nodeImports).toEqual([]);
    const nodeOnly = new RegExp(`^${nodeOnlyPattern('src', 'ts')}|node_modules/undici/`);
    expect(bundle.inputs.filter((input) => nodeOnly.test(input))).toEqual([]);
    // The browser side of each platform module is what the bundle holds.
    for (const part of ['base64', 'download-documents', 'environment', 'files', 'token-cache', 'transport', 'upload-documents']) {
      expect(bundle.inputs).toContain(`src/platform/browser/${part}.ts`);
    }
  });

  it('works through the global fetch: creates, uploads a Blob and bytes, lists', async () => {
    const { clientId, clientSecret, authEndpoint, apiEndpoint } = emulator.credentials;
    const result = await runInPage(
      `
      const las = new sdk.Las({ credentials: new sdk.Credentials(${JSON.stringify({ clientId, clientSecret, authEndpoint, apiEndpoint })}) });
      const dataset = await las.datasets.create({ name: 'from a page' });
      const png = new Uint8Array(${JSON.stringify(PNG)});
      const fromBlob = await las.documents.create(new Blob([png], { type: 'image/png' }), { datasetId: dataset.datasetId });
      const fromBytes = await las.documents.create(png.buffer, { contentType: 'image/png', datasetId: dataset.datasetId });
      const listed = [];
      for await (const document of las.documents.list({ datasetId: dataset.datasetId })) listed.push(document.documentId);
      console.log(JSON.stringify({ datasetId: dataset.datasetId, created: [fromBlob.documentId, fromBytes.documentId], listed, type: fromBlob.contentType }));
      `,
    );
    const { datasetId, created, listed, type } = result as { datasetId: string; created: string[]; listed: string[]; type: string };
    expect(type).toBe('image/png');
    expect([...listed].sort()).toEqual([...created].sort());
    // The API holds the bytes the page sent.
    const las = new Las({ credentials: emulator.credentials });
    for (const id of created) {
      const document = await las.documents.get(id);
      expect(document.datasetId).toBe(datasetId);
      expect([...Buffer.from(document.content as string, 'base64')]).toEqual(PNG);
    }
  });

  it('refuses what needs Node before sending, saying what to pass instead', async () => {
    const result = await runInPage(
      `
      const failures = {};
      const attempt = async (name, run) => {
        try { await run(); failures[name] = 'no error'; }
        catch (error) { failures[name] = { name: error.name, message: error.message }; }
      };
      // Even with LAS_* set in the process: a page has no environment.
      await attempt('noCredentials', () => new sdk.Las());
      const las = new sdk.Las({ tokenProvider: { getAccessToken: async () => { throw new Error('no request expected'); } }, apiEndpoint: 'http://127.0.0.1:9/v1' });
      await attempt('path', () => las.documents.create('/etc/hosts'));
      await attempt('fileUrl', () => las.documents.create(new URL('file:///etc/hosts')));
      await attempt('folder', () => las.datasets.ref('las:dataset:${'0'.repeat(32)}').uploadDocuments('/tmp'));
      await attempt('download', () => las.datasets.ref('las:dataset:${'0'.repeat(32)}').downloadDocuments('/tmp'));
      await attempt('useCache', () => new sdk.Credentials({ clientId: 'c', clientSecret: 's', authEndpoint: 'a.example', apiEndpoint: 'https://b.example/v1', useCache: true }));
      console.log(JSON.stringify(failures));
      `,
      { LAS_CLIENT_ID: 'id', LAS_CLIENT_SECRET: 'secret', LAS_AUTH_ENDPOINT: 'auth.example', LAS_API_ENDPOINT: 'https://api.example/v1' },
    );
    expect(result).toEqual({
      noCredentials: { name: 'MissingCredentialsError', message: expect.stringContaining('there is no environment or credentials file to read (they need Node, Bun or Deno)') },
      path: { name: 'ContentError', message: 'file "/etc/hosts": file paths and file: URLs are read in Node, Bun and Deno only; in this runtime (a browser build: no Node APIs) pass the content as a File, Blob, ArrayBuffer or Uint8Array' },
      fileUrl: { name: 'ContentError', message: 'file URL "file:///etc/hosts": file paths and file: URLs are read in Node, Bun and Deno only; in this runtime (a browser build: no Node APIs) pass the content as a File, Blob, ArrayBuffer or Uint8Array' },
      folder: { name: 'ContentError', message: expect.stringContaining('in Node, Bun and Deno only; in this runtime (a browser build: no Node APIs) call las.documents.create(file, { datasetId }) for each File') },
      download: { name: 'ContentError', message: expect.stringContaining('in Node, Bun and Deno only; in this runtime (a browser build: no Node APIs) list las.documents.list({ datasetId })') },
      useCache: { name: 'ValidationError', message: 'new Credentials: useCache: the token cache is a file in the home folder, kept in Node, Bun and Deno only (not in a browser or workerd)' },
    });
  });

  it("takes the page's fetch at each call, and its network failures (Chrome's, Firefox's) are ConnectionErrors", async () => {
    const result = await runInPage(
      `
      const las = new sdk.Las({ tokenProvider: { getAccessToken: async () => 'token' }, apiEndpoint: 'https://api.example/v1', maxRetries: 0 });
      const seen = [];
      const failures = [];
      for (const message of ['Failed to fetch', 'NetworkError when attempting to fetch resource.']) {
        // Replaced after the client was made: the transport looks the global fetch up at each call.
        globalThis.fetch = async (request) => { seen.push(request.method + ' ' + request.url); throw new TypeError(message); };
        try { await las.datasets.list(); failures.push('no error'); }
        catch (error) { failures.push({ name: error.name, message: error.message }); }
      }
      console.log(JSON.stringify({ seen, failures }));
      `,
    );
    expect(result).toEqual({
      seen: ['GET https://api.example/v1/datasets', 'GET https://api.example/v1/datasets'],
      failures: [
        { name: 'ConnectionError', message: expect.stringMatching(/^GET \/datasets failed: .*Failed to fetch/) },
        { name: 'ConnectionError', message: expect.stringMatching(/^GET \/datasets failed: .*NetworkError when attempting to fetch resource\./) },
      ],
    });
  });
});
