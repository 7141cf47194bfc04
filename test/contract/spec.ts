import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The published spec, beside the checkout (`../shared/las-oas.json`). `LAS_CONTRACT_SPEC` points
 * the suite at another copy (or at a missing file, to see the skip rule work).
 */
export const SPEC_PATH = process.env.LAS_CONTRACT_SPEC || fileURLToPath(new URL('../../../shared/las-oas.json', import.meta.url));

/** What to do with the contract suite, decided once when its file loads. */
export type SuitePlan =
  | { readonly run: true }
  | { readonly run: false; readonly fail: false; readonly notice: string }
  | { readonly run: false; readonly fail: true; readonly reason: string };

/**
 * The skip rule: run when the spec exists; without it, skip with a one-line notice on a developer
 * machine, and fail in CI, where a missing spec means a broken checkout rather than a choice.
 */
export function planSuite(specPath: string, specExists: boolean, ci: string | undefined): SuitePlan {
  if (specExists) return { run: true };
  if (isCi(ci)) {
    return { run: false, fail: true, reason: `CI=${ci} and the OpenAPI spec ${specPath} is missing: the contract suite must run in CI` };
  }
  return {
    run: false,
    fail: false,
    notice: `las-sdk contract suite skipped: ${specPath} not found (it lives in ../shared beside the checkout; CI=true makes this an error)`,
  };
}

function isCi(value: string | undefined): boolean {
  return value !== undefined && ['true', '1'].includes(value.trim().toLowerCase());
}

/** One operation of the spec: `METHOD /path/{param}`. */
export interface Operation {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** The path template as the spec writes it. */
  readonly path: string;
  /** `METHOD /path/{param}`. */
  readonly key: string;
  readonly segments: readonly string[];
}

// OPTIONS entries in the spec are API Gateway's CORS preflight stubs, not operations a client calls.
const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'trace'];

/** Every operation of an OpenAPI document's `paths`. */
export function operationsOf(document: { paths?: Record<string, Record<string, unknown>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of Object.keys(item).filter((m) => METHODS.includes(m.toLowerCase()))) {
      const upper = method.toUpperCase();
      operations.push({ method: upper, path, key: `${upper} ${path}`, segments: split(path) });
    }
  }
  return operations.sort((a, b) => a.key.localeCompare(b.key));
}

/** The operations of the spec file. */
export function readOperations(specPath: string): Operation[] {
  return operationsOf(JSON.parse(readFileSync(specPath, 'utf8')) as Parameters<typeof operationsOf>[0]);
}

/**
 * The operation a request hit: same method, same number of segments, every literal segment equal
 * (after percent-decoding the request's). When several templates fit, the most literal wins.
 */
export function matchOperation(operations: readonly Operation[], method: string, pathname: string): Operation | undefined {
  const segments = split(pathname).map(safeDecode);
  let best: Operation | undefined;
  let bestLiterals = -1;
  for (const operation of operations) {
    if (operation.method !== method.toUpperCase() || operation.segments.length !== segments.length) continue;
    let literals = 0;
    const fits = operation.segments.every((template, i) => {
      if (/^\{[^}]+\}$/.test(template)) return segments[i] !== '';
      literals++;
      return template === segments[i];
    });
    if (fits && literals > bestLiterals) {
      best = operation;
      bestLiterals = literals;
    }
  }
  return best;
}

function split(path: string): string[] {
  return path.replace(/^\//, '').split('/');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
