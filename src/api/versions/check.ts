import { REMOVED_CALLS, REMOVED_FIELDS, type Change } from './changes.js';
import { SPEC_FACTS } from './spec-facts.generated.js';
import { API_VERSIONS, type ApiVersion } from './versions.js';

/** A request as the version check sees it: its method, its path (ids in it, encoded) and its JSON body's fields. */
export interface VersionedRequest {
  readonly method: string;
  /** `/models/las:model:abc`, as sent: each id one percent-encoded segment. */
  readonly path: string;
  /** The body's top-level fields, when it has a JSON object body. */
  readonly body?: Readonly<Record<string, unknown>>;
}

/** One operation of a version: its key, its path template's segments and its body's fields. */
interface Operation {
  readonly key: string;
  readonly method: string;
  readonly segments: readonly string[];
  readonly fields: Readonly<Record<string, readonly string[]>>;
}

const operationsByVersion = new Map<ApiVersion, readonly Operation[]>();

function operationsOf(version: ApiVersion): readonly Operation[] {
  let operations = operationsByVersion.get(version);
  if (!operations) {
    operations = Object.entries(SPEC_FACTS[version].operations).map(([key, fields]) => {
      const [method, path] = key.split(' ');
      return { key, method, segments: segmentsOf(path), fields };
    });
    operationsByVersion.set(version, operations);
  }
  return operations;
}

function segmentsOf(path: string): string[] {
  return path.replace(/^\/+/, '').split('/');
}

const PARAMETER = /^\{[^}]+\}$/;

/**
 * The operation of `version` a request hits: same method and number of segments, each literal
 * segment equal. When several fit (`/profiles/me` and `/profiles/{id}`), the most literal wins.
 */
function operationOf(version: ApiVersion, method: string, path: string): Operation | undefined {
  const segments = segmentsOf(path);
  let best: Operation | undefined;
  let bestLiterals = -1;
  for (const operation of operationsOf(version)) {
    if (operation.method !== method || operation.segments.length !== segments.length) continue;
    let literals = 0;
    const fits = operation.segments.every((template, i) => {
      if (PARAMETER.test(template)) return segments[i] !== '';
      literals++;
      return template === segments[i];
    });
    if (fits && literals > bestLiterals) [best, bestLiterals] = [operation, literals];
  }
  return best;
}

/**
 * What is wrong with sending `request` under `version`, or undefined: a call only the other
 * version has, a body field only the other version has, or an enum value only the other version
 * allows. Each message names the version that has it and, for what the service removed, when
 * and what replaced it. A call or field neither version knows is not this check's to refuse.
 */
export function versionProblem(version: ApiVersion, request: VersionedRequest): string | undefined {
  const method = request.method.toUpperCase();
  const other = API_VERSIONS.find((candidate) => candidate !== version) as ApiVersion;
  const operation = operationOf(version, method, request.path);
  if (!operation) {
    const theirs = operationOf(other, method, request.path);
    if (!theirs) return undefined;
    const change = REMOVED_CALLS[`/${theirs.segments[0]}`];
    return `${theirs.key} is a call of API version ${other}, not of ${version}${because(change)}`;
  }
  if (!request.body) return undefined;
  const theirs = operationOf(other, method, request.path);
  for (const [field, value] of Object.entries(request.body)) {
    if (value === undefined) continue;
    const allowed = Object.hasOwn(operation.fields, field) ? operation.fields[field] : undefined;
    const theirValues = theirs && Object.hasOwn(theirs.fields, field) ? theirs.fields[field] : undefined;
    if (allowed === undefined) {
      if (theirValues === undefined) continue;
      return `${operation.key}: ${field} is a field of API version ${other}, not of ${version}${because(REMOVED_FIELDS[operation.key]?.[field])}`;
    }
    if (allowed.length === 0 || theirValues === undefined) continue;
    const refused = valuesOf(value).find((item) => !allowed.includes(item) && theirValues.includes(item));
    if (refused !== undefined) return `${operation.key}: ${field} ${quote(refused)} is a value of API version ${other}, not of ${version}`;
  }
  return undefined;
}

function valuesOf(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
}

// Only a value one of the specs names is ever quoted: never a caller's own text.
function quote(value: string): string {
  return `'${value}'`;
}

function because(change: Change | undefined): string {
  if (!change) return '';
  return `: ${change.removed ? `the service removed it on ${change.removed}; ` : ''}instead, ${change.instead}`;
}
