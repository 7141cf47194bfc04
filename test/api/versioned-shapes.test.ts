/**
 * The 2024-11-29 variants of the existing kinds' bodies and queries against that version's spec
 * (its committed facts copy): the same properties, the same required ones, the same enum values
 * at the top, so that a body the SDK lets through is one the service's spec takes. (The 2021
 * shapes are compared in depth by test/schema/conformance.test.ts.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { shapeOf } from '../../src/api/versioned.js';
import { kinds, type Kind } from '../../src/api/kinds.js';
import { omit, validate, type ObjectSchema, type Schema } from '../../src/schema/index.js';

interface SpecSchema {
  $ref?: string;
  type?: string;
  properties?: Record<string, SpecSchema>;
  required?: string[];
  enum?: unknown[];
  items?: SpecSchema;
  allOf?: SpecSchema[];
  anyOf?: SpecSchema[];
  oneOf?: SpecSchema[];
  additionalProperties?: boolean | SpecSchema;
  minProperties?: number;
}
interface SpecParameter {
  $ref?: string;
  in: string;
  name: string;
  schema: SpecSchema;
}
interface SpecOperation {
  parameters?: SpecParameter[];
  requestBody?: { content?: { 'application/json'?: { schema: SpecSchema } } };
}

const spec = JSON.parse(readFileSync(path.join(import.meta.dirname, '../fixtures/las-oas-2024-11-29.facts.json'), 'utf8')) as {
  paths: Record<string, Record<string, SpecOperation> & { parameters?: SpecParameter[] }>;
  components: { schemas: Record<string, SpecSchema>; parameters?: Record<string, SpecParameter> };
};

// What the SDK keeps stricter than the 2024 spec on purpose, as under 2021 (test/schema/conformance.test.ts):
// an update without a status does nothing (the SDK always sends one); an update that sets nothing is refused;
// a training needs its data bundles and a transformation its operations, as las-sdk-python 11.4.1 takes them
// (positional arguments), though the spec leaves them optional.
const KEPT_REQUIRED = ['transitionExecution.update.status', 'training.create.dataBundleIds', 'transformation.create.operations'];
const KEPT_MIN_PROPERTIES = ['dataBundle.update'];

function resolved(schema: SpecSchema): SpecSchema {
  return schema.$ref ? resolved(spec.components.schemas[schema.$ref.split('/').pop() as string]) : schema;
}

function unwrapped(schema: Schema): Schema {
  return schema.kind === 'optional' || schema.kind === 'nullable' ? unwrapped(schema.inner) : schema;
}

/** Each kind's operations whose bodies or queries the SDK sends from the kinds table: [label, method, path, shape, what]. */
function operations(): [string, string, string, ObjectSchema, 'body' | 'query'][] {
  const out: [string, string, string, ObjectSchema, 'body' | 'query'][] = [];
  for (const kind of Object.values(kinds) as Kind[]) {
    if (!spec.paths[kind.path]) continue; // batches: not of 2024-11-29.
    const one = `${kind.path}/{${kind.idField}}`;
    if (kind.create) out.push([`${kind.name}.create`, 'post', kind.path, shapeOf(kind.create, '2024-11-29'), 'body']);
    if (kind.update) out.push([`${kind.name}.update`, 'patch', one, shapeOf(kind.update, '2024-11-29'), 'body']);
    if (kind.list) out.push([`${kind.name}.list`, 'get', kind.path, shapeOf(kind.list.query, '2024-11-29'), 'query']);
  }
  return out;
}

function bodyOf(method: string, at: string): SpecSchema {
  return resolved(spec.paths[at][method].requestBody?.content?.['application/json']?.schema as SpecSchema);
}

