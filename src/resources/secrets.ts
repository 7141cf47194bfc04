import { omit } from '../schema/index.js';
import { path } from '../http/path.js';
import type { RequestOptions } from '../http/request-options.js';
import { Collection } from './collection.js';
import { Entity, type Handle, checkBody, checkId, entity } from './entity.js';
import { ids } from '../api/ids.js';
import { listOptionsSchema, type ListOptions } from '../api/list.js';
import {
  secretSchema,
  createSecretSchema,
  updateSecretSchema,
  type SecretValues,
  type SecretData,
  type CreateSecretOptions,
  type UpdateSecretOptions,
} from '../api/secrets.js';

const createSecretOptionsSchema = omit(createSecretSchema, ['data']);

/** A secret: values (passwords, keys) a transition gets in its environment. */
@entity(secretSchema, { id: 'secretId' })
export class Secret extends Entity<SecretData> {
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

/** A handle on a secret (`ref(id)`): its id and its methods; `await handle.refresh()` gives the secret. */
export type SecretHandle = Handle<Secret, SecretData, 'secretId'>;

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
  ref(secretId: string): SecretHandle {
    return this.handle({ secretId: checkId(secretId, ids.secret, 'secretId', 'secrets') });
  }
}
