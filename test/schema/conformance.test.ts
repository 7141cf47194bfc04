/**
 * The SDK's schemas against the spec (test/helpers/spec.ts): every request body an
 * operation takes and every entity an operation answers with is described by one SDK schema, and
 * the two agree property by property. A change on either side that is not listed in
 * `allowedDifferences` fails here, naming each difference.
 */
import { s, type Schema } from '../../src/schema/index.js';
import { createAppClientSchema, updateAppClientSchema } from '../../src/api/app-clients.js';
import { createAssetSchema, updateAssetSchema } from '../../src/api/assets.js';
import { createBatchSchema, updateBatchSchema } from '../../src/api/batches.js';
import { createDataBundleSchema, updateDataBundleSchema } from '../../src/api/data-bundles.js';
import { createDatasetSchema, updateDatasetSchema } from '../../src/api/datasets.js';
import { createDocumentSchema, updateDocumentSchema } from '../../src/api/documents.js';
import { createModelSchema, updateModelSchema } from '../../src/api/models.js';
import { updateOrganizationSchema } from '../../src/api/organizations.js';
import { createPredictionSchema } from '../../src/api/predictions.js';
import { createSecretSchema, updateSecretSchema } from '../../src/api/secrets.js';
import { updateTransitionExecutionSchema } from '../../src/api/transition-executions.js';
import { createTransitionSchema, updateTransitionSchema } from '../../src/api/transitions.js';
import { createUserSchema, updateUserSchema } from '../../src/api/users.js';
import { updateWorkflowExecutionSchema } from '../../src/api/workflow-executions.js';
import { createWorkflowSchema, executeWorkflowSchema, updateWorkflowSchema } from '../../src/api/workflows.js';
// The two bodies the SDK sends as `{}` without a schema of its own: the emulator's is the one in use.
import { emptyBodySchema } from '../../packages/emulator/src/schemas.js';
import { componentName, entitySchemas, loadSpec, resolveRef, specOperations, type SchemaObject } from '../helpers/spec.js';

const components = loadSpec().components.schemas;
const components2024 = loadSpec('2024-11-29').components.schemas;

/** The spec's pattern of every time it holds (createdTime, startTime, ...). */
const TIMESTAMP_PATTERN = '^[0-9]{4}-?[0-9]{2}-?[0-9]{2}( |T)?[0-9]{2}:?[0-9]{2}:?[0-9]{2}(.[0-9]{1,6})?(Z|[+][0-9]{2}(:|)[0-9]{2})$';

/** Spec component of each JSON request body → the SDK schema that checks it. */
const bodies: Record<string, Schema> = {
  PostAppClients: createAppClientSchema,
  PatchAppClientId: updateAppClientSchema,
  PostAssets: createAssetSchema,
  PatchAssetId: updateAssetSchema,
  PostBatches: createBatchSchema,
  PatchBatchId: updateBatchSchema,
  PostDataBundles: createDataBundleSchema,
  PatchDataBundleId: updateDataBundleSchema,
  PostDatasets: createDatasetSchema,
  PatchDatasetId: updateDatasetSchema,
  PostDocuments: createDocumentSchema,
  PatchDocumentId: updateDocumentSchema,
  PostModels: createModelSchema,
  PatchModelId: updateModelSchema,
  PatchOrganizationId: updateOrganizationSchema,
  PostPredictions: createPredictionSchema,
  PostSecrets: createSecretSchema,
  PatchSecretId: updateSecretSchema,
  PostTransitions: createTransitionSchema,
  PatchTransitionId: updateTransitionSchema,
  PostTransitionExecution: emptyBodySchema,
  PatchTransistionExecutionId: updateTransitionExecutionSchema,
  PostHeartbeats: emptyBodySchema,
  PostUsers: createUserSchema,
  PatchUserId: updateUserSchema,
  PostWorkflows: createWorkflowSchema,
  PatchWorkflowId: updateWorkflowSchema,
  PostWorkflowExecutions: executeWorkflowSchema,
  PatchWorkflowExecutionId: updateWorkflowExecutionSchema,
};

