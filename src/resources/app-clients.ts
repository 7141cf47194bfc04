import type { RequestOptions } from '../http/request-options.js';
import { Collection, collectionOf } from './collection.js';
import { Entity, type Handle } from './entity.js';
import { entity } from './entity-metadata.js';
import { kinds } from '../api/kinds.js';
import type { ById, Delete, List, Ref, Refresh, Update } from './methods.js';
import {
  type AppClientData,
  type CreateAppClientOptions,
  type UpdateAppClientOptions,
} from '../api/app-clients.js';
import type { ListOptions } from '../api/list.js';

/**
 * An app client: credentials for a program or a login page. `clientSecret` is only in the
 * answer of `create` (with `generateSecret`): the API never shows it again, so keep it then.
 */
@entity(kinds.appClient)
export class AppClient extends Entity<AppClientData> {
  /** Loads this app client's data (2024-11-29). `GET /appClients/{appClientId}` */
  declare refresh: Refresh<this>;

  /** Updates name, description or login urls. `PATCH /appClients/{appClientId}` */
  declare update: Update<this, UpdateAppClientOptions>;

  /** Deletes the app client. `DELETE /appClients/{appClientId}` */
  declare delete: Delete<this>;
}

/** A handle on a app client (`ref(id)`): its id and its methods; `await handle.refresh()` gives the app client. */
export type AppClientHandle = Handle<AppClient, AppClientData, 'appClientId'>;

/** `las.appClients`: the app clients of the organization. */
@collectionOf(AppClient)
export class AppClients extends Collection<AppClient> {
  /** Creates an app client. `POST /appClients` */
  async create(options: CreateAppClientOptions = {}, requestOptions?: RequestOptions): Promise<AppClient> {
    return this.createWith(options, requestOptions);
  }

  /** Lists app clients. `GET /appClients` */
  declare list: List<AppClient, ListOptions>;

  /** Gets one app client (2024-11-29). `GET /appClients/{appClientId}` */
  declare get: ById<AppClient['refresh']>;

  /** Updates an app client. `PATCH /appClients/{appClientId}` */
  declare update: ById<AppClient['update']>;

  /** Deletes an app client. `DELETE /appClients/{appClientId}` */
  declare delete: ById<AppClient['delete']>;

  /** A handle on an app client by id, without a request. */
  declare ref: Ref<AppClientHandle>;
}
