/** Profiles: a person's own data, apart from the organizations they are a user of (API version 2024-11-29). */
import { s, type Infer } from '../schema/index.js';
import { ids } from './ids.js';

/** What a person sets on their profile. */
const ownFields = {
  /** Full name. */
  name: s.nullable(s.text()),
  /** Given name. */
  givenName: s.nullable(s.text()),
  /** Family name. */
  familyName: s.nullable(s.text()),
  /** Language and region (`en-GB`). */
  locale: s.nullable(s.text()),
  /** URL of a picture. */
  picture: s.nullable(s.text()),
};

/** The API's shape of a profile. */
export const profileSchema = s.object({
  /** Id of the profile. */
  profileId: ids.profile,
  /** E-mail address. */
  email: s.optional(s.email()),
  /** Most organizations the person may create. */
  numberOfOrganizationsAllowed: s.optional(s.integer({ minimum: 0 })),
  /** Organizations the person has created. */
  numberOfOrganizationsCreated: s.optional(s.integer({ minimum: 0 })),
  /** When it was created. */
  createdTime: s.optional(s.nullable(s.timestamp())),
  /** When it was last changed. */
  updatedTime: s.optional(s.nullable(s.timestamp())),
  /** Full name. */
  name: s.optional(ownFields.name),
  /** Given name. */
  givenName: s.optional(ownFields.givenName),
  /** Family name. */
  familyName: s.optional(ownFields.familyName),
  /** Language and region (`en-GB`). */
  locale: s.optional(ownFields.locale),
  /** URL of a picture. */
  picture: s.optional(ownFields.picture),
  /** Your own data about it. */
  metadata: s.optional(s.nullable(s.record())),
});

/**
 * Body of PATCH /profiles/{profileId}. The 2024-11-29 spec declares no body for it; these are the
 * fields of the profile a person sets (its answer's shape without ids, counts and times).
 */
export const updateProfileSchema = s.object(
  {
    /** Full name. */
    name: s.optional(ownFields.name),
    /** Given name. */
    givenName: s.optional(ownFields.givenName),
    /** Family name. */
    familyName: s.optional(ownFields.familyName),
    /** Language and region (`en-GB`). */
    locale: s.optional(ownFields.locale),
    /** URL of a picture. */
    picture: s.optional(ownFields.picture),
    /** Your own data about it. */
    metadata: s.optional(s.nullable(s.record())),
  },
  { minProperties: 1 },
);

/** A profile's data as the API returns it. */
export type ProfileData = Infer<typeof profileSchema>;
/** Options of `profile.update()`. */
export type UpdateProfileOptions = Infer<typeof updateProfileSchema>;
