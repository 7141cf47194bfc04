/**
 * /profiles (2024-11-29): a person's own data, one per user, made with the user (./users.ts) and
 * deleted with it. The emulator's callers are app clients, which have no profile.
 */
import type { JsonObject } from '../json.js';
import type { Store } from '../store.js';
import { isoTime } from '../time.js';
import type { Serving } from './kind-routes.js';

// How many organizations a person may create: the emulator enforces none of it.
const ORGANIZATIONS_ALLOWED = 10;

/** Stores the profile of a new user with e-mail `email`; its id. */
export function createProfile(store: Store, email: string): string {
  const profileId = store.newId('profile');
  const now = isoTime();
  const data: JsonObject = {
    profileId,
    email,
    name: null,
    givenName: null,
    familyName: null,
    locale: null,
    picture: null,
    metadata: null,
    numberOfOrganizationsAllowed: ORGANIZATIONS_ALLOWED,
    numberOfOrganizationsCreated: 0,
    createdTime: now,
    updatedTime: now,
  };
  store.tables.profiles.insert(profileId, data);
  return profileId;
}

/** How profiles are served: read and changed by id (a profile has no `updatedBy`: only its person changes it). */
export const profiles: Serving = {
  table: 'profiles',
  patch: ({ store }, row, body) => {
    for (const [key, value] of Object.entries(body)) row.data[key] = value;
    row.data.updatedTime = isoTime();
    store.tables.profiles.changed();
    return row;
  },
};
