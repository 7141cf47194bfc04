/**
 * A 64 MiB document through the file server (API version 2024-11-29) against a real local server:
 * every byte arrives, after a PUT cut off part-way is sent again as a PUT, and the client (its own
 * process, so that its memory is its own) holds the file in memory about once.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FILE_SERVER_MAX_BYTES } from '../../src/api/document-files.js';
import { runNode } from '../helpers/process.js';

const DOCUMENT_ID = 'las:document:0123456789abcdef0123456789abcdef';
const TOKEN = 'large-file-token';

interface Put {
  authorization?: string;
  contentType?: string;
  contentLength?: string;
  received: number;
  sha256?: string;
}

const SCRIPT = `
  import { Las } from './src/index.ts';
  const las = new Las({
    apiVersion: '2024-11-29',
    apiEndpoint: process.env.LAS_TEST_API,
    tokenProvider: { getAccessToken: async () => process.env.LAS_TEST_TOKEN },
    maxRetries: 1,
    logLevel: 'off',
  });
  // Sampled while the upload runs, above what was in use before it: the process's lifetime peak
  // (maxRSS) is its start's when tsx compiles a cold cache. Allocations (ArrayBuffers and the JS
  // heap) are what a copy or a base64 of the file would add to; RSS is reported beside them.
  globalThis.gc();
  const usage = () => { const m = process.memoryUsage(); return { rss: m.rss, allocated: m.arrayBuffers + m.heapUsed }; };
  const before = usage();
  const peak = { ...before };
  const sample = () => { const now = usage(); peak.rss = Math.max(peak.rss, now.rss); peak.allocated = Math.max(peak.allocated, now.allocated); };
  const sampler = setInterval(sample, 1);
  try {
    const document = await las.documents.create(process.env.LAS_TEST_FILE, { datasetId: 'las:dataset:0123456789abcdef0123456789abcdef' });
    sample();
    clearInterval(sampler);
    console.log(JSON.stringify({ documentId: document.documentId, before, peak }));
  } catch (error) {
    console.log(JSON.stringify({ error: error.name, message: error.message }));
  }
`;

let dir: string;
let file: string;
let sha256: string;
let server: http.Server;
let url: string;
const sockets = new Set<Socket>();
const puts: Put[] = [];
const posts: unknown[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'las-large-'));
  file = join(dir, 'large.pdf');
  const bytes = Buffer.alloc(FILE_SERVER_MAX_BYTES);
  for (let i = 0; i < bytes.byteLength; i += 4) bytes.writeUInt32LE((Math.imul(i, 2654435761) ^ i) >>> 0, i);
  bytes.write('%PDF-1.4\n', 0, 'latin1');
  writeFileSync(file, bytes);
  sha256 = createHash('sha256').update(bytes).digest('hex');

  server = http.createServer((request, response) => {
    if (request.method === 'POST' && request.url === '/v1/documents') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        posts.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        response.setHeader('Content-Type', 'application/json');
        response.end(JSON.stringify({ documentId: DOCUMENT_ID, retentionInDays: 1825, fileUrl: `${url}/files/${encodeURIComponent(DOCUMENT_ID)}` }));
      });
      return;
    }
    if (request.method === 'PUT' && request.url === `/files/${encodeURIComponent(DOCUMENT_ID)}`) {
      // The body is hashed as it streams in, never kept.
      const put: Put = {
        authorization: request.headers.authorization,
        contentType: request.headers['content-type'],
        contentLength: request.headers['content-length'],
        received: 0,
      };
      puts.push(put);
      const hash = createHash('sha256');
      const first = puts.length === 1;
      request.on('data', (chunk: Buffer) => {
        put.received += chunk.byteLength;
        hash.update(chunk);
        // The first PUT is cut off part-way: the client must send it again, whole.
        if (first && put.received >= 8 * 1024 * 1024) request.socket.destroy();
      });
      request.on('end', () => {
        put.sha256 = hash.digest('hex');
        response.end();
      });
      return;
    }
    response.statusCode = 404;
    response.end('{"message":"not found"}');
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

test('64 MiB: POST without content, a PUT cut off part-way sent again whole, every byte there, the file held in memory about once', async () => {
  const out = await runNode(['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', SCRIPT], {
    PATH: process.env.PATH,
    LAS_TEST_API: `${url}/v1`,
    LAS_TEST_TOKEN: TOKEN,
    LAS_TEST_FILE: file,
  });
  type Usage = { rss: number; allocated: number };
  const result = JSON.parse(out.trim().split('\n').pop() as string) as { documentId?: string; before: Usage; peak: Usage; error?: string; message?: string };

  expect(result.error).toBeUndefined();
  expect(result.documentId).toBe(DOCUMENT_ID);
  expect(posts).toEqual([{ datasetId: 'las:dataset:0123456789abcdef0123456789abcdef', contentType: 'application/pdf' }]);
  expect(puts).toHaveLength(2);
  expect(puts[0].received).toBeLessThan(FILE_SERVER_MAX_BYTES);
  expect(puts[1]).toEqual({
    authorization: `Bearer ${TOKEN}`,
    contentType: undefined,
    contentLength: String(FILE_SERVER_MAX_BYTES),
    received: FILE_SERVER_MAX_BYTES,
    sha256,
  });
  // The file read into memory once (1x), sent as views of it, retry included; no base64 (1.33x
  // more) and no second copy (1x more), which would take it to 2x and above.
  const growth = (key: keyof Usage) => (result.peak[key] - result.before[key]) / FILE_SERVER_MAX_BYTES;
  process.stdout.write(
    `64 MiB upload: peak above the start ${growth('allocated').toFixed(2)}x the file allocated, ${growth('rss').toFixed(2)}x in RSS ` +
      `(RSS ${(result.before.rss / 2 ** 20).toFixed(0)} -> ${(result.peak.rss / 2 ** 20).toFixed(0)} MiB)\n`,
  );
  expect(growth('allocated')).toBeGreaterThan(0.95);
  expect(growth('allocated')).toBeLessThan(1.5);
}, 120_000);
