/** Roles: what users and app clients may do (API version 2024-11-29; read only). */
import { s, type Infer } from '../schema/index.js';
import { auditFields, nameAndDescription } from './fields.js';
import { ids } from './ids.js';

/** The API's shape of a role. */
export const roleSchema = s.object({
  /** Id of the role. */
  roleId: ids.role,
  /** What it allows or denies, on what. */
  permissions: s.array(
    s.object({
      /** What it is about (`*` for everything). */
      resourceId: s.string({ minLength: 1 }),
      /** `allow` or `deny`. */
      effect: s.enum(['allow', 'deny']),
      /** `read`, `write`, `delegate` or `*`. */
      action: s.enum(['read', 'write', 'delegate', '*']),
    }),
  ),
  ...nameAndDescription,
  ...auditFields,
});

/** A role's data as the API returns it. */
export type RoleData = Infer<typeof roleSchema>;
