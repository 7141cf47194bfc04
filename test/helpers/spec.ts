/**
 * The OpenAPI spec of the API, as the suites that check the SDK and the emulator
 * against it read it: the contract suite (Prism), the schema conformance test and the emulator's
 * spec walk.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ObjectSchema } from '../../src/schema/index.js';
import { appClientSchema } from '../../src/api/app-clients.js';
import { assetSchema } from '../../src/api/assets.js';
import { batchSchema } from '../../src/api/batches.js';
import { dataBundleSchema } from '../../src/api/data-bundles.js';
import { datasetSchema } from '../../src/api/datasets.js';
import { documentSchema } from '../../src/api/documents.js';
import { logSchema } from '../../src/api/logs.js';
import { modelSchema } from '../../src/api/models.js';
import { organizationSchema } from '../../src/api/organizations.js';
import { predictionSchema } from '../../src/api/predictions.js';
import { secretSchema } from '../../src/api/secrets.js';
import { transitionExecutionSchema } from '../../src/api/transition-executions.js';
import { transitionSchema } from '../../src/api/transitions.js';
import { userSchema } from '../../src/api/users.js';
import { workflowExecutionSchema } from '../../src/api/workflow-executions.js';
import { workflowSchema } from '../../src/api/workflows.js';

/**
 * The facts-only copy of the published spec that the repository carries
 * (`test/fixtures/las-oas.facts.json`, made by `npm run spec:facts`). `LAS_CONTRACT_SPEC` points
 * the suites at another copy, the published document itself for one.
 */
export const SPEC_PATH = process.env.LAS_CONTRACT_SPEC || fileURLToPath(new URL('../fixtures/las-oas.facts.json', import.meta.url));

/** An OpenAPI 3.0 schema object, as far as this spec uses it. */
export interface SchemaObject {
  $ref?: string;
  type?: string;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  additionalProperties?: boolean | SchemaObject;
  items?: SchemaObject;
  anyOf?: (SchemaObject | null)[];
  oneOf?: (SchemaObject | null)[];
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  minProperties?: number;
  nullable?: boolean;
  [keyword: string]: unknown;
}

/** The JSON bodies of a request or an answer, by media type. */
type Content = Record<string, { schema?: SchemaObject }>;

/** An OpenAPI operation object, as far as this spec uses it. */
export interface OperationObject {
  requestBody?: { content?: Content };
  /** By status code. */
  responses?: Record<string, { content?: Content }>;
}

/** A path of the spec: its operations by lower-case method (and `options`, CORS preflight). */
export type PathItem = Record<string, OperationObject>;

/** The spec document, as far as the tests read it. */
export interface Spec {
  paths: Record<string, PathItem>;
  components: { schemas: Record<string, SchemaObject> };
}

/** The facts-only copy of the 2024-11-29 spec (`test/fixtures/las-oas-2024-11-29.facts.json`). */
export const SPEC_2024_PATH = fileURLToPath(new URL('../fixtures/las-oas-2024-11-29.facts.json', import.meta.url));

/** An API version whose spec the repository carries. */
export type SpecVersion = '2021-09-23' | '2024-11-29';

const loaded = new Map<SpecVersion, Spec>();

/** The spec of `version` ({@link SPEC_PATH} for the seed's, {@link SPEC_2024_PATH}), read on the first call. */
export function loadSpec(version: SpecVersion = '2021-09-23'): Spec {
  let spec = loaded.get(version);
  if (!spec) {
    spec = JSON.parse(readFileSync(version === '2024-11-29' ? SPEC_2024_PATH : SPEC_PATH, 'utf8')) as Spec;
    loaded.set(version, spec);
  }
  return spec;
}

/** The name of the component a `$ref` (`#/components/schemas/Name`) points at. */
export function componentName(ref: string): string {
  return ref.replace('#/components/schemas/', '');
}

/** The schema itself, the `$ref`s to the spec's components followed. */
export function resolveRef(schema: SchemaObject, version?: SpecVersion): SchemaObject {
  const { schemas } = loadSpec(version).components;
  let current = schema;
  while (current.$ref) current = schemas[componentName(current.$ref)];
  return current;
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
  /** What the spec says of it. */
  readonly operation: OperationObject;
}

// OPTIONS entries in the spec are API Gateway's CORS preflight stubs, not operations a client calls.
const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'trace'];

/** Every operation of an OpenAPI document's `paths`, ordered by key. */
export function operationsOf(document: { paths?: Record<string, PathItem> }): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of Object.keys(item).filter((m) => METHODS.includes(m.toLowerCase()))) {
      const upper = method.toUpperCase();
      operations.push({ method: upper, path, key: `${upper} ${path}`, segments: split(path), operation: item[method] });
    }
  }
  return operations.sort((a, b) => a.key.localeCompare(b.key));
}

/** The operations of the spec of `version` (the seed's by default). */
export function specOperations(version?: SpecVersion): Operation[] {
  return operationsOf(loadSpec(version));
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

/** Spec component of each single-entity answer → the SDK schema of that entity. */
export const entitySchemas: Readonly<Record<string, ObjectSchema>> = {
  AppClient: appClientSchema,
  Asset: assetSchema,
  Batch: batchSchema,
  DataBundle: dataBundleSchema,
  Dataset: datasetSchema,
  Document: documentSchema,
  Log: logSchema,
  Model: modelSchema,
  Organization: organizationSchema,
  Prediction: predictionSchema,
  Secret: secretSchema,
  Transition: transitionSchema,
  TransitionExecution: transitionExecutionSchema,
  User: userSchema,
  Workflow: workflowSchema,
  WorkflowExecution: workflowExecutionSchema,
};
