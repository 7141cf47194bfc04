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
  appClient: s.id('app-client'),
  asset: s.id('asset'),
  batch: s.id('batch'),
  consent: s.id('consent'),
  dataBundle: s.id('model-data-bundle'),
  dataset: s.id('dataset'),
  document: s.id('document'),
  log: s.id('log'),
  model: s.id('model'),
  organization: s.id('organization'),
  prediction: s.id('prediction'),
  secret: s.id('secret'),
  transition,
  transitionExecution: s.id('transition-execution'),
  user: s.id('user'),
  workflow: s.id('workflow'),
  workflowExecution: s.id('workflow-execution'),
};
