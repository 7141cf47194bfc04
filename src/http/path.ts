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
