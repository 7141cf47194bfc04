import type { Context } from './context.js';
import type { JsonObject } from './json.js';

/** The methods the API uses. */
export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** A request that passed routing and the bearer check. */
export interface ApiRequest {
  method: Method;
  /** Path parameters by name, URL-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body; `{}` when the request had none. */
  body: unknown;
  /** Id of the app client whose token made the request: the `createdBy` of what it creates. */
  principal: string;
}

/** Answers one operation: the JSON to send with 200, or undefined for 204. */
export type Handler = (ctx: Context, req: ApiRequest) => JsonObject | undefined;

/** One operation: method, path pattern with `{name}` parameters, and its handler. */
export interface Route {
  readonly method: Method;
  /** The spec's path, `/datasets/{datasetId}`. */
  readonly pattern: string;
  readonly handler: Handler;
  readonly regex: RegExp;
  readonly names: readonly string[];
}

/** Builds a {@link Route}. */
export function route(method: Method, pattern: string, handler: Handler): Route {
  const names: string[] = [];
  const source = pattern.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_match, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { method, pattern, handler, regex: new RegExp(`^${source}/?$`), names };
}

/** What routing found for a method and path. */
export type RouteMatch = { kind: 'found'; route: Route; params: Record<string, string> } | { kind: 'none' };

/**
 * Finds the route of `method` and `path` (path without query, still percent-encoded). A method
 * the path does not have is no route either, as API Gateway has it.
 */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const match = candidate.regex.exec(path);
    if (!match) continue;
    const params: Record<string, string> = {};
    candidate.names.forEach((name, i) => {
      params[name] = safeDecode(match[i + 1]);
    });
    return { kind: 'found', route: candidate, params };
  }
  return { kind: 'none' };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
