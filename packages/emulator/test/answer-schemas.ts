/**
 * The spec's response schemas as a JSON-schema validator (ajv, which reads OpenAPI 3.0's
 * `nullable`), closed: an object schema that names its properties and leaves
 * `additionalProperties` unset refuses any other property too, so an answer the service would
 * never give (an extra field, an echoed filter) fails.
 */
import { Ajv, type ErrorObject } from 'ajv';
import { componentName, loadSpec, type SchemaObject, type SpecVersion } from '../../../test/helpers/spec.js';

/** Checks a body against a spec component; the validator's complaints, or undefined when it fits. */
export type AnswerCheck = (ref: string, body: unknown) => string[] | undefined;

/**
 * A check of answers against the components of the spec of `version` (test/helpers/spec.ts; the
 * seed's by default). `nullable` lists schemas (paths of keys from `components.schemas`) that also
 * take null: known deviations.
 */
export function answerChecker(nullable: readonly (readonly string[])[] = [], version?: SpecVersion): AnswerCheck {
  const definitions = closed(loadSpec(version).components.schemas) as Record<string, unknown>;
  for (const path of nullable) {
    const schema = path.reduce<Record<string, unknown> | undefined>((at, key) => at?.[key] as Record<string, unknown> | undefined, definitions);
    if (!schema) throw new Error(`no schema at ${path.join('.')} in the spec`);
    schema.nullable = true;
  }
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addSchema({ $id: 'spec', definitions });
  return (ref, body) => {
    const validate = ajv.getSchema(`spec#/definitions/${componentName(ref)}`);
    if (!validate) throw new Error(`no component ${ref} in the spec`);
    return validate(body) ? undefined : (validate.errors ?? []).map(describe);
  };
}

function describe(error: ErrorObject): string {
  const extra = error.keyword === 'additionalProperties' ? ` (${String(error.params.additionalProperty)})` : '';
  return `${error.instancePath || '/'} ${error.message ?? error.keyword}${extra}`;
}

// A copy with every `$ref` pointing into `definitions` and every object schema with named
// properties closed unless it says what else it allows. The spec writes "or null" as a `null`
// branch of `anyOf` (no schema at all), or as `nullable` without a `type`: both read as the value null too.
function closed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((inner) => (inner === null ? { enum: [null] } : closed(inner)));
  if (value === null || typeof value !== 'object') return value;
  const schema = value as SchemaObject;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(schema)) {
    if (key === '$ref' && typeof inner === 'string') copy.$ref = `spec#/definitions/${componentName(inner)}`;
    else if (key === 'enum' || key === 'required') copy[key] = inner;
    else if (key === 'properties') copy.properties = Object.fromEntries(Object.entries(inner as object).map(([name, p]) => [name, closed(p)]));
    else copy[key] = closed(inner);
  }
  if (schema.properties && !('additionalProperties' in schema)) copy.additionalProperties = false;
  // ajv takes `nullable` only beside `type`; the 2024 spec also sets it on a bare `oneOf` (postprocessConfig).
  if (copy.nullable === true && !('type' in copy)) {
    delete copy.nullable;
    return { anyOf: [copy, { enum: [null] }] };
  }
  return copy;
}
