import { s, partial, type Infer } from '../schema/index.js';
import { auditFields, nameAndDescription, optionalNameAndDescription } from './fields.js';
import { ids } from './ids.js';

/** The API's shape of a secret: its values are never returned. */
export const secretSchema = s.object({
  /** Id of the secret. */
  secretId: ids.secret,
  ...nameAndDescription,
  ...auditFields,
});

/** Body of POST /secrets. */
export const createSecretSchema = s.object({
  /** The secret values, by key (write-only: never returned). */
  data: s.record(),
  ...optionalNameAndDescription,
});

/** Body of PATCH /secrets/{secretId}. */
export const updateSecretSchema = partial(createSecretSchema, { minProperties: 1 });

/** The values a secret holds, by name (e.g. `{ username, password }`). */
export type SecretValues = Record<string, string>;
/** A secret's data as the API returns it. */
export type SecretData = Infer<typeof secretSchema>;
/** Options of `las.secrets.create()`. */
export type CreateSecretOptions = Omit<Infer<typeof createSecretSchema>, 'data'>;
/** Options of `secret.update()`. */
export interface UpdateSecretOptions extends CreateSecretOptions {
  /** The new values; they replace the old ones. */
  data?: SecretValues;
}
