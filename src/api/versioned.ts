/**
 * Shapes that differ between API versions, defined once: the schema is the seed's version's
 * (2021-09-23, what the emulator and the CLI read), and its variant of 2024-11-29 is that schema
 * with the fields its spec removed left out and the ones it added put in.
 */
import { omit, partial, s, variant, type Infer, type ObjectSchema, type OptionalSchema, type Properties, type Schema } from '../schema/index.js';
import { ids } from './ids.js';
import type { ApiVersion } from './versions/index.js';

function slugId(kind: string): Schema {
  return s.described(s.string({ pattern: new RegExp(`^las:${kind}:[a-z0-9-_]+$`) }), `${/^[aeio]/.test(kind) ? 'an' : 'a'} ${kind} id (las:${kind}:<slug>)`);
}

/**
 * The ids whose form 2024-11-29 changed: models, app clients and organizations take slugs
 * (`las:model:invoice-reader`), and a model may be another organization's public one
 * (`las:organization:<org>/las:model:<name>`, its `/` encoded in paths).
 */
export const ids2024 = {
  /** Id of a model: its own, or an organization's public one. */
  model: s.described(
    s.string({ pattern: /^(|las:organization:[a-z0-9-_]+\/)las:model:[a-z0-9-_]+$/ }),
    'a model id (las:model:<slug>, or las:organization:<slug>/las:model:<slug> for a public one)',
  ),
  /** Id of an app client. */
  appClient: slugId('app-client'),
  /** Id of an organization. */
  organization: slugId('organization'),
};

const IDS_2024 = new Map<Schema, Schema>([
  [ids.model, ids2024.model],
  [ids.appClient, ids2024.appClient],
  [ids.organization, ids2024.organization],
]);

/** What 2024-11-29 changes in a shape: the fields it lacks, and the fields it adds or types otherwise. */
export interface Changes2024<K extends string, Q extends Properties> {
  /** Fields the 2024-11-29 spec does not have. */
  readonly without?: readonly K[];
  /** Fields the 2024-11-29 spec adds, or types otherwise. */
  readonly with?: Q;
}

/** A shape with its 2024-11-29 variant. */
export type Versioned<P extends Properties, V extends Properties> = ObjectSchema<P> & {
  readonly variants: { readonly '2024-11-29': ObjectSchema<V> };
};

/**
 * The type of what fits `S` under either version: its own type, or its 2024-11-29 variant's. A
 * call's options take either; the client's version decides at run time which one it sends.
 */
export type InferEither<S> = Infer<S> | (S extends { readonly variants: { readonly '2024-11-29': infer V } } ? Infer<V> : never);

/** {@link InferEither} without the fields `K` (those a call takes as arguments of their own), under each version. */
export type OmitEither<S, K extends PropertyKey> = InferEither<S> extends infer T ? (T extends unknown ? Omit<T, K> : never) : never;

/**
 * The type of what fits `S` for a client of API version `V`: the 2024-11-29 variant's type for a
 * `Las<'2024-11-29'>`; {@link InferEither} for any other (`new Las()`, whose version the
 * environment or the credentials file may choose at run time).
 */
export type InferFor<S, V extends ApiVersion> = [V] extends ['2024-11-29']
  ? S extends { readonly variants: { readonly '2024-11-29': infer W } }
    ? Infer<W>
    : Infer<S>
  : InferEither<S>;

/** {@link InferFor} without the fields `K` (those a call takes as arguments of their own). */
export type OmitFor<S, K extends PropertyKey, V extends ApiVersion> = InferFor<S, V> extends infer T ? (T extends unknown ? Omit<T, K> : never) : never;

/** `Of2024` for a client of API version 2024-11-29, `Either` for any other (see {@link InferFor}): hand-written option types per version. */
export type ByVersion<V extends ApiVersion, Either, Of2024> = [V] extends ['2024-11-29'] ? Of2024 : Either;

/** `base` (the 2021-09-23 shape) with its 2024-11-29 variant: `base` changed by `changes`. */
export function since2024<P extends Properties, K extends keyof P & string = never, Q extends Properties = Record<never, never>>(
  base: ObjectSchema<P>,
  changes: Changes2024<K, Q>,
): Versioned<P, Omit<Omit<P, K>, keyof Q> & Q> {
  const { variants: _base, ...kept } = omit(base, changes.without ?? []);
  const later = { ...kept, properties: { ...kept.properties, ...changes.with } } as unknown as ObjectSchema<Omit<Omit<P, K>, keyof Q> & Q>;
  return { ...base, variants: { '2024-11-29': later } };
}

/** Properties `P`, each optional. */
export type AllOptional<P extends Properties> = { [K in keyof P]: P[K] extends OptionalSchema ? P[K] : OptionalSchema<P[K]> };

/** `partial()` of a shape with its 2024-11-29 variant, the variant's type kept (an update body). */
export function partialEither<P extends Properties, V extends Properties>(
  schema: Versioned<P, V>,
  options: { minProperties?: number } = {},
): Versioned<AllOptional<P>, AllOptional<V>> {
  return partial(schema, options) as unknown as Versioned<AllOptional<P>, AllOptional<V>>;
}

/** `schema` as API version `version` has it. */
export function shapeOf<S extends Schema>(schema: S, version: ApiVersion): S {
  if (version === '2024-11-29' && IDS_2024.has(schema)) return IDS_2024.get(schema) as S;
  return variant(schema, version);
}
