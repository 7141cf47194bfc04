import { s, type Infer } from '../schema/index.js';
import { auditFields } from './fields.js';
import { ids } from './ids.js';

const emailSchema = s.email();
// An image as a data URL or base64, small enough to store with the user.
const avatarSchema = s.string({ maxLength: 131_072 });

/** The API's shape of a user. */
export const userSchema = s.object({
  /** Id of the user. */
  userId: ids.user,
  /** Email address; the invitation is sent there. */
  email: emailSchema,
  /** Display name, for people. */
  name: s.optional(s.nullable(s.text())),
  /** Picture, as a data URL or base64. */
  avatar: s.optional(s.nullable(avatarSchema)),
  ...auditFields,
});

/** Body of POST /users. */
export const createUserSchema = s.object({
  /** Email address; the invitation is sent there. */
  email: emailSchema,
  /** App client the user is invited through. */
  appClientId: s.optional(ids.appClient),
  /** Display name, for people. */
  name: s.optional(s.nullable(s.text())),
  /** Picture, as a data URL or base64. */
  avatar: s.optional(s.nullable(avatarSchema)),
});

/** Body of PATCH /users/{userId}. */
export const updateUserSchema = s.object(
  {
    /** Display name, for people. */
    name: s.optional(s.nullable(s.text())),
    /** Picture, as a data URL or base64. */
    avatar: s.optional(s.nullable(avatarSchema)),
  },
  { minProperties: 1 },
);

/** A user's data as the API returns it. */
export type UserData = Infer<typeof userSchema>;
/** Options of `las.users.create()`. */
export type CreateUserOptions = Omit<Infer<typeof createUserSchema>, 'email'>;
/** Options of `user.update()`. */
export type UpdateUserOptions = Infer<typeof updateUserSchema>;
