/**
 * Which shape of a body, query or options a call checks: the one of its client's API version
 * (src/api/versioned.ts). A field that only the other version's shape has is refused naming
 * both versions, before the chosen shape would refuse it as unknown.
 */
import { isPlainObject, type Schema } from '../schema/index.js';
import { API_VERSIONS, DEFAULT_API_VERSION, isApiVersion, type ApiVersion } from '../api/versions/index.js';
import { shapeOf } from '../api/versioned.js';
import type { Session } from '../http/session.js';
import type { Method } from '../http/call.js';
import { ValidationError } from '../errors.js';

/** The API version `session` speaks: the seed's when it names none (a Session built without `Las`). */
export function versionOf(session: Session): ApiVersion {
  const version = session.apiVersion;
  return isApiVersion(version) ? version : DEFAULT_API_VERSION;
}

/** The request a body goes with: for the version check to say when the service removed a field, and what replaced it. */
export interface BodyCall {
  readonly method: Method;
  readonly path: string;
}

/**
 * `schema` as `session`'s API version has it, to check `value` against. Throws a
 * {@link ValidationError} naming the field and the versions when `value` has a field that only
 * another version's shape of `schema` has (`sortBy` on a 2021-09-23 `documents.list`); when
 * `value` is the body of `call`, the version check's own message, which says when the service
 * removed the field and what replaced it, comes first.
 */
export function shaped<S extends Schema>(session: Session, schema: S, value: unknown, what: string, call?: BodyCall): S {
  const version = versionOf(session);
  const chosen = shapeOf(schema, version);
  if (chosen.kind !== 'object' || !isPlainObject(value)) return chosen;
  for (const other of API_VERSIONS) {
    if (other === version) continue;
    const theirs = shapeOf(schema, other);
    if (theirs === chosen || theirs.kind !== 'object') continue;
    const field = Object.keys(value).find((key) => value[key] !== undefined && !Object.hasOwn(chosen.properties, key) && Object.hasOwn(theirs.properties, key));
    // The field is a property name the SDK's own shape declares: never the caller's own text.
    if (field !== undefined) {
      if (call) session.checkCall(call.method, call.path, value);
      throw new ValidationError(
        `${what}: ${field} is a field of API version ${other}, not of ${version} (this client speaks API version ${version}: see the apiVersion option of new Las); nothing was sent`,
      );
    }
  }
  return chosen;
}
