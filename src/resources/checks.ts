/**
 * Checking input before anything is sent: bodies and options against the src/api schemas, ids,
 * upload bodies whose content is still bytes. Every refusal is a {@link ValidationError} naming
 * the call and the field, never the value.
 */
import { s, validate, type ObjectSchema, type Schema, type StringSchema } from '../schema/index.js';
import { base64Length, contentSizeProblem, JsonBytes, type UploadContent } from '../http/document-body.js';
import { ValidationError } from '../errors.js';
import { isAbortSignal } from '../options.js';

/** Options of any fields: a plain object, checked before anything is read; its fields are checked later. */
export const someOptions = s.object({}, { additional: true });

/** An option that must be an AbortSignal. */
export const signalSchema = s.custom<AbortSignal>('an AbortSignal', isAbortSignal);

/**
 * Throws a {@link ValidationError} naming the field when `body` (a request body, or the options
 * of a method: its query, its flags) does not fit `schema`.
 */
export function checkBody(schema: Schema, body: unknown, what: string): void {
  refuse(validate(schema, body, 'options'), what);
}

/**
 * `body` checked against `schema` ({@link checkBody}) and turned into JSON at once: what was
 * checked is what is sent, even if the caller changes the object while the request waits for a
 * token, and nothing walks the caller's data again after the check bounded its depth.
 */
export function checkedJson(schema: Schema, body: unknown, what: string): JsonBytes {
  checkBody(schema, body, what);
  return new JsonBytes(new TextEncoder().encode(JSON.stringify(body)));
}

/**
 * {@link checkBody} for an upload body `{ ...fields, content }` whose content is bytes, not yet
 * base64: the length of its base64 is worked out and checked against the bounds `schema` sets on
 * `content` (which every upload schema names first, so it is checked first, as checkBody would),
 * then the other fields are checked as checkBody checks them. The messages are checkBody's.
 */
export function checkUpload(schema: ObjectSchema, fields: Record<string, unknown>, content: UploadContent, what: string): void {
  let contentSchema = schema.properties.content;
  while (contentSchema?.kind === 'optional' || contentSchema?.kind === 'nullable') contentSchema = contentSchema.inner;
  if (contentSchema?.kind !== 'string') throw new TypeError(`${what}: the schema has no string content`);
  refuse(lengthProblem(contentSchema, content), what);
  // The content is an argument of its own: one among the options too would be dropped unseen.
  if (Object.hasOwn(fields, 'content')) refuse('options.content: is not a known property', what);
  // Any one-character string stands in for the content, bounds aside: its length was checked above.
  const rest = { ...schema, properties: { ...schema.properties, content: s.string() } };
  refuse(validate(rest, { ...fields, content: 'A' }, 'options'), what);
}

/** What is wrong with the length of `content` by the bounds of `schema`: validate()'s words for too short, the bytes and the bound for too long. */
function lengthProblem(schema: StringSchema, content: UploadContent): string | undefined {
  if (schema.minLength !== undefined && base64Length(content) < schema.minLength) {
    return `content: must be at least ${schema.minLength} character${schema.minLength === 1 ? '' : 's'}`;
  }
  const tooLarge = schema.maxLength === undefined ? undefined : contentSizeProblem(content, schema.maxLength);
  return tooLarge && `content: ${tooLarge}`;
}

/** The {@link ValidationError} {@link checkBody} would throw, or undefined: for a refusal to be thrown later. */
export function refusal(schema: Schema, value: unknown, what: string): ValidationError | undefined {
  const problem = validate(schema, value, 'options');
  return problem ? toValidationError(problem, what) : undefined;
}

function refuse(problem: string | undefined, what: string): void {
  if (problem) throw toValidationError(problem, what);
}

function toValidationError(problem: string, what: string): ValidationError {
  return new ValidationError(`${what}: ${problem.replace(/^options\./, '')}; nothing was sent`);
}

/**
 * Returns `id` when it fits `schema` (one of ids.ts), the id form the spec gives; else throws a
 * {@link ValidationError} naming the argument `name`.
 */
export function checkId(id: unknown, schema: Schema, name: string, what: string): string {
  refuse(validate(schema, id, name), what);
  return id as string;
}
