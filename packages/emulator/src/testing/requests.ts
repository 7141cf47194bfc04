import { API_BASE_PATH } from '../start.js';

/** One request an emulator received, as {@link TestEmulator.requests} lists it. */
export interface RecordedRequest {
  /** `GET`, `POST`, ... */
  method: string;
  /** The API path as the SDK's paths read, without `/v1`: `/documents/las:document:…`. */
  path: string;
  /** The query parameters; a repeated one holds its values in order. */
  query: Record<string, string | string[]>;
  /** The status answered. */
  status: number;
  /** The JSON body sent, with `content` (document and asset bytes) elided; undefined without one. */
  body: unknown;
}

/** What stands in a recorded body for content bytes. */
export const ELIDED = '[content elided]';

/** Records the API's requests (not the token endpoint's: it holds secrets, and no test asserts on it). */
export class RequestLog {
  readonly list: RecordedRequest[] = [];

  /** Records one answered request. */
  record(method: string, url: URL, body: Buffer, status: number): void {
    if (!url.pathname.startsWith(`${API_BASE_PATH}/`)) return;
    const query: Record<string, string | string[]> = {};
    for (const key of new Set(url.searchParams.keys())) {
      const values = url.searchParams.getAll(key);
      Object.defineProperty(query, key, { value: values.length === 1 ? values[0] : values, enumerable: true, writable: true, configurable: true });
    }
    this.list.push({ method, path: decodedPath(url.pathname.slice(API_BASE_PATH.length)), query, status, body: parsed(body) });
  }

  /** Forgets every request. */
  clear(): void {
    this.list.length = 0;
  }
}

/** The path with each segment decoded (`las%3Adocument%3A…` reads `las:document:…`), as the SDK's paths read before encoding. */
export function decodedPath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

function parsed(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    const value = JSON.parse(body.toString('utf8')) as unknown;
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, 'content')) {
      return { ...value, content: ELIDED };
    }
    return value;
  } catch {
    return body.toString('utf8');
  }
}
