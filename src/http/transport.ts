/**
 * What ky sends through. ky calls its `fetch` with a `Request`; Node's global fetch then copies
 * that Request into one more and runs the WHATWG fetch machinery over streams. createNodeFetch()
 * hands the Request to undici's Dispatcher directly: one request, one Response, same contract.
 * A browser build gives ky the global fetch instead, behind the same {@link Transport} type.
 */
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { Dispatcher } from 'undici';
import { LasError } from '../errors.js';
import { notSent } from './not-sent.js';

/** A fetch as ky calls it: a `Request` (or a URL and init) in, a `Response` out. */
export interface Transport {
  (input: string | URL | Request, init?: RequestInit): Promise<Response>;
}

/** A {@link Transport} that owns its connections. */
export interface NodeFetch extends Transport {
  /** Closes every connection once the requests in flight are done; later calls reject. Idempotent. */
  close(): Promise<void>;
}

/** Options of {@link createNodeFetch}. Defaults are the global fetch's, so only speed changes. */
export interface NodeFetchOptions {
  /** Most sockets open at once to one origin; further requests wait for a free one. Default: no limit. */
  connections?: number;
  /** Milliseconds an idle socket stays open for the next request (less if the server says so). Default 4 000. */
  keepAliveTimeout?: number;
  /**
   * An HTTP(S) proxy URL (CONNECT for https, absolute-form for http; its user and password go as
   * `Proxy-Authorization`), or false for none. Default: `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY` of the environment.
   */
  proxy?: string | false;
}

/** A Dispatcher that can close, as undici's agents can. */
type Agent = Dispatcher & { close(): Promise<void> };

// The environment variables undici's EnvHttpProxyAgent reads (NO_PROXY only matters with one of them).
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

type Headers_ = Record<string, string | string[] | undefined>;

// Statuses whose Response must have a null body (the Response constructor throws otherwise).
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * A fetch for ky built on undici's Dispatcher, with its own keep-alive Agent. It sends the
 * Request's method, URL, headers and body, honours its signal (an abort cancels the request at
 * once and rejects with the signal's reason, as fetch does) and resolves with a real `Response`
 * (status, headers, `url`, a streamed body) as soon as the headers arrive. Network failures reject
 * with `TypeError('fetch failed')` carrying undici's error as `cause`, as Node's fetch does, so ky
 * sees them as network errors. Redirects are not followed: the API sends none.
 */
export function createNodeFetch(options: NodeFetchOptions = {}): NodeFetch {
  // undici is loaded at the first request, not at import: it is most of what importing the SDK
  // would cost otherwise (cold start measured 5.1x `import ky` with it eager, 2.4x without it).
  let agent: Promise<Agent | undefined> | undefined;
  const agentOnce = async (): Promise<Agent | undefined> => (agent ??= import('undici').then((undici) => usable(makeAgent(undici, options), options)));
  const send = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    // ky passes a Request and an empty init: anything else is made into a Request, as fetch does.
    const request = input instanceof Request && (!init || isEmpty(init)) ? input : new Request(input, init);
    const { signal } = request;
    if (signal.aborted) throw signal.reason;
    let body: Dispatcher.DispatchOptions['body'] = null;
    if (request.body) {
      // A body with a Content-Length set by hand (an upload) streams as it is, through a Readable
      // that undici destroys, cancelling the stream, if the request ends early. Any other body (ky's
      // JSON) is small and read whole, so undici sends it with its length rather than chunked.
      body = request.headers.has('content-length')
        ? Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>)
        : new Uint8Array(await request.arrayBuffer());
      if (signal.aborted) throw signal.reason;
    }
    let made: Agent | undefined;
    try {
      made = await agentOnce();
    } catch (error) {
      throw notSent(error);
    }
    // A runtime whose undici cannot dispatch (Bun's stand-in module has no Agent.dispatch) sends
    // through its own fetch: found by trying, not by the runtime's name.
    if (!made) return globalThis.fetch(request);
    // An abort while undici was loading (the first request) is not seen by dispatch's listener.
    if (signal.aborted) throw signal.reason;
    return dispatch(made, request, body);
  };
  let closing: Promise<void> | undefined;
  return Object.assign(send, { close: async () => (closing ??= agentOnce().then(async (made) => made?.close())) });
}

/** The agent `options` ask for: through their proxy, through the environment's, or direct. */
function makeAgent(undici: typeof import('undici'), options: NodeFetchOptions): Agent {
  const pool = {
    ...(options.connections !== undefined && { connections: options.connections }),
    ...(options.keepAliveTimeout !== undefined && { keepAliveTimeout: options.keepAliveTimeout }),
  };
  // proxyTunnel false: a plain http request goes to the proxy in absolute-form, as curl sends it;
  // https always goes through a CONNECT tunnel.
  if (typeof options.proxy === 'string') return new undici.ProxyAgent({ ...pool, uri: options.proxy, proxyTunnel: false });
  if (options.proxy === undefined && PROXY_VARIABLES.some((name) => process.env[name])) {
    return new undici.EnvHttpProxyAgent({ ...pool, proxyTunnel: false });
  }
  return new undici.Agent(pool);
}

