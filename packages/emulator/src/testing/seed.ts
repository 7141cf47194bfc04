/**
 * `emu.seed(spec)`: creates what a test starts from in one call, through the SDK's own create
 * calls (so each entry takes exactly their options), and answers the ids by name.
 */
import { describeError } from 'las-sdk/errors';
import {
  API_VERSIONS,
  createAppClientSchema,
  createDataBundleSchema,
  createDatasetSchema,
  createDocumentSchema,
  createModelSchema,
  createSecretSchema,
  createTransitionSchema,
  createUserSchema,
  createWorkflowSchema,
  shapeOf,
  type ApiVersion,
  type Schema,
} from 'las-sdk/api';
import {
  PartialFailureError,
  ValidationError,
  type ContentInput,
  type CreateAppClientOptions,
  type CreateDataBundleOptions,
  type CreateDatasetOptions,
  type CreateDocumentOptions,
  type CreateModelOptions,
  type CreateSecretOptions,
  type CreateTransitionOptions,
  type CreateUserOptions,
  type CreateWorkflowOptions,
  type Las,
  type SecretValues,
  type TransitionType,
  type WorkflowSpecification,
} from 'las-sdk';

/**
 * A document of a seeded dataset: `las.documents.create(content, options)` plus a name to key it
 * by; under 2024-11-29 with its `description` and `metadata` too.
 */
// Each version's options apart: `Omit` of their union would keep only the fields both have.
export type SeedDocument = (CreateDocumentOptions extends infer Options ? (Options extends unknown ? Omit<Options, 'datasetId' | 'name'> : never) : never) & {
  /** Its key in `ids.documents`, under its dataset's: `'invoices/a.pdf'`; under 2024-11-29 its name too. */
  name: string;
  /** Bytes, a Blob, a stream, a file path or URL, or `{ base64 }`, as `las.documents.create` takes. */
  content: ContentInput;
};

/** A dataset: `las.datasets.create(options)`, with its documents. */
export type SeedDataset = CreateDatasetOptions & {
  /** Its key in `ids.datasets` (and its name). */
  name: string;
  /** Documents uploaded into it, in order. */
  documents?: SeedDocument[];
};

/** A transition: `las.transitions.create(transitionType, options)`. */
export type SeedTransition = CreateTransitionOptions & {
  /** Its key in `ids.transitions` (and its name); in a workflow's `transitions`, also its Task state's name. */
  name: string;
  /** `docker` or `manual`. */
  transitionType: TransitionType;
};

/**
 * A workflow: `las.workflows.create(specification, options)`. Give `specification` (a Task's
 * `Resource` may name a seeded transition instead of its id), or `transitions`: they are created
 * and run one after the other, each a Task state named after it.
 */
export type SeedWorkflow = CreateWorkflowOptions & {
  /** Its key in `ids.workflows` (and its name). */
  name: string;
  /** Its specification; built from `transitions` when they are given instead. */
  specification?: WorkflowSpecification;
  /** Transitions to create and chain in this order. */
  transitions?: SeedTransition[];
};

/** A model: `las.models.create(options)` (with `width` and `height` under 2021-09-23 only). */
export type SeedModel = CreateModelOptions & {
  /** Its key in `ids.models` (and its name). */
  name: string;
};

/** A data bundle: `model.dataBundles.create(options)`; `modelId` and `datasetIds` may name seeded ones. */
export type SeedDataBundle = CreateDataBundleOptions & {
  /** Its key in `ids.dataBundles` (and its name). */
  name: string;
  /** The model it is of: a seeded model's name, or an id. */
  modelId: string;
};

/** A secret: `las.secrets.create(data, options)`. */
export type SeedSecret = CreateSecretOptions & {
  /** Its key in `ids.secrets` (and its name). */
  name: string;
  /** Its values. */
  data: SecretValues;
};

/** A user: `las.users.create(email, options)`. */
export type SeedUser = CreateUserOptions & {
  /** Its key in `ids.users` (and its name). */
  name: string;
  /** Their email address. */
  email: string;
};

