/**
 * The clients each figure compares, all pointed at the bench server: las-sdk (loaded from the
 * build the runner made, LAS_BENCH_DIST), raw fetch, ky alone with the Session's options (over the
 * global fetch or over the build's undici transport), and the official @lucidtech/las-sdk-node.
 */
import { pathToFileURL } from 'node:url';
import official from '@lucidtech/las-sdk-node';
import ky, { type RetryOptions } from 'ky';
import type * as LasSdk from '../../src/index.js';
import { CLIENT_ID, CLIENT_SECRET, RAW_CLIENT_ID } from './api-server.js';

export type Sdk = typeof LasSdk;

/** The built las-sdk, exactly as a user imports it. */
export async function loadSdk(): Promise<Sdk> {
  const dist = process.env.LAS_BENCH_DIST;
  if (!dist) throw new Error('LAS_BENCH_DIST is not set: run the figures through bench/run.ts');
  return (await import(pathToFileURL(`${dist}/index.js`).href)) as Sdk;
}

/**
 * The bound on POST /documents content the SDK checks before sending (`createDocumentSchema`), in
 * the build's `las-sdk/api` module (older trees exported it from the root), for the upload
 * figures to lift.
 */
export async function documentContentBound(sdk: Sdk): Promise<{ maxLength?: number } | undefined> {
  type Shapes = { createDocumentSchema?: { properties?: { content?: { maxLength?: number } } } };
  const api = (await import(pathToFileURL(`${process.env.LAS_BENCH_DIST}/api/documents.js`).href).catch(() => sdk)) as Shapes;
  return (api.createDocumentSchema ?? (sdk as Shapes).createDocumentSchema)?.properties?.content;
}

/** A fresh client with fresh credentials: its first call fetches a token. */
export function newLas(sdk: Sdk, url: string): LasSdk.Las {
  const credentials = new sdk.Credentials({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, authEndpoint: url, apiEndpoint: url });
  return new sdk.Las({ credentials });
}

/** What a hand-written client does first: POST /token with client credentials (its own client id). */
export async function rawToken(url: string): Promise<string> {
  const basic = Buffer.from(`${RAW_CLIENT_ID}:${CLIENT_SECRET}`).toString('base64');
  const response = await fetch(`${url}/token?grant_type=client_credentials`, {
    method: 'POST',
    headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  if (!response.ok) throw new Error(`POST /token: ${response.status}`);
  return (JSON.parse(await response.text()) as { access_token: string }).access_token;
}

/** The baseline of every GET: fetch, check the status, JSON.parse the text. */
export async function rawGet<T>(url: string, token: string): Promise<T> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${text.slice(0, 200)}`);
  return JSON.parse(text) as T;
}

/** {@link rawGet} bounded in time as production code would be: an AbortController and a timer per call. */
export async function rawGetWithTimeout<T>(url: string, token: string, timeout: number): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  try {
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' }, signal: controller.signal });
    const text = await response.text();
    if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${text.slice(0, 200)}`);
    return JSON.parse(text) as T;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * ky alone, set up as the Session sets it up (the same prefix, timeouts, retry policy from the
 * build, default headers and fetch wrapper), reading a GET as the Session does: `.text()`, then
 * JSON.parse. What las-sdk costs over this is its own code; what this costs over fetch is ky's.
 */
export async function kyGetter(url: string, token: string, send?: typeof fetch): Promise<<T>(path: string) => Promise<T>> {
  const dist = process.env.LAS_BENCH_DIST;
  const { retryPolicy } = (await import(pathToFileURL(`${dist}/http/retry.js`).href)) as { retryPolicy: (settings: object) => RetryOptions };
  const http = ky.create({
    prefix: url,
    timeout: 60_000,
    totalTimeout: 300_000,
    retry: retryPolicy({}),
    headers: { Accept: 'application/json' },
    parseJson: (text) => JSON.parse(text) as unknown,
    fetch: send ?? (async (input, init) => globalThis.fetch(input, init)),
  });
  const authorization = `Bearer ${token}`;
  return async <T>(path: string) => JSON.parse(await http(path, { method: 'GET', headers: { Authorization: authorization } }).text()) as T;
}

/** createNodeFetch() of the build (src/http/transport.ts): the fetch on undici's Dispatcher. */
export async function nodeFetch(): Promise<typeof fetch> {
  const dist = process.env.LAS_BENCH_DIST;
  const file = `${dist}/http/transport.js`;
  const transport = (await import(pathToFileURL(file).href)) as { createNodeFetch: () => typeof fetch };
  return transport.createNodeFetch();
}

/**
 * The official SDK's Client, whose every API call runs its own code (axios 0.24, no keep-alive
 * agent). Its ClientCredentials always asks `https://<authEndpoint>/token`, which a plain-HTTP
 * local server cannot answer, so the subclass replaces getToken() alone with the same POST over
 * http; the token is fetched once and cached by the official Credentials as usual.
 */
export function newOfficialClient(url: string): InstanceType<typeof official.Client> {
  class LocalClientCredentials extends official.ClientCredentials {
    protected override getToken(): Promise<InstanceType<typeof official.Token>> {
      return rawToken(url).then((token) => new official.Token(token, Date.now() + 3_600_000));
    }
  }
  return new official.Client(new LocalClientCredentials(url, CLIENT_ID, CLIENT_SECRET, new URL(url).host));
}
