/**
 * What the specs cannot say of a call or field one version has and the other lacks: when the
 * service removed it and what to use instead, from the service's changelog (the REST API page of
 * the Cradl docs). Which calls and fields each version has comes from the specs (spec-facts.generated.ts).
 */

/** Why a call or field is gone, and what replaced it. */
export interface Change {
  /** The changelog's date of its removal, when it gives one. */
  readonly removed?: string;
  /** What to use instead. */
  readonly instead: string;
}

const BATCHES: Change = { removed: '2021-10-12', instead: 'group documents by dataset (las.datasets, and datasetId on documents)' };

/** Removed calls, by the first segment of their path (`/batches`). */
export const REMOVED_CALLS: Readonly<Record<string, Change>> = {
  '/batches': BATCHES,
};

const MODEL_SIZE: Change = { removed: '2023-03-23', instead: 'leave it out: the service sizes the pages itself' };
const USER_PROFILE: Change = { removed: '2023-09-07', instead: 'a profile (/profiles) holds it' };
const TRANSITION_PARAMETER = (field: string): Change => ({ removed: '2022-12-16', instead: `parameters.${field}` });

/** Removed or replaced body fields, by operation (`METHOD /path/{param}`), then field. */
export const REMOVED_FIELDS: Readonly<Record<string, Readonly<Record<string, Change>>>> = {
  'POST /documents': { batchId: BATCHES },
  'POST /models': { width: MODEL_SIZE, height: MODEL_SIZE },
  'PATCH /models/{modelId}': {
    width: MODEL_SIZE,
    height: MODEL_SIZE,
    status: { instead: 'trainingId: the training the model predicts with (null makes it inactive)' },
  },
  'PATCH /transitions/{transitionId}': {
    assets: TRANSITION_PARAMETER('assets'),
    environment: TRANSITION_PARAMETER('environment'),
    environmentSecrets: TRANSITION_PARAMETER('environmentSecrets'),
  },
  'POST /users': { name: USER_PROFILE, avatar: USER_PROFILE },
  'PATCH /users/{userId}': { name: USER_PROFILE, avatar: USER_PROFILE },
};
