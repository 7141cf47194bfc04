import { s, type Infer } from '../schema/index.js';
import { auditFields } from './fields.js';
import { ids } from './ids.js';
import { ids2024, since2024, type InferEither, type OmitEither } from './versioned.js';

const emailSchema = s.email();
// An image as a data URL or base64, small enough to store with the user.
const avatarSchema = s.string({ maxLength: 131_072 });

/** Roles, by id (2024-11-29): `las:role:<name>`. */
export const roleIdsSchema = s.array(s.described(s.string({ pattern: /^las:role:[0-9A-Za-z-_]{1,32}$/ }), 'a role id (las:role:<name>)'));

/** The API's shape of a user. */
export const userSchema = s.object({
  /** Id of the user. */
  userId: ids.user,
  /** Email address; the invitation is sent there (2024-11-29 keeps it on the user's profile instead). */
  email: s.optional(emailSchema),
  /** Display name, for people (2021-09-23; 2024-11-29 keeps it on the profile). */
  name: s.optional(s.nullable(s.text())),
  /** Picture, as a data URL or base64 (2021-09-23; 2024-11-29 keeps it on the profile). */
  avatar: s.optional(s.nullable(avatarSchema)),
  /** The roles the user has (2024-11-29). */
  roleIds: s.optional(s.nullable(roleIdsSchema)),
  /** The user's profile: name, picture, email (2024-11-29). */
  profileId: s.optional(s.nullable(ids.profile)),
  /** Your own data about the user: any JSON object (2024-11-29). */
  metadata: s.optional(s.nullable(s.record())),
  /** `invite_pending` until the user first signs in, then `active` or `inactive` (2024-11-29). */
  status: s.optional(s.enum(['inactive', 'active', 'invite_pending'])),
  ...auditFields,
});

/** What 2024-11-29 gives users instead of a name and avatar (a profile holds those): roles and metadata. */
const userFields2024 = {
  /** The roles the user has. */
  roleIds: s.optional(roleIdsSchema),
  /** Your own data about the user: any JSON object. */
  metadata: s.optional(s.record()),
};

/** Body of POST /users (under 2024-11-29 with roleIds and metadata, without name and avatar). */
export const createUserSchema = since2024(s.object({
  /** Email address; the invitation is sent there. */
  email: emailSchema,
  /** App client the user is invited through. */
  appClientId: s.optional(ids.appClient),
  /** Display name, for people. */
  name: s.optional(s.nullable(s.text())),
  /** Picture, as a data URL or base64. */
  avatar: s.optional(s.nullable(avatarSchema)),
}), { without: ['name', 'avatar'], with: { ...userFields2024, appClientId: s.optional(ids2024.appClient) } });

/** Body of PATCH /users/{userId} (under 2024-11-29 roleIds and metadata, instead of name and avatar). */
export const updateUserSchema = since2024(s.object(
  {
    /** Display name, for people. */
    name: s.optional(s.nullable(s.text())),
    /** Picture, as a data URL or base64. */
    avatar: s.optional(s.nullable(avatarSchema)),
  },
  { minProperties: 1 },
), { without: ['name', 'avatar'], with: userFields2024 });

/** A user's data as the API returns it. */
export type UserData = Infer<typeof userSchema>;
/** Options of `las.users.create()`. */
export type CreateUserOptions = OmitEither<typeof createUserSchema, 'email'>;
/** Options of `user.update()`. */
export type UpdateUserOptions = InferEither<typeof updateUserSchema>;
