/**
 * `Entity`, the base every entity class extends, typed with the data it holds, and `Handle`, what
 * `ref(id)` returns. What entities do is in entity-base.ts; how they are declared and built from
 * JSON in entity-metadata.ts; input checks in checks.ts.
 */
import { EntityBase } from './entity-base.js';

/** The constructor of {@link Entity}: generic in the data its subclasses hold. */
export type EntityConstructor = (abstract new <Data extends object = object>() => EntityBase & Data) & Omit<typeof EntityBase, 'prototype'>;

/**
 * Base of every entity class: `class Dataset extends Entity<DatasetData>` holds the fields of
 * `DatasetData` (class-transformer sets them from the API's JSON) and the methods of
 * `EntityBase`. It is EntityBase itself, typed with the data.
 */
export const Entity = EntityBase as unknown as EntityConstructor;
/** An entity holding `Data`. */
export type Entity<Data extends object = object> = EntityBase & Data;

/**
 * A handle on an entity (what `ref(id)` returns): its ids and its methods, none of the rest of
 * `Data`, which it does not hold. `await handle.refresh()` loads it and gives the full entity.
 */
export type Handle<E extends EntityBase, Data, Ids extends keyof Data> = Omit<E, Exclude<keyof Data, Ids>>;