/** An app client: `las.appClients.create(options)`. */
export type SeedAppClient = CreateAppClientOptions & {
  /** Its key in `ids.appClients` (and its name). */
  name: string;
};

/** What {@link TestEmulator.seed} creates; each entry the SDK create call's options plus `name`. */
export interface SeedSpec {
  /** Datasets, each with its documents. */
  datasets?: SeedDataset[];
  /** Models. */
  models?: SeedModel[];
  /** Data bundles. */
  dataBundles?: SeedDataBundle[];
  /** Secrets. */
  secrets?: SeedSecret[];
  /** Users. */
  users?: SeedUser[];
  /** App clients. */
  appClients?: SeedAppClient[];
  /** Transitions on their own (those of a workflow go in its `transitions`). */
  transitions?: SeedTransition[];
  /** Workflows. */
  workflows?: SeedWorkflow[];
}

/** Ids by name of what was seeded; documents keyed `'<dataset>/<document>'`. */
export interface SeededIds {
  /** Dataset ids by name. */
  datasets: Record<string, string>;
  /** Document ids by `<dataset name>/<document name>`. */
  documents: Record<string, string>;
  /** Model ids by name. */
  models: Record<string, string>;
  /** Data bundle ids by name. */
  dataBundles: Record<string, string>;
  /** Secret ids by name. */
  secrets: Record<string, string>;
  /** User ids by name. */
  users: Record<string, string>;
  /** App client ids by name. */
  appClients: Record<string, string>;
  /** Transition ids by name (those of workflows' `transitions` included). */
  transitions: Record<string, string>;
  /** Workflow ids by name. */
  workflows: Record<string, string>;
}

const KINDS = ['datasets', 'documents', 'models', 'dataBundles', 'secrets', 'users', 'appClients', 'transitions', 'workflows'] as const;
const SPEC_KEYS = new Set<string>(KINDS.filter((kind) => kind !== 'documents'));

/** Empty ids, one record per kind (without a prototype: `toString` is a name like any other). */
export function noIds(): SeededIds {
  return Object.fromEntries(KINDS.map((kind) => [kind, Object.create(null) as Record<string, string>])) as unknown as SeededIds;
}

/** A copy of `ids`. */
export function copyIds(ids: SeededIds): SeededIds {
  const copy = noIds();
  for (const kind of KINDS) Object.assign(copy[kind], ids[kind]);
  return copy;
}

/**
 * Creates what `spec` names, in this order: datasets with their documents, models, data bundles,
 * secrets, users, app clients, transitions, workflows. Every name is checked first (a
 * {@link ValidationError}, nothing created); a create that fails ends the seed with a
 * {@link PartialFailureError} naming it and what was created before it (those stay, in `all`).
 */
