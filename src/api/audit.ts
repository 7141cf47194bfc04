import { partial, s } from '../schema/index.js';

/**
 * Who created an entity and who changed it last, and when: the fields the API adds to what it
 * stores. Spread into an entity's shape (`...auditFields`); an entity that has only some of them
 * names those (`updatedBy: auditFields.updatedBy`).
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
