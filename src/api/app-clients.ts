import { s, type Infer } from '../schema/index.js';
import { auditFields, nameAndDescription, optionalNameAndDescription } from './fields.js';
import { ids } from './ids.js';
import { roleIdsSchema } from './users.js';
import { partialEither, since2024, type InferEither } from './versioned.js';

// The API accepts localhost over plain http (for development) and https elsewhere.
const urlSchema = s.string({ pattern: /^http:\/\/localhost.*|^https:\/\/.*/ });

/** The API's shape of an app client. */
export const appClientSchema = s.object({
  /** App client the user is invited through. */
  appClientId: ids.appClient,
  /** OAuth client id, used to get tokens. */
  clientId: s.string(),
  /** Secret of the client; returned only when it is created. */
  clientSecret: s.optional(s.string()),
  /** Whether it has a client secret. */
  hasSecret: s.boolean(),
  /** API key of the client (2021-09-23; 2024-11-29 has none). */
  apiKey: s.optional(s.nullable(s.text())),
  /** The roles the client has (2024-11-29). */
  roleIds: s.optional(s.nullable(roleIdsSchema)),
  /** Where users may be sent back to after signing in. */
  callbackUrls: s.array(urlSchema),
  /** Pages that may start a sign-in. */
  loginUrls: s.array(urlSchema),
  /** Where users may be sent after signing out. */
  logoutUrls: s.array(urlSchema),
  /** Sign-in page used when none is given. */
  defaultLoginUrl: s.nullable(urlSchema),
  ...nameAndDescription,
  ...auditFields,
});

/** Body of POST /appClients (under 2024-11-29 with roleIds). */
export const createAppClientSchema = since2024(s.object({
  /** Whether to give the client a secret (for server-side use). */
  generateSecret: s.optional(s.boolean()),
  /** Where users may be sent after signing out. */
  logoutUrls: s.optional(s.array(urlSchema)),
  /** Where users may be sent back to after signing in. */
  callbackUrls: s.optional(s.array(urlSchema)),
  /** Pages that may start a sign-in. */
  loginUrls: s.optional(s.array(urlSchema)),
  /** Sign-in page used when none is given. */
  defaultLoginUrl: s.optional(urlSchema),
  ...optionalNameAndDescription,
}), { with: { roleIds: s.optional(roleIdsSchema) } });

/** Body of PATCH /appClients/{appClientId} (under 2024-11-29 with roleIds). */
export const updateAppClientSchema = partialEither(
  since2024(s.object({
    ...nameAndDescription,
    /** Pages that may start a sign-in. */
    loginUrls: s.array(urlSchema),
    /** Sign-in page used when none is given. */
    defaultLoginUrl: urlSchema,
  }), { with: { roleIds: roleIdsSchema } }),
  { minProperties: 1 },
);

/** An app client's data as the API returns it. */
export type AppClientData = Infer<typeof appClientSchema>;
/** Options of `las.appClients.create()`. */
export type CreateAppClientOptions = InferEither<typeof createAppClientSchema>;
/** Options of `appClient.update()`. */
export type UpdateAppClientOptions = InferEither<typeof updateAppClientSchema>;