export async function seed(las: Las, spec: SeedSpec, all: SeededIds, version: ApiVersion): Promise<SeededIds> {
  const ids = noIds();
  checkSpec(spec, all, version);
  let done = 0;
  const create = async (kind: keyof SeededIds, key: string, make: () => Promise<string>) => {
    try {
      const id = await make();
      ids[kind][key] = all[kind][key] = id;
      done += 1;
    } catch (error) {
      const made = KINDS.filter((name) => Object.keys(ids[name]).length > 0).map((name) => `${Object.keys(ids[name]).length} ${name}`);
      throw new PartialFailureError(
        `seed: creating ${kind} '${key}' failed (${describeError(error)}); created before it, and kept: ${made.join(', ') || 'nothing'}`,
        { cause: error, completed: done },
      );
    }
  };
  const resolve = (kind: keyof SeededIds, nameOrId: string) => all[kind][nameOrId] ?? nameOrId;
  // An entry's key is its name too where the version's body has one (a document's under 2024-11-29 only, a user's under 2021-09-23 only).
  const sent = <T extends { name?: unknown }>(kind: keyof SeededIds, entry: T): T => {
    const shape = shapeOf(BODIES[kind], version);
    if (shape.kind !== 'object' || Object.hasOwn(shape.properties, 'name')) return entry;
    const { name: _key, ...fields } = entry;
    return fields as T;
  };
  for (const { documents = [], ...options } of spec.datasets ?? []) {
    await create('datasets', options.name, async () => (await las.datasets.create(sent('datasets', options))).datasetId);
    for (const { content, ...document } of documents) {
      const fields = sent('documents', { ...document, datasetId: ids.datasets[options.name] });
      await create('documents', `${options.name}/${document.name}`, async () => (await las.documents.create(content, fields)).documentId);
    }
  }
  for (const options of spec.models ?? []) await create('models', options.name, async () => (await las.models.create(sent('models', options))).modelId);
  for (const { modelId, datasetIds, ...options } of spec.dataBundles ?? []) {
    const body = { ...options, ...(datasetIds && { datasetIds: datasetIds.map((id) => resolve('datasets', id)) }) };
    await create('dataBundles', options.name, async () => (await las.models.ref(resolve('models', modelId)).dataBundles.create(sent('dataBundles', body))).dataBundleId);
  }
  for (const { data, ...options } of spec.secrets ?? []) await create('secrets', options.name, async () => (await las.secrets.create(data, sent('secrets', options))).secretId);
  for (const { email, ...options } of spec.users ?? []) await create('users', options.name, async () => (await las.users.create(email, sent('users', options))).userId);
  for (const options of spec.appClients ?? []) await create('appClients', options.name, async () => (await las.appClients.create(sent('appClients', options))).appClientId);
  const transition = async ({ transitionType, ...options }: SeedTransition) =>
    create('transitions', options.name, async () => (await las.transitions.create(transitionType, sent('transitions', options))).transitionId);
  for (const options of spec.transitions ?? []) await transition(options);
  for (const { transitions, specification, ...options } of spec.workflows ?? []) {
    for (const options of transitions ?? []) await transition(options);
    const built = transitions ? linearSpecification(transitions, all.transitions) : withTransitionIds(specification as WorkflowSpecification, all.transitions);
    await create('workflows', options.name, async () => (await las.workflows.create(built, sent('workflows', options))).workflowId);
  }
  return ids;
}

/** One Task state per transition, named after it, each leading to the next; the last ends. */
function linearSpecification(transitions: SeedTransition[], transitionIds: Record<string, string>): WorkflowSpecification {
  const States: Record<string, unknown> = {};
  transitions.forEach(({ name }, index) => {
    const next = transitions[index + 1];
    States[name] = { Type: 'Task', Resource: transitionIds[name], ...(next ? { Next: next.name } : { End: true }) };
  });
  return { language: 'ASL', version: '1.0.0', definition: { StartAt: transitions[0].name, States } };
}

// A Task's Resource that names a seeded transition becomes its id.
function withTransitionIds(specification: WorkflowSpecification, transitionIds: Record<string, string>): WorkflowSpecification {
  const definition = specification.definition as { States?: Record<string, { Resource?: unknown }> };
  if (typeof definition?.States !== 'object' || definition.States === null) return specification;
  const States = Object.fromEntries(
    Object.entries(definition.States).map(([name, state]) => {
      const resource = state?.Resource;
      const id = typeof resource === 'string' && Object.hasOwn(transitionIds, resource) ? transitionIds[resource] : undefined;
      return [name, id ? { ...state, Resource: id } : state];
    }),
  );
  return { ...specification, definition: { ...definition, States } };
}

// The body each kind's entries become: a field of another version's shape only is refused up front.
const BODIES: Record<keyof SeededIds, Schema> = {
  datasets: createDatasetSchema,
  documents: createDocumentSchema,
  models: createModelSchema,
  dataBundles: createDataBundleSchema,
  secrets: createSecretSchema,
  users: createUserSchema,
  appClients: createAppClientSchema,
  transitions: createTransitionSchema,
  workflows: createWorkflowSchema,
};

