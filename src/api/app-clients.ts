import { s, partial, type Infer } from '../schema/index.js';
import { ids } from './ids.js';

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
