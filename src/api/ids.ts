/**
 * The id of every kind of entity, in the form the spec gives it: one schema per kind, used by
 * bodies, queries, path arguments and the emulator alike. All are `las:<kind>:<32 hex digits>`
 * except the transitions every organization shares, `las:transition:commons-<name>`.
 */
import { s } from '../schema/index.js';

const transition = s.described(
  s.union(s.id('transition'), s.string({ pattern: /^las:transition:commons-[0-9A-Za-z-]+$/ })),
  'a transition id (las:transition:<32 hex digits> or las:transition:commons-<name>)',
);

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
  /** Id of a document. */
  document: s.id('document'),
  /** Id of a log. */
  log: s.id('log'),
  /** Id of a model. */
  model: s.id('model'),
  /** Id of an organization. */
  organization: s.id('organization'),
  /** Id of a prediction. */
  prediction: s.id('prediction'),
  /** Id of a secret. */
  secret: s.id('secret'),
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
