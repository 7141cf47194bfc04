import { s, partial, type Infer } from '../schema/index.js';
import { ids } from '../schema/ids.js';
import { path } from '../http/path.js';
import type { RequestOptions } from '../http/request-options.js';
import { Collection, listOptionsSchema, type ListOptions } from './collection.js';
import { Entity, checkId, entity } from './entity.js';

// The API accepts localhost over plain http (for development) and https elsewhere.
const urlSchema = s.string({ pattern: /^http:\/\/localhost.*|^https:\/\/.*/ });

/** The API's shape of an app client. */
export const appClientSchema = s.object({
  appClientId: ids.appClient,
  clientId: s.string(),
  clientSecret: s.optional(s.string()),
  hasSecret: s.boolean(),
  apiKey: s.nullable(s.text()),
  callbackUrls: s.array(urlSchema),
  loginUrls: s.array(urlSchema),
  logoutUrls: s.array(urlSchema),
  defaultLoginUrl: s.nullable(urlSchema),
  name: s.nullable(s.text()),
  description: s.nullable(s.text()),
  createdBy: s.nullable(s.text()),
  createdTime: s.nullable(s.timestamp()),
  updatedBy: s.nullable(s.text()),
  updatedTime: s.nullable(s.timestamp()),
});

/** Body of POST /appClients. */
export const createAppClientSchema = s.object({
  generateSecret: s.optional(s.boolean()),
  logoutUrls: s.optional(s.array(urlSchema)),
  callbackUrls: s.optional(s.array(urlSchema)),
  loginUrls: s.optional(s.array(urlSchema)),
  defaultLoginUrl: s.optional(urlSchema),
  name: s.optional(s.nullable(s.text())),
  description: s.optional(s.nullable(s.text())),
});

/** Body of PATCH /appClients/{appClientId}. */
export const updateAppClientSchema = partial(
  s.object({ name: s.nullable(s.text()), description: s.nullable(s.text()), loginUrls: s.array(urlSchema), defaultLoginUrl: urlSchema }),
  { minProperties: 1 },
);

/** An app client's data as the API returns it. */
export type AppClientData = Infer<typeof appClientSchema>;
/** Options of `las.appClients.create()`. */
export type CreateAppClientOptions = Infer<typeof createAppClientSchema>;
/** Options of `appClient.update()`. */
export type UpdateAppClientOptions = Infer<typeof updateAppClientSchema>;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface AppClient extends AppClientData {}

/**
 * An app client: credentials for a program or a login page. `clientSecret` is only in the
 * answer of `create` (with `generateSecret`): the API never shows it again, so keep it then.
 */
@entity(appClientSchema)
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class AppClient extends Entity {
  /** The app client id. */
  get id(): string {
    return this.appClientId;
  }

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
  ref(appClientId: string): AppClient {
    return this.handle({ appClientId: checkId(appClientId, ids.appClient, 'appClientId', 'appClients') });
  }
}
