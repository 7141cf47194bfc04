import { omit } from '../schema/index.js';
import type { RequestOptions } from '../http/request-options.js';
import { Collection, collectionOf } from './collection.js';
import { Entity, type Handle } from './entity.js';
import { entity } from './entity-metadata.js';
import { kinds } from '../api/kinds.js';
import { checkBody } from './checks.js';
import type { ById, Delete, List, Ref, Update } from './methods.js';
import type { ListOptions } from '../api/list.js';
import {
  createSecretSchema,
  type SecretValues,
  type SecretData,
  type CreateSecretOptions,
  type UpdateSecretOptions,
} from '../api/secrets.js';

const createSecretOptionsSchema = omit(createSecretSchema, ['data']);

/** A secret: values (passwords, keys) a transition gets in its environment. */
@entity(kinds.secret)
export class Secret extends Entity<SecretData> {
  /** Updates values, name or description. `PATCH /secrets/{secretId}` */
  declare update: Update<this, UpdateSecretOptions>;

  /** Deletes the secret. `DELETE /secrets/{secretId}` */
  declare delete: Delete<this>;
}

/** A handle on a secret (`ref(id)`): its id and its methods; `await handle.refresh()` gives the secret. */
export type SecretHandle = Handle<Secret, SecretData, 'secretId'>;

/** `las.secrets`: the secrets of the organization. */
@collectionOf(Secret)
export class Secrets extends Collection<Secret> {
  /** Creates a secret holding `data`. `POST /secrets` */
  async create(data: SecretValues, options: CreateSecretOptions = {}, requestOptions?: RequestOptions): Promise<Secret> {
    checkBody(createSecretOptionsSchema, options, this.what('create'));
    return this.createWith({ ...options, data }, requestOptions);
  }

  /** Lists secrets (without their values). `GET /secrets` */
  declare list: List<Secret, ListOptions>;

  /** Updates a secret. `PATCH /secrets/{secretId}` */
  declare update: ById<Secret['update']>;

  /** Deletes a secret. `DELETE /secrets/{secretId}` */
  declare delete: ById<Secret['delete']>;

  /** A handle on a secret by id, without a request. */
  declare ref: Ref<SecretHandle>;
}
