/**
 * The id of every kind of entity, in the form the spec gives it: one schema per kind, used by
 * bodies, queries, path arguments and the emulator alike. All are `las:<kind>:<32 hex digits>`
 * except the transitions every organization shares, `las:transition:commons-<name>`, and the
 * forms 2024-11-29 adds: slugs (`las:model-training:<slug>`, `las:organization:<slug>`) and the
 * ids of what the service offers every organization, optionally owned by one and pinned to a
 * version (`las:organization:<org>/las:plan:<name>:@<tag>` or `:<number>`).
 */
import { s } from '../schema/index.js';

const transition = s.described(
  s.union(s.id('transition'), s.string({ pattern: /^las:transition:commons-[0-9A-Za-z-]+$/ })),
  'a transition id (las:transition:<32 hex digits> or las:transition:commons-<name>)',
);

/** An id `las:<kind>:<slug>`: lower-case letters, digits, `-` and `_`. */
function slugId(kind: string) {
  const article = /^[aeio]/.test(kind) ? 'an' : 'a';
  return s.described(s.string({ pattern: new RegExp(`^las:${kind}:[a-z0-9-_]+$`) }), `${article} ${kind} id (las:${kind}:<lower-case letters, digits, - and _>)`);
}

/** An id of what the service offers: `[las:organization:<org>/]las:<kind>:<name>[:@<tag> | :<number>]`, as the 2024-11-29 spec has it. */
function offeredId(kind: string) {
  return s.described(
    s.string({ pattern: new RegExp(`^(|las:organization:[a-z0-9-_]+/)las:${kind}:[a-z0-9-_]+(|:@[a-z0-9-_]+|:[0-9]+)$`) }),
    `a ${kind} id ([las:organization:<org>/]las:${kind}:<name>, optionally :@<tag> or :<version>)`,
  );
}

/** The schema of each kind of id. */
export const ids = {
  /** Id of an app client. */
  appClient: s.id('app-client'),
  /** Id of an asset. */
  asset: s.id('asset'),
  /** Id of a batch. */
  batch: s.id('batch'),
  /** Id of a consent. */
  consent: s.id('consent'),
  /** Id of a data bundle. */
  dataBundle: s.id('model-data-bundle'),
  /** Id of a dataset. */
  dataset: s.id('dataset'),
  /** Id of a deployment environment (2024-11-29). */
  deploymentEnvironment: offeredId('deployment-environment'),
  /** Id of a document. */
  document: s.id('document'),
  /** Id of a log. */
  log: s.id('log'),
  /** Id of a model. */
  model: s.id('model'),
  /** Id of an organization. */
  organization: s.id('organization'),
  /** Id of an organization as 2024-11-29 gives it: a slug, of which the seed's 32 hex digits are one. */
  organizationSlug: slugId('organization'),
  /** Id of a payment method (2024-11-29). */
  paymentMethod: s.id('payment-method'),
  /** Id of a plan (2024-11-29). */
  plan: offeredId('plan'),
  /** Id of a prediction. */
  prediction: s.id('prediction'),
  /** Id of a profile (2024-11-29). */
  profile: s.id('profile'),
  /** Id of a role (2024-11-29). */
  role: s.described(s.string({ pattern: /^las:role:[0-9A-Za-z-_]{1,32}$/ }), 'a role id (las:role:<1 to 32 letters, digits, - and _>)'),
  /** Id of a secret. */
  secret: s.id('secret'),
  /** Id of a training of a model (2024-11-29). */
  training: slugId('model-training'),
  /** Id of a transformation of a dataset (2024-11-29). */
  transformation: s.id('dataset-transformation'),
  /** Id of a transition (also a shared `las:transition:commons-<name>`). */
  transition,
  /** Id of a transition execution. */
  transitionExecution: s.id('transition-execution'),
  /** Id of an user. */
  user: s.id('user'),
  /** Id of a workflow. */
  workflow: s.id('workflow'),
  /** Id of a workflow execution. */
  workflowExecution: s.id('workflow-execution'),
};