/** A difference the SDK keeps on purpose. `path` may hold `*` (any characters). */
interface AllowedDifference {
  path: string;
  spec: string;
  sdk: string;
  reason: string;
}

const allowedDifferences: AllowedDifference[] = [
  {
    path: '*',
    spec: `string matching ${TIMESTAMP_PATTERN}`,
    sdk: 'timestamp',
    reason: 'times are Dates (Timestamp) in the SDK; validate() takes a Date or the API text, and a Date is sent as ISO text',
  },
  {
    path: '*email',
    spec: 'pattern ^[A-Za-z0-9][-+._A-Za-z0-9]*@([-_.A-Za-z0-9]+\\.)+[A-Za-z]{2,}$',
    sdk: 'pattern ^[A-Za-z0-9][-+._A-Za-z0-9]*@[-_.A-Za-z0-9]+\\.[A-Za-z]{2,}$',
    reason: "the same addresses (a domain's characters include the dot), without the spec's exponential backtracking",
  },
  {
    path: '*email',
    spec: 'no maxLength',
    sdk: 'maxLength 320',
    reason: 'an address is at most 320 characters (RFC 3696): a megabyte-long one is refused before any pattern runs',
  },
  {
    path: 'PatchTransistionExecutionId.status',
    spec: 'optional',
    sdk: 'required',
    reason: 'an update without a status does nothing: the SDK always sends one and the emulator acts on it',
  },
  {
    path: '*Documents.contentType',
    spec: 'enum application/pdf|image/jpeg|image/png|image/tiff',
    sdk: 'enum application/pdf|image/jpeg|image/png|image/tiff|image/webp',
    reason: 'image/webp is a content type of API version 2024-11-29: the version check (src/api/versions) refuses it under 2021-09-23',
  },
  {
    path: 'Document.contentType',
    spec: 'enum application/pdf|image/jpeg|image/png|image/tiff',
    sdk: 'enum application/pdf|image/jpeg|image/png|image/tiff|image/webp',
    reason: 'answers of API version 2024-11-29 may hold image/webp documents',
  },
  {
    path: 'DataBundle.datasets[].metadata',
    spec: 'no such property',
    sdk: 'a property',
    reason: "a bundle's datasets are snapshots of the dataset, whose metadata API version 2024-11-29 adds (optional, as on Dataset)",
  },
  {
    path: 'Document.fileUrl',
    spec: 'pattern ^http://localhost.*|^https://.*',
    sdk: 'no pattern',
    reason: 'the file server URL of a 2024-11-29 answer is only read (document.bytes() fetches it), never sent: any URL the API gives is taken',
  },
  {
    path: 'Prediction.preprocessConfig.pages',
    spec: 'keyword maxItems',
    sdk: 'no comparison for it',
    reason: 'the SDK schemas have no maxItems: an answer of more than 100 pages is read as it is, not refused',
  },
  {
    path: 'DataBundle.status',
    spec: 'enum failed|processing|ready',
    sdk: 'enum failed|processing|ready|running|succeeded',
    reason: 'answers of API version 2024-11-29 name the states of a bundle running, succeeded or failed',
  },
];

/** One disagreement: `path` starts with the spec component's name. */
interface Difference {
  path: string;
  spec: string;
  sdk: string;
}

const show = (d: Difference) => `${d.path}: spec says ${d.spec}, sdk says ${d.sdk}`;

// Keywords that only document: nothing to compare.
const DOCUMENTING = ['title', 'description', 'example', 'default'];
const COMPARED = [
  '$ref', 'type', 'properties', 'required', 'additionalProperties', 'items', 'anyOf', 'oneOf', 'enum', 'pattern',
  'minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'minProperties', 'nullable',
];

/** Every difference between a spec schema and an SDK schema, found recursively. */
function differences(specSchema: SchemaObject, sdk: Schema, path: string): Difference[] {
  const out: Difference[] = [];
  compare(specSchema, sdk, path, out);
  return out;
}