/**
 * A {@link ValidationError} when `entry` has a field that only another API version's body of its
 * kind has (`width` of a model under 2024-11-29, a document's `metadata` under 2021-09-23). The
 * SDK's create call refuses it too, but only once the entries before it were created.
 */
function checkVersion(kind: keyof SeededIds, entry: unknown, where: string, version: ApiVersion): void {
  if (entry === null || typeof entry !== 'object') return;
  const ours = shapeOf(BODIES[kind], version);
  for (const other of API_VERSIONS) {
    const theirs = shapeOf(BODIES[kind], other);
    if (other === version || ours.kind !== 'object' || theirs.kind !== 'object') continue;
    // `name` is every entry's key, whatever the version does with it.
    const field = Object.keys(entry).find((key) => key !== 'name' && !Object.hasOwn(ours.properties, key) && Object.hasOwn(theirs.properties, key));
    // The field is a property name of the SDK's own shape: never the caller's own text.
    if (field !== undefined) {
      throw new ValidationError(`seed(spec): ${where}.${field} is a field of API version ${other}, not of ${version} (the emulator serves ${version}); nothing was created`);
    }
  }
}

// Names are checked before anything is created: every entry has one, unique in its kind (among
// all seeded so far too), no field of another API version, and a workflow has a specification or transitions.
function checkSpec(spec: SeedSpec, all: SeededIds, version: ApiVersion): void {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) throw new ValidationError('seed(spec): spec must be an object');
  for (const key of Object.keys(spec)) {
    if (!SPEC_KEYS.has(key)) throw new ValidationError(`seed(spec): unknown key ${JSON.stringify(key)}; the keys are ${[...SPEC_KEYS].join(', ')}`);
  }
  const taken = copyIds(all);
  const claim = (kind: keyof SeededIds, entry: unknown, where: string, prefix = ''): string => {
    const name = (entry as { name?: unknown } | null)?.name;
    if (typeof name !== 'string' || name === '') throw new ValidationError(`seed(spec): ${where}.name must be a non-empty string`);
    checkVersion(kind, entry, where, version);
    const key = `${prefix}${name}`;
    if (Object.hasOwn(taken[kind], key)) throw new ValidationError(`seed(spec): ${where}: ${kind} '${key}' is seeded already`);
    taken[kind][key] = '';
    return name;
  };
  const list = (kind: string): unknown[] => {
    const value = (spec as Record<string, unknown>)[kind];
    if (value !== undefined && !Array.isArray(value)) throw new ValidationError(`seed(spec): ${kind} must be an array`);
    return (value as unknown[] | undefined) ?? [];
  };
  list('datasets').forEach((dataset, i) => {
    const name = claim('datasets', dataset, `datasets[${i}]`);
    const documents = (dataset as SeedDataset).documents;
    if (documents !== undefined && !Array.isArray(documents)) throw new ValidationError(`seed(spec): datasets[${i}].documents must be an array`);
    (documents ?? []).forEach((document, j) => claim('documents', document, `datasets[${i}].documents[${j}]`, `${name}/`));
  });
  for (const kind of ['models', 'dataBundles', 'secrets', 'users', 'appClients', 'transitions'] as const) {
    list(kind).forEach((entry, i) => claim(kind, entry, `${kind}[${i}]`));
  }
  list('workflows').forEach((workflow, i) => {
    claim('workflows', workflow, `workflows[${i}]`);
    const { transitions, specification } = workflow as SeedWorkflow;
    if ((transitions === undefined) === (specification === undefined)) {
      throw new ValidationError(`seed(spec): workflows[${i}] needs a specification or transitions (one of the two)`);
    }
    if (transitions !== undefined && (!Array.isArray(transitions) || transitions.length === 0)) {
      throw new ValidationError(`seed(spec): workflows[${i}].transitions must be a non-empty array`);
    }
    (transitions ?? []).forEach((transition, j) => claim('transitions', transition, `workflows[${i}].transitions[${j}]`));
  });
}
