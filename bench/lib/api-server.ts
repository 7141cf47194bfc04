/**
 * The benchmark's stand-in for the LAS API: a minimal HTTP server on 127.0.0.1 answering the
 * API's shapes (see /work/shared/las-oas.json) from precomputed strings, so the server's own cost
 * is as small and as constant as possible for every client measured against it.
 *
 * Routes: POST /token, GET /workflows/{id}, GET /documents (100 pages of 100 by default, chained
 * by nextToken), POST /documents (the JSON body is parsed and checked, then a Document is
 * returned), and /__bench/stats + /__bench/reset for the runner's counters.
 *
 * Runs in its own process (bench/children/server.ts) so it never shares a core's event loop with
 * the client being measured.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server counts, read by the runner through GET /__bench/stats. */
export interface ServerStats {
  /** Token requests with the SDK's client id (raw baselines use RAW_CLIENT_ID). */
  tokenRequests: number;
  rawTokenRequests: number;
  apiRequests: number;
  uploadBytes: number;
  rejectedUploads: number;
}

export const TOKEN = 'bench-access-token';
export const CLIENT_ID = 'bench-client';
export const CLIENT_SECRET = 'bench-secret';
/** The raw-fetch baselines authenticate as another client, so the SDK's token requests count alone. */
export const RAW_CLIENT_ID = 'bench-raw-client';
export const WORKFLOW_ID = 'las:workflow:1f8e4c2a9b7d4e0f8c3a5b6d7e9f0a12';
export const PAGES = 100;
export const PAGE_SIZE = 100;

const hex = (n: number) => n.toString(16).padStart(32, '0');

function workflow(id: string): string {
  return JSON.stringify({
    workflowId: id,
    name: 'Invoice processing',
    description: 'Predict, review and export supplier invoices',
    errorConfig: { email: 'ops@example.com', manualRetry: true },
    completedConfig: {
      imageUrl: 'registry.example.com/archive-invoice:2.0.0',
      secretId: 'las:secret:5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d',
    },
    numberOfRunningExecutions: 3,
    createdBy: 'las:app-client:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    createdTime: '2021-10-01T08:00:00+0000',
    updatedBy: 'las:user:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
    updatedTime: '2021-10-03T16:20:45.250Z',
  });
}

function documentData(n: number, contentType = 'application/pdf') {
  return {
    documentId: `las:document:${hex(n)}`,
    contentType,
    consentId: 'las:consent:0123456789abcdef0123456789abcdef',
    datasetId: 'las:dataset:0123456789abcdef0123456789abcdef',
    groundTruth: [
      { label: 'total_amount', value: `${100 + (n % 900)}.00` },
      { label: 'paid', value: n % 2 === 0 },
    ],
    retentionInDays: 1825,
    createdBy: 'las:app-client:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    createdTime: '2021-09-23T08:42:38Z',
    updatedBy: 'las:app-client:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    updatedTime: '2021-09-23T08:42:38.5+00:00',
  };
}

// Every page of GET /documents, built once: page i answers nextToken `p<i>`.
const documentPages: Buffer[] = Array.from({ length: PAGES }, (_, page) =>
  Buffer.from(
    JSON.stringify({
      documents: Array.from({ length: PAGE_SIZE }, (_, i) => documentData(page * PAGE_SIZE + i + 1)),
      nextToken: page + 1 < PAGES ? `p${page + 1}` : null,
    }),
  ),
);
const tokenReply = Buffer.from(JSON.stringify({ access_token: TOKEN, expires_in: 3600, token_type: 'Bearer' }));
const workflowReplies = new Map<string, Buffer>();
const CONTENT_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png', 'image/tiff']);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const stats: ServerStats = { tokenRequests: 0, rawTokenRequests: 0, apiRequests: 0, uploadBytes: 0, rejectedUploads: 0 };

function send(res: http.ServerResponse, status: number, body: Buffer | string): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function fail(res: http.ServerResponse, status: number, message: string): void {
  send(res, status, JSON.stringify({ code: status, message }));
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const route = `${req.method} ${url.pathname}`;

  if (route === 'POST /token') {
    await readBody(req);
    const basic = (id: string) => `Basic ${Buffer.from(`${id}:${CLIENT_SECRET}`).toString('base64')}`;
    const client = [CLIENT_ID, RAW_CLIENT_ID].find((id) => req.headers.authorization === basic(id));
    if (!client || url.searchParams.get('grant_type') !== 'client_credentials') return fail(res, 401, 'Unauthorized');
    if (client === CLIENT_ID) stats.tokenRequests++;
    else stats.rawTokenRequests++;
    return send(res, 200, tokenReply);
  }
  if (route === 'GET /__bench/stats') return send(res, 200, JSON.stringify(stats));
  if (route === 'POST /__bench/reset') {
    await readBody(req);
    Object.assign(stats, { tokenRequests: 0, rawTokenRequests: 0, apiRequests: 0, uploadBytes: 0, rejectedUploads: 0 });
    return send(res, 200, JSON.stringify(stats));
  }

  if (req.headers.authorization !== `Bearer ${TOKEN}`) {
    await readBody(req);
    return fail(res, 401, 'Unauthorized');
  }
  stats.apiRequests++;

  if (req.method === 'GET' && url.pathname.startsWith('/workflows/')) {
    const id = decodeURIComponent(url.pathname.slice('/workflows/'.length));
    if (!/^las:workflow:[a-f0-9]{32}$/.test(id)) return fail(res, 404, 'Not Found');
    let reply = workflowReplies.get(id);
    if (!reply) workflowReplies.set(id, (reply = Buffer.from(workflow(id))));
    return send(res, 200, reply);
  }
  if (route === 'GET /documents') {
    const token = url.searchParams.get('nextToken');
    const page = token ? Number(token.slice(1)) : 0;
    if (!Number.isInteger(page) || page < 0 || page >= PAGES) return fail(res, 400, 'Bad nextToken');
    return send(res, 200, documentPages[page]);
  }
  if (route === 'POST /documents') {
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
      await readBody(req);
      return fail(res, 415, 'Unsupported Media Type');
    }
    const raw = await readBody(req);
    stats.uploadBytes += raw.byteLength;
    let body: { content?: unknown; contentType?: unknown };
    try {
      body = JSON.parse(raw.toString('latin1')) as typeof body;
    } catch {
      stats.rejectedUploads++;
      return fail(res, 400, 'Invalid JSON');
    }
    const { content, contentType } = body;
    // The real API caps content at 6,250,000 characters; this server takes any size so 20 MB can be timed.
    if (typeof content !== 'string' || content.length === 0 || content.length % 4 !== 0 || !BASE64.test(content)) {
      stats.rejectedUploads++;
      return fail(res, 400, 'content must be base64');
    }
    if (typeof contentType !== 'string' || !CONTENT_TYPES.has(contentType)) {
      stats.rejectedUploads++;
      return fail(res, 400, 'bad contentType');
    }
    return send(res, 200, JSON.stringify(documentData(stats.apiRequests, contentType)));
  }
  await readBody(req);
  return fail(res, 404, 'Not Found');
}

/** Starts the server on 127.0.0.1 at a free port. */
export async function startServer(): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) fail(res, 500, String(error));
      else res.destroy();
    });
  });
  // Clients differ in connection reuse (axios 0.24 opens one per request): keep idle sockets long enough.
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}` };
}
