import { path } from '../http/path.js';
import type { RequestOptions } from '../http/request-options.js';
import { Collection } from './collection.js';
import { Entity, type Handle, checkId, entity } from './entity.js';
import {
  appClientSchema,
  createAppClientSchema,
  updateAppClientSchema,
  type AppClientData,
  type CreateAppClientOptions,
  type UpdateAppClientOptions,
} from '../api/app-clients.js';
import { ids } from '../api/ids.js';
import { listOptionsSchema, type ListOptions } from '../api/list.js';

/**
 * An app client: credentials for a program or a login page. `clientSecret` is only in the
 * answer of `create` (with `generateSecret`): the API never shows it again, so keep it then.
 */
@entity(appClientSchema, { id: 'appClientId' })
export class AppClient extends Entity<AppClientData> {
  protected get path(): string {
    return path`/appClients/${this.appClientId}`;
  }

  /** Updates name, description or login urls. `PATCH /appClients/{appClientId}` */
  async update(options: UpdateAppClientOptions, requestOptions?: RequestOptions): Promise<this> {
    return this.patchWith(updateAppClientSchema, options, 'appClient.update', requestOptions);
  }

  /** Deletes the app client. `DELETE /appClients/{appClientId}` */
  async delete(requestOptions?: RequestOptions): Promise<this> {
    return this.deleteWith(undefined, requestOptions);
  }
}

/** A handle on a app client (`ref(id)`): its id and its methods; `await handle.refresh()` gives the app client. */
export type AppClientHandle = Handle<AppClient, AppClientData, 'appClientId'>;

/** `las.appClients`: the app clients of the organization. */
export class AppClients extends Collection<AppClient> {
  protected readonly entity = AppClient;

  /** Creates an app client. `POST /appClients` */
  async create(options: CreateAppClientOptions = {}, requestOptions?: RequestOptions): Promise<AppClient> {
    return this.createAt('/appClients', createAppClientSchema, options, 'appClients.create', requestOptions);
  }

  /** Lists app clients. `GET /appClients` */
  list(options: ListOptions = {}, requestOptions?: RequestOptions) {
    return this.listAt('/appClients', 'appClients', listOptionsSchema, options, 'appClients.list', requestOptions);
  }

  /** Updates an app client. `PATCH /appClients/{appClientId}` */
  async update(appClientId: string, options: UpdateAppClientOptions, requestOptions?: RequestOptions): Promise<AppClient> {
    return this.ref(appClientId).update(options, requestOptions);
  }

  /** Deletes an app client. `DELETE /appClients/{appClientId}` */
  async delete(appClientId: string, requestOptions?: RequestOptions): Promise<AppClient> {
    return this.ref(appClientId).delete(requestOptions);
  }

  /** A handle on an app client by id, without a request. */
  ref(appClientId: string): AppClientHandle {
    return this.handle({ appClientId: checkId(appClientId, ids.appClient, 'appClientId', 'appClients') });
  }
}