function queryOf(method: string, at: string): Record<string, SpecSchema> {
  const item = spec.paths[at];
  const parameters = [...(item.parameters ?? []), ...(item[method].parameters ?? [])].map((parameter) =>
    parameter.$ref ? (spec.components.parameters?.[parameter.$ref.split('/').pop() as string] as SpecParameter) : parameter,
  );
  return Object.fromEntries(parameters.filter((parameter) => parameter.in === 'query').map((parameter) => [parameter.name, parameter.schema]));
}

function enumOf(schema: SpecSchema | undefined): string | undefined {
  const values = schema && resolved(schema).enum;
  return values && values.map(String).sort().join('|');
}

function sdkEnumOf(schema: Schema): string | undefined {
  const inner = unwrapped(schema);
  const values = inner.kind === 'string' || inner.kind === 'number' ? inner.values : undefined;
  return values && values.map(String).sort().join('|');
}

describe('2024-11-29 shapes of the existing kinds against its spec', () => {
  test.each(operations())('%s (%s %s): the same properties, required ones and enums', (_label, method, at, shape, what) => {
    if (what === 'body') {
      const body = bodyOf(method, at);
      expect(Object.keys(shape.properties).sort()).toEqual(Object.keys(body.properties ?? {}).sort());
      const required = Object.keys(shape.properties).filter((key) => shape.properties[key].kind !== 'optional' && !KEPT_REQUIRED.includes(`${_label}.${key}`));
      expect(required.sort()).toEqual([...(body.required ?? [])].sort());
      for (const [key, property] of Object.entries(body.properties ?? {})) {
        // A property constrained by the body's branches (a transition execution's status) takes their values.
        const branches = (body.anyOf ?? body.oneOf ?? []).map((branch) => resolved(branch).properties?.[key]).filter((inner) => inner !== undefined);
        const values = branches.length > 0 ? { enum: branches.flatMap((inner) => resolved(inner).enum ?? []) } : property;
        expect([key, sdkEnumOf(shape.properties[key])]).toEqual([key, enumOf(values)]);
      }
      if (!KEPT_MIN_PROPERTIES.includes(_label)) expect(shape.minProperties).toBe(body.minProperties);
    } else {
      const query = queryOf(method, at);
      expect(Object.keys(shape.properties).sort()).toEqual(Object.keys(query).sort());
      // A filter the 2024 spec marks as a list (form style, exploded) takes a list; any other one value.
      for (const [key, parameter] of Object.entries(query)) {
        if (key === 'maxResults' || key === 'nextToken') continue;
        const sample = parameter.type === 'array' ? [sampleOf(shape.properties[key])] : sampleOf(shape.properties[key]);
        expect([key, validate(shape, { [key]: sample })]).toEqual([key, undefined]);
        if (parameter.type !== 'array') expect([key, validate(shape, { [key]: [sample] }) === undefined]).toEqual([key, false]);
      }
    }
  });

  test('a shape of no variant is the same under both versions, and partial/omit keep the variants', () => {
    expect(shapeOf(kinds.asset.create, '2024-11-29')).toBe(kinds.asset.create);
    const options = omit(kinds.model.create, ['fieldConfig']);
    expect(Object.keys(shapeOf(options, '2024-11-29').properties)).not.toContain('width');
    expect(Object.keys(shapeOf(options, '2021-09-23').properties)).toContain('width');
  });
});

/** A value that fits a query filter's SDK shape (its first enum value, an id of its pattern, a time). */
function sampleOf(schema: Schema): string {
  let inner = unwrapped(schema);
  if (inner.kind === 'union') inner = inner.options[0];
  if (inner.kind !== 'string') throw new Error(`not a string filter: ${inner.kind}`);
  if (inner.values) return inner.values[0];
  const idKind = inner.pattern?.source.match(/las:([a-z-]+):/)?.[1];
  const samples = [`las:${idKind}:0123456789abcdef0123456789abcdef`, `las:${idKind}:x`, 'las:model:x', '2024-11-29', 'x'];
  return samples.find((sample) => validate(inner, sample) === undefined) ?? 'x';
}
