import { matchOperation, type Operation } from '../helpers/spec.js';

/** One request the SDK sent, and what Prism answered. */
export interface Exchange {
  readonly method: string;
  /** The path as sent, still percent-encoded. */
  readonly pathname: string;
  readonly query: URLSearchParams;
  /** `METHOD /path/{param}` of the spec operation it hit; undefined when none fits. */
  readonly operation: string | undefined;
  readonly requestBody: string;
  /** 0 when no answer came (connection failure). */
  readonly status: number;
  /** Prism's `sl-violations` header: why it rejected the request. */
  readonly violations: string | undefined;
  readonly responseBody: string;
}

/**
 * Sits between the SDK and the network as the `fetch` of `new Las({ fetch })`: records which spec
 * operation each request hit, and keeps Prism's answer (and its violations) for the assertions.
 */
export class Recorder {
  readonly exchanges: Exchange[] = [];

  constructor(private readonly operations: readonly Operation[]) {}

  /** The fetch to hand to the SDK. */
  readonly fetch: typeof fetch = async (input, init) => {
    const request = isRequest(input) ? input : new Request(input, init);
    const url = new URL(request.url);
    const requestBody = request.body ? await request.clone().text() : '';
    const base = {
      method: request.method,
      pathname: url.pathname,
      query: url.searchParams,
      operation: matchOperation(this.operations, request.method, url.pathname)?.key,
      requestBody,
    };
    let response: Response;
    try {
      response = await globalThis.fetch(input, init);
    } catch (error) {
      this.exchanges.push({ ...base, status: 0, violations: undefined, responseBody: String(error) });
      throw error;
    }
    const responseBody = response.body ? await response.clone().text() : '';
    this.exchanges.push({ ...base, status: response.status, violations: response.headers.get('sl-violations') ?? undefined, responseBody });
    return response;
  };

  /** A bookmark: the exchanges after it are `since(mark)`. */
  mark(): number {
    return this.exchanges.length;
  }

  since(mark: number): Exchange[] {
    return this.exchanges.slice(mark);
  }

  /** The newest exchange. */
  last(): Exchange {
    const exchange = this.exchanges.at(-1);
    if (!exchange) throw new Error('no request has been sent yet');
    return exchange;
  }

  /** The newest exchange with this operation key. */
  lastOf(operation: string): Exchange {
    const exchange = this.exchanges.findLast((e) => e.operation === operation);
    if (!exchange) throw new Error(`no request hit ${operation}`);
    return exchange;
  }

  /** How many requests hit each operation. */
  hits(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const e of this.exchanges) if (e.operation) counts.set(e.operation, (counts.get(e.operation) ?? 0) + 1);
    return counts;
  }
}

/** The exchanges Prism did not answer with a 2xx, described for a failure message. */
export function describeRejections(exchanges: readonly Exchange[]): string {
  return exchanges
    .filter(isRejected)
    .map((e) => {
      const query = e.query.size ? `?${e.query}` : '';
      const lines = [`${e.method} ${e.pathname}${query} -> ${e.status || 'no answer'} (${e.operation ?? 'no operation of the spec has this path'})`];
      lines.push(`  sl-violations: ${e.violations ?? '(none)'}`);
      if (e.requestBody) lines.push(`  request body: ${truncate(e.requestBody)}`);
      if (!e.violations) lines.push(`  response body: ${truncate(e.responseBody)}`);
      return lines.join('\n');
    })
    .join('\n');
}

export function isRejected(exchange: Exchange): boolean {
  return exchange.status < 200 || exchange.status >= 300;
}

function truncate(text: string, max = 600): string {
  return text.length > max ? `${text.slice(0, max)}... (${text.length} chars)` : text;
}

function isRequest(input: unknown): input is Request {
  return typeof input === 'object' && input !== null && 'url' in input && 'method' in input && 'headers' in input;
}