function compare(raw: SchemaObject, sdk: Schema, path: string, out: Difference[]): void {
  const spec = resolveRef(raw);
  for (const keyword of Object.keys(spec)) {
    if (!COMPARED.includes(keyword) && !DOCUMENTING.includes(keyword)) out.push({ path, spec: `keyword ${keyword}`, sdk: 'no comparison for it' });
  }
  if (sdk.kind === 'optional') {
    out.push({ path, spec: 'a value', sdk: 'optional (only a property can be optional)' });
    return;
  }
  const specNullable = isNullable(spec);
  if (sdk.kind === 'any') {
    if (!isAnything(spec) || !specNullable) out.push({ path, spec: describeSpec(spec), sdk: 'any' });
    return;
  }
  const sdkNullable = sdk.kind === 'nullable';
  if (specNullable !== sdkNullable) {
    out.push({ path, spec: specNullable ? 'nullable' : 'not nullable', sdk: sdkNullable ? 'nullable' : 'not nullable' });
  }
  compareType(withoutNull(spec), sdk.kind === 'nullable' ? sdk.inner : sdk, path, out);
}

function compareType(spec: SchemaObject, sdk: Schema, path: string, out: Difference[]): void {
  const branches = spec.anyOf ?? spec.oneOf;
  if (branches && !spec.properties) {
    if (sdk.kind !== 'union') return void out.push({ path, spec: `anyOf of ${branches.length}`, sdk: kindOf(sdk) });
    if (sdk.options.length !== branches.length) {
      out.push({ path, spec: `anyOf of ${branches.length}`, sdk: `union of ${sdk.options.length}` });
    }
    branches.forEach((branch, i) => {
      if (branch && sdk.options[i]) compare(branch, sdk.options[i], `${path}|${i}`, out);
    });
    return;
  }
  if (sdk.kind === 'union') return void out.push({ path, spec: describeSpec(spec), sdk: `union of ${sdk.options.length}` });
  switch (spec.type) {
    case 'string':
      if (sdk.kind === 'timestamp') return void out.push({ path, spec: `string matching ${spec.pattern ?? 'anything'}`, sdk: 'timestamp' });
      if (sdk.kind !== 'string') return void out.push({ path, spec: 'string', sdk: kindOf(sdk) });
      same(path, 'enum', enumOf(spec.enum), enumOf(sdk.values), out);
      same(path, 'pattern', spec.pattern, sdk.pattern?.source.replace(/\\\//g, '/'), out);
      same(path, 'minLength', spec.minLength, sdk.minLength, out);
      same(path, 'maxLength', spec.maxLength, sdk.maxLength, out);
      return;
    case 'integer':
    case 'number':
      if (sdk.kind !== 'number') return void out.push({ path, spec: spec.type, sdk: kindOf(sdk) });
      same(path, 'type', spec.type, sdk.integer ? 'integer' : 'number', out);
      same(path, 'enum', enumOf(spec.enum), enumOf(sdk.values), out);
      same(path, 'minimum', spec.minimum, sdk.minimum, out);
      same(path, 'maximum', spec.maximum, sdk.maximum, out);
      return;
    case 'boolean':
      if (sdk.kind !== 'boolean') out.push({ path, spec: 'boolean', sdk: kindOf(sdk) });
      return;
    case 'array':
      if (sdk.kind !== 'array') return void out.push({ path, spec: 'array', sdk: kindOf(sdk) });
      same(path, 'minItems', spec.minItems, sdk.minItems, out);
      if (spec.items) compare(spec.items, sdk.items, `${path}[]`, out);
      else out.push({ path: `${path}[]`, spec: 'no items schema', sdk: kindOf(sdk.items) });
      return;
    case 'object':
      return compareObject(mergeBranchConstraints(spec, path, out), sdk, path, out);
    default:
      out.push({ path, spec: describeSpec(spec), sdk: kindOf(sdk) });
  }
}

function compareObject(spec: SchemaObject, sdk: Schema, path: string, out: Difference[]): void {
  const extra = spec.additionalProperties;
  if (!spec.properties && (extra === undefined || extra === true)) {
    // Free-form: a record of anything, or an object naming nothing that accepts everything.
    const freeForm =
      (sdk.kind === 'record' && !sdk.values) ||
      (sdk.kind === 'object' && Object.keys(sdk.properties).length === 0 && sdk.additional);
    if (!freeForm) out.push({ path, spec: 'any object', sdk: kindOf(sdk) });
    else same(path, 'minProperties', spec.minProperties, sdk.kind === 'object' ? sdk.minProperties : undefined, out);
    return;
  }
  if (typeof extra === 'object') {
    // A map: every value (the named ones only document well-known keys) fits `additionalProperties`.
    if (sdk.kind !== 'record' || !sdk.values) return void out.push({ path, spec: 'object of typed values', sdk: kindOf(sdk) });
    if (spec.required?.length) out.push({ path, spec: `required ${spec.required.join(', ')}`, sdk: 'a record (nothing required)' });
    compare(extra, sdk.values, `${path}{}`, out);
    for (const [key, property] of Object.entries(spec.properties ?? {})) compare(property, sdk.values, `${path}.${key}`, out);
    return;
  }
  if (sdk.kind !== 'object') return void out.push({ path, spec: 'object with properties', sdk: kindOf(sdk) });
  const specProperties = spec.properties ?? {};
  const required = new Set(spec.required ?? []);
  for (const [key, property] of Object.entries(specProperties)) {
    const sdkProperty = sdk.properties[key];
    if (!sdkProperty) {
      out.push({ path: `${path}.${key}`, spec: 'a property', sdk: 'no such property' });
      continue;
    }
    const sdkOptional = sdkProperty.kind === 'optional';
    if (required.has(key) === sdkOptional) {
      out.push({ path: `${path}.${key}`, spec: required.has(key) ? 'required' : 'optional', sdk: sdkOptional ? 'optional' : 'required' });
    }
    compare(property, sdkProperty.kind === 'optional' ? sdkProperty.inner : sdkProperty, `${path}.${key}`, out);
  }
  for (const key of Object.keys(sdk.properties)) {
    if (!(key in specProperties)) out.push({ path: `${path}.${key}`, spec: 'no such property', sdk: 'a property' });
  }
  for (const key of required) {
    if (!(key in specProperties)) out.push({ path: `${path}.${key}`, spec: 'required but not described', sdk: 'nothing to compare' });
  }
  same(path, 'additionalProperties', extra === false ? 'false' : 'true', String(sdk.additional), out);
  same(path, 'minProperties', spec.minProperties, sdk.minProperties, out);
}

/**
 * An object's anyOf of property constraints (PATCH of a transition execution: `status` is
 * `succeeded` in one branch, `failed`/`rejected`/`retry` in the other) folded into its properties.
 */
function mergeBranchConstraints(spec: SchemaObject, path: string, out: Difference[]): SchemaObject {
  const branches = spec.anyOf ?? spec.oneOf;
  if (!branches || !spec.properties) return spec;
  const { anyOf: _anyOf, oneOf: _oneOf, ...rest } = spec;
  const properties = { ...spec.properties };
  for (const branch of branches) {
    const keys = Object.keys(branch ?? {}).filter((k) => !['type', 'properties', ...DOCUMENTING].includes(k));
    if (!branch || branch.type !== 'object' || keys.length > 0) out.push({ path, spec: 'anyOf of other than property constraints', sdk: 'nothing to compare' });
  }
  const names = new Set(branches.flatMap((branch) => Object.keys(branch?.properties ?? {})));
  for (const name of names) {
    const enums = branches.map((branch) => branch?.properties?.[name]?.enum);
    if (enums.every((values) => values !== undefined)) properties[name] = { ...properties[name], enum: enums.flat() };
    else out.push({ path: `${path}.${name}`, spec: 'constraint in only some branches', sdk: 'nothing to compare' });
  }
  return { ...rest, properties };
}

function same(path: string, what: string, spec: unknown, sdk: unknown, out: Difference[]): void {
  if (spec === sdk) return;
  const shown = (value: unknown) => (value === undefined ? `no ${what}` : `${what} ${String(value)}`);
  out.push({ path, spec: shown(spec), sdk: shown(sdk) });
}

function enumOf(values: readonly unknown[] | undefined): string | undefined {
  return values && [...values].map(String).sort().join('|');
}

function isNullable(spec: SchemaObject): boolean {
  const branches = spec.anyOf ?? spec.oneOf ?? [];
  return spec.nullable === true || branches.some((branch) => branch === null || branch.nullable === true);
}

/** The spec schema with its nullability taken out (and an anyOf of one left unwrapped). */
function withoutNull(spec: SchemaObject): SchemaObject {
  const { nullable: _nullable, anyOf, oneOf, ...rest } = spec;
  const branches = (anyOf ?? oneOf)?.filter((branch): branch is SchemaObject => branch !== null).map(({ nullable: _n, ...branch }) => branch);
  if (!branches) return rest;
  if (branches.length === 1 && !rest.type) return { ...rest, ...branches[0] };
  return { ...rest, [anyOf ? 'anyOf' : 'oneOf']: branches };
}

function isAnything(spec: SchemaObject): boolean {
  return Object.keys(spec).every((keyword) => DOCUMENTING.includes(keyword) || keyword === 'nullable');
}

function describeSpec(spec: SchemaObject): string {
  const nullable = isNullable(spec) ? 'nullable ' : '';
  const inner = withoutNull(spec);
  if (inner.anyOf || inner.oneOf) return `${nullable}anyOf`;
  return `${nullable}${inner.type ?? 'anything'}`;
}

function kindOf(sdk: Schema): string {
  switch (sdk.kind) {
    case 'number':
      return sdk.integer ? 'integer' : 'number';
    case 'record':
      return sdk.values ? `record of ${kindOf(sdk.values)}` : 'record';
    case 'nullable':
    case 'optional':
      return `${sdk.kind} ${kindOf(sdk.inner)}`;
    case 'union':
      return `union of ${sdk.options.length}`;
    default:
      return sdk.kind;
  }
}

/** Whether a difference is allowed: listed in `allowedDifferences`, or explained by API version 2024-11-29. */
function isExpected(difference: Difference): boolean {
  return allowedDifferences.some((allowed) => isAllowed(difference, allowed)) || isExplainedBy2024(difference);
}

/**
 * The rule for answers of both versions: a top-level property of an entity may differ from the
 * 2021-09-23 spec where 2024-11-29 answers differ. The SDK then has it optional (an answer of the
 * other version may lack it), 2024-11-29 does not require it, and the SDK describes it as 2024-11-29
 * does: a property 2024-11-29 adds (typed on the entity), or one it makes nullable. A property
 * 2024-11-29 drops (a user's email) is only made optional.
 */
function isExplainedBy2024(difference: Difference): boolean {
  return differencesFrom2024(difference)?.every((d) => allowedDifferences.some((allowed) => isAllowed(d, allowed))) ?? false;
}

/** How the SDK's property differs from 2024-11-29's, when {@link isExplainedBy2024}'s rule applies to `difference`. */
function differencesFrom2024(difference: Difference): Difference[] | undefined {
  const [component, key, ...deeper] = difference.path.split('.');
  const sdk = entitySchemas[component]?.properties[key];
  const spec2024 = components2024[component];
  if (deeper.length > 0 || !sdk || sdk.kind !== 'optional' || !spec2024) return undefined;
  if (difference.spec === 'required' && difference.sdk === 'optional') return spec2024.required?.includes(key) ? undefined : [];
  const property = spec2024.properties?.[key];
  if (!property || (key in (components[component]?.properties ?? {}) && spec2024.required?.includes(key))) return undefined;
  return differences(property, sdk.inner, difference.path);
}

function isAllowed(difference: Difference, allowed: AllowedDifference): boolean {
  const glob = new RegExp(`^${allowed.path.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return glob.test(difference.path) && difference.spec === allowed.spec && difference.sdk === allowed.sdk;
}

/** The JSON schema component of a request body or a 2xx answer; an inline schema is named by its operation. */
function componentOf(schema: SchemaObject | undefined, operation: string): string | undefined {
  if (!schema) return undefined;
  return schema.$ref ? componentName(schema.$ref) : `inline schema of ${operation}`;
}

const operations = specOperations();
const bodyComponents = new Set(
  operations.flatMap(({ key, operation }) => componentOf(operation.requestBody?.content?.['application/json']?.schema, key) ?? []),
);
const answerComponents = new Set(
  operations.flatMap(({ key, operation }) =>
    Object.entries(operation.responses ?? {})
      .filter(([status]) => status.startsWith('2'))
      .flatMap(([, response]) => componentOf(response.content?.['application/json']?.schema, key) ?? []),
  ),
);

const mapped = [
  ...Object.entries(entitySchemas).map(([component, sdk]) => ({ component, sdk })),
  ...Object.entries(bodies).map(([component, sdk]) => ({ component, sdk })),
];
const found = new Map(mapped.map(({ component, sdk }) => [component, differences(components[component] ?? {}, sdk, component)]));
const allFound = [...found.values()].flat();
/** With the differences to 2024-11-29 of the properties its rule explains, which allowed differences may also be for. */
const allFoundWith2024 = [...allFound, ...allFound.flatMap((d) => differencesFrom2024(d) ?? [])];

describe('the SDK schemas conform to the spec', () => {
  test('every JSON request body of an operation has an SDK schema in the mapping', () => {
    expect([...bodyComponents].filter((component) => !(component in bodies)).sort()).toEqual([]);
  });

  test('every mapped component exists in the spec and is used as a body or an answer', () => {
    expect(Object.keys(bodies).filter((component) => !bodyComponents.has(component))).toEqual([]);
    expect(Object.keys(entitySchemas).filter((component) => !answerComponents.has(component))).toEqual([]);
  });

  test('every answer is a mapped entity, a page of one, or empty', () => {
    const unmapped = [...answerComponents].filter((component) => {
      if (component in entitySchemas || component === 'Empty') return false;
      // A page: `{ <items>: Entity[], nextToken, <filters echoed> }`, its items the entity's component itself.
      const arrays = Object.values(components[component]?.properties ?? {}).filter((property) => property.type === 'array');
      return !arrays.some((array) => Object.keys(entitySchemas).some((entity) => sameSchema(array.items, components[entity])));
    });
    expect(unmapped).toEqual([]);
  });

  test.each(mapped.map(({ component }) => component))('%s matches its SDK schema', (component) => {
    const unexpected = (found.get(component) ?? []).filter((d) => !isExpected(d));
    if (unexpected.length > 0) {
      throw new Error(`${unexpected.length} difference(s) between the spec and the SDK:\n${unexpected.map(show).join('\n')}`);
    }
  });

  test('every allowed difference is still needed, with a reason', () => {
    const stale = allowedDifferences.filter((allowed) => !allFoundWith2024.some((d) => isAllowed(d, allowed)));
    expect(stale).toEqual([]);
    for (const allowed of allowedDifferences) expect(allowed.reason.length).toBeGreaterThan(20);
  });
});

describe('the comparison itself', () => {
  const specObject: SchemaObject = {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    required: ['id', 'tags'],
    properties: {
      id: { type: 'string', pattern: '^las:thing:[a-f0-9]{32}$' },
      name: { type: 'string', maxLength: 4096, nullable: true },
      kind: { type: 'string', enum: ['a', 'b'] },
      size: { type: 'integer', minimum: 1, maximum: 9 },
      tags: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      env: { type: 'object', additionalProperties: { type: 'string' } },
      input: { type: 'object' },
      value: { anyOf: [{ type: 'string', nullable: true }, { type: 'boolean' }] },
      gone: { type: 'boolean' },
    },
  };

  test('finds no difference in a faithful SDK schema', () => {
    const faithful = s.object(
      {
        id: s.id('thing'),
        name: s.optional(s.nullable(s.text())),
        kind: s.optional(s.enum(['b', 'a'])),
        size: s.optional(s.integer({ minimum: 1, maximum: 9 })),
        tags: s.array(s.string({ minLength: 1 }), { minItems: 1 }),
        env: s.optional(s.record(s.string())),
        input: s.optional(s.record()),
        value: s.optional(s.nullable(s.union(s.string(), s.boolean()))),
        gone: s.optional(s.boolean()),
      },
      { minProperties: 1 },
    );
    expect(differences(specObject, faithful, 'Thing').map(show)).toEqual([]);
  });

  test('names every kind of difference as `Component.path: spec says X, sdk says Y`', () => {
    const drifted = s.object(
      {
        id: s.id('other'),
        name: s.optional(s.string({ maxLength: 10 })),
        kind: s.enum(['a']),
        size: s.optional(s.number()),
        tags: s.array(s.integer()),
        env: s.optional(s.record()),
        input: s.optional(s.object({ x: s.string() })),
        value: s.optional(s.union(s.string(), s.boolean())),
        extra: s.optional(s.boolean()),
      },
      { additional: true },
    );
    expect(differences(specObject, drifted, 'Thing').map(show).sort()).toEqual(
      [
        'Thing.id: spec says pattern ^las:thing:[a-f0-9]{32}$, sdk says pattern ^las:other:[a-f0-9]{32}$',
        'Thing.name: spec says nullable, sdk says not nullable',
        'Thing.name: spec says maxLength 4096, sdk says maxLength 10',
        'Thing.kind: spec says optional, sdk says required',
        'Thing.kind: spec says enum a|b, sdk says enum a',
        'Thing.size: spec says type integer, sdk says type number',
        'Thing.size: spec says minimum 1, sdk says no minimum',
        'Thing.size: spec says maximum 9, sdk says no maximum',
        'Thing.tags: spec says minItems 1, sdk says no minItems',
        'Thing.tags[]: spec says string, sdk says integer',
        'Thing.env: spec says object of typed values, sdk says record',
        'Thing.input: spec says any object, sdk says object',
        'Thing.value: spec says nullable, sdk says not nullable',
        'Thing.gone: spec says a property, sdk says no such property',
        'Thing.extra: spec says no such property, sdk says a property',
        'Thing: spec says additionalProperties false, sdk says additionalProperties true',
        'Thing: spec says minProperties 1, sdk says no minProperties',
      ].sort(),
    );
  });

  test('sees nullability inside anyOf, a literal null branch, timestamps and unknown keywords', () => {
    const branchNull: SchemaObject = { anyOf: [{ type: 'string', maxLength: 4096 }, null] };
    expect(differences(branchNull, s.nullable(s.text()), 'F')).toEqual([]);
    expect(differences(branchNull, s.text(), 'F').map(show)).toEqual(['F: spec says nullable, sdk says not nullable']);
    const time: SchemaObject = { type: 'string', pattern: TIMESTAMP_PATTERN, nullable: true };
    expect(differences(time, s.nullable(s.timestamp()), 'T').map(show)).toEqual([`T: spec says string matching ${TIMESTAMP_PATTERN}, sdk says timestamp`]);
    expect(differences({ type: 'string', format: 'email' }, s.string(), 'E').map(show)).toEqual(['E: spec says keyword format, sdk says no comparison for it']);
  });
});

/** Whether two spec schemas say the same, titles and descriptions aside (key order ignored). */
function sameSchema(a: SchemaObject | undefined, b: SchemaObject | undefined): boolean {
  const strip = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(strip)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([k, v]) => !(DOCUMENTING.includes(k) && typeof v === 'string'))
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([k, v]) => [k, strip(v)]),
          )
        : value;
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}
