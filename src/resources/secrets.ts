import { omit, s, partial, type Infer } from '../schema/index.js';
import { ids } from '../schema/ids.js';
import { path } from '../http/path.js';
import type { RequestOptions } from '../http/request-options.js';
import { Collection, listOptionsSchema, type ListOptions } from './collection.js';
import { Entity, checkBody, checkId, entity } from './entity.js';

/** The API's shape of a secret: its values are never returned. */
export const secretSchema = s.object({
  secretId: ids.secret,
  name: s.nullable(s.text()),
  description: s.nullable(s.text()),
  createdBy: s.nullable(s.text()),
  createdTime: s.nullable(s.timestamp()),
  updatedBy: s.nullable(s.text()),
  updatedTime: s.nullable(s.timestamp()),
});

/** Body of POST /secrets. */
export const createSecretSchema = s.object({
  data: s.record(),
  name: s.optional(s.nullable(s.text())),
  description: s.optional(s.nullable(s.text())),
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

const createSecretOptionsSchema = omit(createSecretSchema, ['data']);

// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface Secret extends SecretData {}

/** A secret: values (passwords, keys) a transition gets in its environment. */
@entity(secretSchema)
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Secret extends Entity {
  /** The secret id. */
  get id(): string {
    return this.secretId;
  }

  protected get path(): string {
    return path`/secrets/${this.secretId}`;
  }

  /** Updates values, name or description. `PATCH /secrets/{secretId}` */
  async update(options: UpdateSecretOptions, requestOptions?: RequestOptions): Promise<this> {
    return this.patchWith(updateSecretSchema, options, 'secret.update', requestOptions);
  }

  /** Deletes the secret. `DELETE /secrets/{secretId}` */
  async delete(requestOptions?: RequestOptions): Promise<this> {
    return this.deleteWith(undefined, requestOptions);
  }
}

/** `las.secrets`: the secrets of the organization. */
export class Secrets extends Collection<Secret> {
  protected readonly entity = Secret;

  /** Creates a secret holding `data`. `POST /secrets` */
  async create(data: SecretValues, options: CreateSecretOptions = {}, requestOptions?: RequestOptions): Promise<Secret> {
    checkBody(createSecretOptionsSchema, options, 'secrets.create');
    return this.createAt('/secrets', createSecretSchema, { ...options, data }, 'secrets.create', requestOptions);
  }

  /** Lists secrets (without their values). `GET /secrets` */
  list(options: ListOptions = {}, requestOptions?: RequestOptions) {
    return this.listAt('/secrets', 'secrets', listOptionsSchema, options, 'secrets.list', requestOptions);
  }

  /** Updates a secret. `PATCH /secrets/{secretId}` */
  async update(secretId: string, options: UpdateSecretOptions, requestOptions?: RequestOptions): Promise<Secret> {
    return this.ref(secretId).update(options, requestOptions);
  }

  /** Deletes a secret. `DELETE /secrets/{secretId}` */
  async delete(secretId: string, requestOptions?: RequestOptions): Promise<Secret> {
    return this.ref(secretId).delete(requestOptions);
  }

  /** A handle on a secret by id, without a request. */
  ref(secretId: string): Secret {
    return this.handle({ secretId: checkId(secretId, ids.secret, 'secretId', 'secrets') });
  }
}
