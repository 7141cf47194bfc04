import { Collection, collectionOf } from './collection.js';
import { Entity, type Handle } from './entity.js';
import { entity } from './entity-metadata.js';
import { kinds } from '../api/kinds.js';
import type { ById, Ref, Refresh, Update } from './methods.js';
import type { ProfileData, UpdateProfileOptions } from '../api/profiles.js';

/** A profile: a person's own data (names, locale, picture), apart from the organizations they are a user of (2024-11-29). */
@entity(kinds.profile)
export class Profile extends Entity<ProfileData> {
  /** Loads this profile's data. `GET /profiles/{profileId}` */
  declare refresh: Refresh<this>;

  /** Updates names, locale, picture or metadata. `PATCH /profiles/{profileId}` */
  declare update: Update<this, UpdateProfileOptions>;
}

/** A handle on a profile (`ref(id)`): its id and its methods; `await handle.refresh()` gives the profile. */
export type ProfileHandle = Handle<Profile, ProfileData, 'profileId'>;

/** `las.profiles`: people's profiles (2024-11-29). */
@collectionOf(Profile)
export class Profiles extends Collection<Profile> {
  /** Gets one profile. `GET /profiles/{profileId}` */
  declare get: ById<Profile['refresh']>;

  /** Updates a profile. `PATCH /profiles/{profileId}` */
  declare update: ById<Profile['update']>;

  /** A handle on a profile by id, without a request. */
  declare ref: Ref<ProfileHandle>;
}
