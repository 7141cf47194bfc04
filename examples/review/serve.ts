/**
 * The review screen (`npm run review`): a local emulator with a demo (a workflow whose one step is
 * a manual review, and two documents waiting in it), and a small web server for the page
 * (index.html, its script app.ts bundled for the browser, and config.json telling it where the
 * emulator is). Open the URL it prints, sign in as the reviewer, and confirm the fields.
 *
 * `npm run review -- --port 8080` picks the page's port (default: a free one).
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleForBrowser } from '../../scripts/browser-bundle.mjs';
import { Las, type WorkflowExecution } from '../../src/index.js';
import { startEmulator, type Emulator } from 'las-emulator';

/** Options of {@link startReviewServer}. */
export interface ReviewServerOptions {
  /** Port of the page, on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Seed the demo: a workflow and two documents waiting for review. Default true. */
  demo?: boolean;
}

/** A running review screen and its emulator. */
export interface ReviewServer {
  /** The page: `http://localhost:<port>/` (the API takes plain http callback URLs on localhost only). */
  url: string;
  /** The emulator the page signs in to and works against. */
  emulator: Emulator;
  /** A client of the emulator's own app client: to look at what the reviewer did. */
  las: Las;
  /** The manual transition the page takes its work from. */
  transitionId: string;
  /** The app client the page signs in with. */
  clientId: string;
  /** Email of the user to sign in as. */
  reviewer: string;
  /** The demo's workflow executions, in the order the page is given them (empty without the demo). */
  executions: WorkflowExecution[];
  /** Stops the page's server and the emulator. Never rejects. */
  close(): Promise<void>;
}

/** What the page reads from `/config.json`. */
export interface ReviewConfig {
  clientId: string;
  authEndpoint: string;
  apiEndpoint: string;
  transitionId: string;
}

const REVIEWER = 'reviewer@example.com';
const here = (file: string) => new URL(file, import.meta.url);

/** Starts the emulator, seeds it, bundles the page's script and serves the page; resolves once it listens. */
export async function startReviewServer(options: ReviewServerOptions = {}): Promise<ReviewServer> {
  const [html, script] = await Promise.all([readFile(here('./index.html')), bundle()]);
  const files = new Map<string, { type: string; body: Uint8Array | string }>([
    ['/', { type: 'text/html; charset=utf-8', body: html }],
    ['/app.js', { type: 'text/javascript; charset=utf-8', body: script }],
  ]);
  const server = http.createServer((req, res) => {
    const file = req.method === 'GET' ? files.get(new URL(req.url ?? '/', 'http://page').pathname) : undefined;
    res.writeHead(file ? 200 : 404, { 'content-type': file?.type ?? 'text/plain', 'cache-control': 'no-store' });
    res.end(file?.body ?? 'Not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const url = `http://localhost:${(server.address() as AddressInfo).port}/`;
  const closeServer = () => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections());

  let emulator: Emulator | undefined;
  try {
    emulator = await startEmulator();
    const las = new Las({ credentials: emulator.credentials });
    await las.users.create(REVIEWER, { name: 'Riley Reviewer' });
    const client = await las.appClients.create({ name: 'Review screen', generateSecret: false, callbackUrls: [url], logoutUrls: [url] });
    const transition = await las.transitions.create('manual', { name: 'Review', description: 'A person confirms the fields read from a document' });
    const executions = options.demo === false ? [] : await seedDemo(las, transition.transitionId);
    const config: ReviewConfig = { clientId: client.clientId, authEndpoint: emulator.url, apiEndpoint: emulator.apiEndpoint, transitionId: transition.transitionId };
    files.set('/config.json', { type: 'application/json', body: JSON.stringify(config) });
    const started = emulator;
    return {
      url,
      emulator,
      las,
      transitionId: transition.transitionId,
      clientId: client.clientId,
      reviewer: REVIEWER,
      executions,
      close: async () => {
        await Promise.all([closeServer(), started.close()]);
      },
    };
  } catch (error) {
    await Promise.all([closeServer(), emulator?.close()]);
    throw error;
  }
}

/** app.ts for the browser, with `las-sdk` the SDK's browser build from its sources. */
async function bundle(): Promise<Uint8Array> {
  return (await bundleForBrowser({ entry: fileURLToPath(here('./app.ts')), minify: false })).code;
}

/**
 * A model (its field config says what each field holds and which the reviewer must fill), a
 * workflow of one manual step, and one execution of it per document, waiting for the reviewer.
 */
async function seedDemo(las: Las, transitionId: string): Promise<WorkflowExecution[]> {
  // `required` is the review screen's own key: the API keeps keys of a field config it does not name.
  const fieldConfig = {
    supplier_name: { type: 'all', maxLength: 100, description: 'Who sent it', required: true },
    date: { type: 'date', maxLength: 10, description: 'Date of the receipt' },
    due_date: { type: 'date', maxLength: 10, description: 'When the invoice is due' },
    total_amount: { type: 'amount', maxLength: 20, description: 'Total to pay', required: true },
  } as const;
  const model = await las.models.create({ name: 'Receipts and invoices', width: 1052, height: 1492, fieldConfig });
  const workflow = await las.workflows.create(
    { language: 'ASL', version: '1.0.0', definition: { StartAt: 'Review', States: { Review: { Type: 'Task', Resource: transitionId, End: true } } } },
    { name: 'Review documents' },
  );
  // What a model might have read from each document, for the reviewer to confirm or correct.
  const documents = [
    {
      content: here('./receipt.png'),
      predictions: [
        { label: 'supplier_name', value: 'Corner Cafe', confidence: 0.91 },
        { label: 'date', value: '2021-10-02', confidence: 0.88 },
        { label: 'total_amount', value: '12.57', confidence: 0.42 },
      ],
    },
    {
      content: here('../invoice.pdf'),
      predictions: [
        { label: 'supplier_name', value: 'Nordic Supply AS', confidence: 0.95 },
        { label: 'due_date', value: '2021-10-31', confidence: 0.9 },
        { label: 'total_amount', value: '1234.50', confidence: 0.97 },
      ],
    },
  ];
  const executions: WorkflowExecution[] = [];
  // One after the other: the emulator hands pending work out oldest first, in this order.
  for (const { content, predictions } of documents) {
    const document = await las.documents.create(content);
    executions.push(await workflow.execute({ documentId: document.documentId, modelId: model.modelId, predictions }));
  }
  return executions;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '0' } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got ${values.port}`);
  const review = await startReviewServer({ port });
  console.log(`Review screen: ${review.url}\nSign in as ${review.reviewer}. The emulator is at ${review.emulator.url}. Ctrl-C stops both.`);
  const stop = () => void review.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
