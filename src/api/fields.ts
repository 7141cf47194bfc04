/** Fields many of the API's shapes share, each defined once: spread them into a shape (`...auditFields`). */
import { partial, s } from '../schema/index.js';

/**
 * Who created an entity and who changed it last, and when: the fields the API adds to what it
 * stores. An entity that has only some of them names those (`updatedBy: auditFields.updatedBy`).
 */
export const auditFields = {
  /** Who created it (a user or app client id). */
  createdBy: s.nullable(s.text()),
  /** When it was created. */
  createdTime: s.nullable(s.timestamp()),
  /** Who changed it last (a user or app client id). */
  updatedBy: s.nullable(s.text()),
  /** When it was last changed. */
  updatedTime: s.nullable(s.timestamp()),
};

/** {@link auditFields}, each optional: for snapshots that may leave them out (a data bundle's datasets). */
export const optionalAuditFields = partial(s.object(auditFields)).properties;

/** The name and description people give an entity: free text, null when not set. */
export const nameAndDescription = {
  /** Display name, for people. */
  name: s.nullable(s.text()),
  /** Free text about it, for people. */
  description: s.nullable(s.text()),
};

/** {@link nameAndDescription}, each optional: in a create or update body. */
export const optionalNameAndDescription = partial(s.object(nameAndDescription)).properties;