/** `agent` if it can dispatch; undefined (use the platform's fetch) if not, unless a proxy was asked for, which that fetch cannot honour. */
function usable(agent: Agent, options: NodeFetchOptions): Agent | undefined {
  if (typeof agent.dispatch === 'function') return agent;
  if (typeof options.proxy === 'string') {
    throw new LasError("proxy: this runtime's undici module cannot send requests, and its own fetch takes no proxy from the SDK");
  }
  return undefined;
}

function isEmpty(init: RequestInit): boolean {
  for (const key in init) if (Object.hasOwn(init, key)) return false;
  return true;
}

async function dispatch(agent: Agent, request: Request, body: Dispatcher.DispatchOptions['body']): Promise<Response> {
  const { url, signal } = request;
  const slash = url.indexOf('/', url.indexOf('//') + 2);
  const hash = url.indexOf('#');
  const origin = slash < 0 ? url : url.slice(0, slash);
  const path = slash < 0 ? '/' : url.slice(slash, hash < 0 ? undefined : hash);
  return await new Promise<Response>((resolve, reject) => {
    let controller: Dispatcher.DispatchController | undefined;
    let stream: ReadableStreamDefaultController<Uint8Array> | undefined;
    // resolved: the Response is out, so a failure now errors its body; done: nothing more to do.
    let resolved = false;
    let done = false;
    const finish = () => {
      done = true;
      signal.removeEventListener('abort', onAbort);
    };
    const fail = (error: unknown) => {
      if (done) return;
      finish();
      if (resolved) stream?.error(error);
      else reject(error);
      controller?.abort(error as Error);
    };
    // As fetch: an abort rejects with the signal's reason; anything else is a network error.
    const failure = (error: unknown) => (signal.aborted ? signal.reason : new TypeError(resolved ? 'terminated' : 'fetch failed', { cause: error }));
    const onAbort = () => fail(signal.reason);
    signal.addEventListener('abort', onAbort);
    // Until undici starts writing the request (onRequestStart), no byte of it has left.
    let started = false;
    const unsent = (error: unknown) => (signal.aborted ? signal.reason : notSent(failure(error)));
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(requestController) {
        started = true;
        controller = requestController;
        if (signal.aborted) requestController.abort(signal.reason);
      },
      onResponseStart(started, status, headers, statusText) {
        if (status < 200) return;
        let responseBody: ReadableStream<Uint8Array> | null = null;
        if (request.method !== 'HEAD' && !NULL_BODY_STATUSES.has(status)) {
          responseBody = new ReadableStream<Uint8Array>(
            {
              start: (streamController) => {
                stream = streamController;
              },
              pull: () => started.resume(),
              cancel: (reason) => {
                finish();
                started.abort(reason);
              },
            },
            { highWaterMark: 16 },
          );
        }
        let response: Response;
        try {
          response = new NodeResponse(responseBody, { status, statusText, headers: toHeaders(headers as Headers_) }, url);
        } catch (error) {
          fail(new TypeError('fetch failed', { cause: error }));
          return;
        }
        resolved = true;
        resolve(response);
      },
      onResponseData(started, chunk) {
        if (!stream || done) return;
        stream.enqueue(chunk);
        if ((stream.desiredSize ?? 0) <= 0) started.pause();
      },
      onResponseEnd() {
        finish();
        if (!stream) return;
        const body = stream;
        // The body ends once undici has put the socket back in its pool (it waits a turn of the
        // event loop before reusing a socket): a caller's next request then reuses this socket
        // rather than opening another, and sequential calls keep to one connection.
        realQueueMicrotask(() => realSetImmediate(closeQuietly, body));
      },
      onResponseError(_controller, error) {
        fail(started ? failure(error) : unsent(error));
      },
    };
    try {
      // Headers as a plain object: undici's proxy wrapper spreads them, which loses a Headers instance's entries.
      const headers = Object.fromEntries(request.headers);
      agent.dispatch({ origin, path, method: request.method as Dispatcher.HttpMethod, headers, body }, handler);
    } catch (error) {
      fail(unsent(error));
    }
  });
}

// Taken at import: fake timers that a test installs later (jest fakes both) would hold every body open.
const realQueueMicrotask = globalThis.queueMicrotask;
const realSetImmediate = globalThis.setImmediate;

function closeQuietly(body: ReadableStreamDefaultController<Uint8Array>): void {
  try {
    body.close();
  } catch {
    // The reader cancelled it first.
  }
}

function toHeaders(raw: Headers_): Headers {
  const headers = new Headers();
  for (const name in raw) {
    const value = raw[name];
    if (typeof value === 'string') headers.append(name, value);
    else if (value) for (const item of value) headers.append(name, item);
  }
  return headers;
}

/** A Response that knows the URL it answers, as fetch's do (ky and the Session read `url`). */
class NodeResponse extends Response {
  readonly #url: string;

  constructor(body: ReadableStream<Uint8Array> | null, init: ResponseInit, url: string) {
    super(body, init);
    this.#url = url;
  }

  override get url(): string {
    return this.#url;
  }

  override clone(): Response {
    const copy = super.clone();
    return new NodeResponse(copy.body, { status: copy.status, statusText: copy.statusText, headers: copy.headers }, this.#url);
  }
}
