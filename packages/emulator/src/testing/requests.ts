import { FILES_PATH } from '../files/document-files.js';
import type { FileBody } from '../hooks.js';
import { API_BASE_PATH } from '../start.js';

/** One request an emulator received, as {@link TestEmulator.requests} lists it. */
export interface RecordedRequest {
  /** `GET`, `POST`, ... */
  method: string;
  /**
   * The API path as the SDK's paths read, without `/v1`: `/documents/las:document:…`; the file
   * server's (API 2024-11-29) as sent, `/files/<file id>`.
   */
  path: string;
  /** The query parameters; a repeated one holds its values in order. */
  query: Record<string, string | string[]>;
  /** The status answered. */
  status: number;
  /**
   * The JSON body sent, with `content` (document and asset bytes) elided; the bytes of a file
   * server's PUT are {@link ELIDED} too; undefined without a body.
   */
  body: unknown;
}

/** What stands in a recorded body for content bytes. */
export const ELIDED = '[content elided]';

/**
 * Records the API's requests and the file server's (not the token endpoint's: it holds secrets,
 * and no test asserts on it).
 */
export class RequestLog {
  readonly list: RecordedRequest[] = [];

  /** Records one answered request: an API one with its body, a file server's with {@link FileBody}. */
  record(method: string, url: URL, body: Buffer | FileBody, status: number): void {
    if (!Buffer.isBuffer(body)) {
      if (url.pathname.startsWith(FILES_PATH)) this.list.push({ method, path: url.pathname, query: queryOf(url), status, body: body.sentBytes ? ELIDED : undefined });
      return;
    }
    if (!url.pathname.startsWith(`${API_BASE_PATH}/`)) return;
    this.list.push({ method, path: decodedPath(url.pathname.slice(API_BASE_PATH.length)), query: queryOf(url), status, body: parsed(body) });
  }

  /** Forgets every request. */
  clear(): void {
    this.list.length = 0;
  }
}

function queryOf(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    Object.defineProperty(query, key, { value: values.length === 1 ? values[0] : values, enumerable: true, writable: true, configurable: true });
  }
  return query;
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
