import { ValidationError } from '../errors.js';

/**
 * Builds an API path, URL-encoding every interpolated id: path`/datasets/${id}`. An id that is not
 * a non-empty string, or that is `.` or `..`, is refused: the URL would name another resource
 * (`/models/../dataBundles/...` is `/dataBundles/...`).
 */
export function path(strings: TemplateStringsArray, ...ids: string[]): string {
  return strings.reduce((out, part, i) => out + part + (i < ids.length ? segment(ids[i]) : ''), '');
}

function segment(id: unknown): string {
  if (typeof id !== 'string' || id === '' || id === '.' || id === '..') {
    throw new ValidationError(`Not an id: ${typeof id === 'string' ? JSON.stringify(id) : typeof id}; nothing was sent`);
  }
  return encodeURIComponent(id);
}

/**
 * Fills a path template's `{field}`s with `values[field]`, each URL-encoded and refused as
 * {@link path} refuses: fillPath('/workflows/{workflowId}/executions', execution).
 */
export function fillPath(template: string, values: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{(\w+)\}/g, (_match, field: string) => segment(values[field]));
}

/**
 * A path or URL as messages and log lines show it: its ids decoded (`/documents/las:document:abc`,
 * where the request has `las%3Adocument%3Aabc`). What could change how the text reads stays
 * encoded: `/`, `?`, `#`, `%`, spaces and control characters (a line break in an id would forge a
 * log line). The query, if any, is left as it is.
 */
export function readablePath(pathOrUrl: string): string {
  const queryAt = pathOrUrl.search(/[?#]/);
  const [route, rest] = queryAt < 0 ? [pathOrUrl, ''] : [pathOrUrl.slice(0, queryAt), pathOrUrl.slice(queryAt)];
  return route.split('/').map(readableSegment).join('/') + rest;
}

function readableSegment(encoded: string): string {
  try {
    return decodeURIComponent(encoded).replace(/[\p{C}\p{Z}\s/?#%]/gu, (char) => encodeURIComponent(char));
  } catch {
    // Not valid percent-encoding (or a lone surrogate): shown as it was.
    return encoded;
  }
}
