/**
 * What every collection and entity does alike, one table for all, derived from the kinds table
 * (src/api/kinds.ts): each kind's list (its query, every page), `ref()` (only the ids, nothing
 * sent), `refresh()` and `get()`, `update()` and `delete()` through the collection and on a
 * handle (exact method, path and body), and an entity's JSON being exactly the API's data. Each
 * kind's own behaviour is in its own test file.
 */
import type { Las } from '../../src/las.js';
import { EntityBase } from '../../src/resources/entity-base.js';
import { kinds, type Kind } from '../../src/api/kinds.js';
import { AppClient } from '../../src/resources/app-clients.js';
import { Asset } from '../../src/resources/assets.js';
import { Batch } from '../../src/resources/batches.js';
import { DataBundle } from '../../src/resources/data-bundles.js';
import { Dataset } from '../../src/resources/datasets.js';
import { Document } from '../../src/resources/documents.js';
import { Log } from '../../src/resources/logs.js';
import { Model } from '../../src/resources/models.js';
import { Organization } from '../../src/resources/organizations.js';
import { Prediction } from '../../src/resources/predictions.js';
import { Secret } from '../../src/resources/secrets.js';
import { TransitionExecution } from '../../src/resources/transition-executions.js';
import { Transition } from '../../src/resources/transitions.js';
import { User } from '../../src/resources/users.js';
import { WorkflowExecution } from '../../src/resources/workflow-executions.js';
import { Workflow } from '../../src/resources/workflows.js';
import { DeploymentEnvironment } from '../../src/resources/deployment-environments.js';
import { PaymentMethod } from '../../src/resources/payment-methods.js';
import { Plan } from '../../src/resources/plans.js';
import { Profile } from '../../src/resources/profiles.js';
import { Role } from '../../src/resources/roles.js';
import { Training } from '../../src/resources/trainings.js';
import { Transformation } from '../../src/resources/transformations.js';
import { versionProblem } from '../../src/api/versions/index.js';
import { api, captureBody, fixture, testLas, useApiMock } from '../helpers/index.js';

type Data = Record<string, string>;
type Method = (...args: unknown[]) => Promise<EntityBase>;
/** A collection as far as this file uses it. */
interface AnyCollection {
  list: (options?: object) => AsyncIterable<EntityBase> & PromiseLike<{ items: EntityBase[]; hasNextPage(): boolean }>;
  ref: (id: string) => EntityBase & Record<'refresh' | 'update' | 'delete', Method>;
  get: Method;
  update: Method;
  delete: Method;
}

/** What the kinds table does not say of a kind: its class, and the arguments of an update with the body they send. */
interface Case {
  cls: abstract new () => EntityBase;
  update?: [args: unknown[], body: object];
}

const renamed: Case['update'] = [[{ name: 'Renamed', description: undefined }], { name: 'Renamed' }];
const transitionId = fixture<Data>('transition').transitionId;
// One line per kind; the compiler insists every kind of the table has its line.
const CASES: Record<keyof typeof kinds, Case> = {
  appClient: { cls: AppClient, update: renamed },
  asset: { cls: Asset, update: renamed },
  batch: { cls: Batch, update: renamed },
  dataBundle: { cls: DataBundle, update: renamed },
  dataset: { cls: Dataset, update: renamed },
  deploymentEnvironment: { cls: DeploymentEnvironment },
  document: { cls: Document, update: [[{ datasetId: fixture<Data>('dataset').datasetId }], { datasetId: fixture<Data>('dataset').datasetId }] },
  log: { cls: Log },
  model: { cls: Model, update: renamed },
  organization: { cls: Organization, update: renamed },
  paymentMethod: { cls: PaymentMethod, update: renamed },
  plan: { cls: Plan },
  prediction: { cls: Prediction },
  profile: { cls: Profile, update: [[{ givenName: 'Kari', locale: undefined }], { givenName: 'Kari' }] },
  role: { cls: Role },
  secret: { cls: Secret, update: renamed },
  training: { cls: Training, update: renamed },
  transformation: { cls: Transformation },
  transition: { cls: Transition, update: renamed },
  transitionExecution: { cls: TransitionExecution, update: [['retry', {}], { status: 'retry' }] },
  user: { cls: User, update: [[{ name: 'Kari N.', avatar: undefined }], { name: 'Kari N.' }] },
  workflowExecution: { cls: WorkflowExecution, update: [[{ nextTransitionId: transitionId }], { nextTransitionId: transitionId }] },
  workflow: { cls: Workflow, update: renamed },
};

interface Row extends Case {
  kind: Kind;
  /** What the test names it: `workflows`, `workflow.executions`. */
  name: string;
  data: Data;
  collection: (las: Las) => AnyCollection;
  /** The collection's path and one entity's path, ids URL-encoded. */
  listPath: string;
  path: string;
}

const e = encodeURIComponent;
const fill = (template: string, data: Data) => template.replace(/\{(\w+)\}/g, (_match, field: string) => e(data[field]));
const ROWS: Row[] = Object.entries(CASES).map(([name, entry]) => {
  const kind: Kind = kinds[name as keyof typeof kinds];
  const data = fixture<Data>(name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`));
  const parent = kind.parent === undefined ? undefined : (kinds as Record<string, Kind>)[kind.parent];
  const collection = (las: Las): AnyCollection => {
    const owner = parent ? (las[parent.collection as keyof Las] as unknown as AnyCollection).ref(data[parent.idField]) : las;
    return owner[kind.collection as keyof typeof owner] as unknown as AnyCollection;
  };
  const listPath = fill(kind.path, data);
  return { ...entry, kind, name: parent ? `${parent.name}.${kind.collection}` : kind.collection, data, collection, listPath, path: `${listPath}/${e(data[kind.idField])}` };
});

/** The ids a handle holds: the parent's, then its own. */
const idsOf = ({ kind, data }: Row) => Object.fromEntries([...kind.path.matchAll(/\{(\w+)\}/g)].map(([, field]) => field).concat(kind.idField).map((key) => [key, data[key]]));
const has = (method: 'get' | 'update' | 'delete') => ROWS.filter((row) => row.kind.methods.includes(method)).map((row) => [row.name, row] as const);
const listed = ROWS.filter((row) => row.kind.list).map((row) => [row.name, row] as const);
const referable = ROWS.filter((row) => row.kind.methods.length > 0).map((row) => [row.name, row] as const);

/** `entity` is an instance of the row's class holding exactly `data`, its timestamps as Dates of the same instant. */
function expectEntity(entity: EntityBase, { cls, kind }: Row, data: Data): void {
  expect(entity).toBeInstanceOf(cls);
  expect(entity.id).toBe(data[kind.idField]);
  expect(JSON.parse(JSON.stringify(entity))).toEqual(data);
  for (const [key, value] of Object.entries(data)) {
    if (!key.endsWith('Time') || typeof value !== 'string') continue;
    const field = (entity as unknown as Record<string, unknown>)[key];
    expect(field).toBeInstanceOf(Date);
    expect((field as Date).getTime()).toBe(instant(value));
  }
}

/** The instant of a timestamp as the fixtures write them: ISO 8601, or its basic form (`20211001T101010Z`). */
function instant(text: string): number {
  const basic = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)(Z|[+-]\d\d)(\d\d)?$/.exec(text);
  return Date.parse(basic ? `${basic[1]}-${basic[2]}-${basic[3]}T${basic[4]}:${basic[5]}:${basic[6]}${basic[7]}${basic[8] ? `:${basic[8]}` : ''}` : text);
}

describe('every collection and entity', () => {
  useApiMock();
  const clients = { '2021-09-23': testLas(), '2024-11-29': testLas({ apiVersion: '2024-11-29' }) };
  /** A client of the seed's version, unless only 2024-11-29 has the operation (then of that one). */
  const clientFor = (method: string, path: string): Las => clients[versionProblem('2021-09-23', { method, path }) ? '2024-11-29' : '2021-09-23'];
  const lister = (row: Row) => clientFor('GET', row.listPath);

  test.each(listed)('%s: list GETs its path with maxResults and nextToken and builds its entities', async (_name, row) => {
    api().get(row.listPath).query({ maxResults: '2', nextToken: 'abc' }).reply(200, { [row.kind.list!.key]: [row.data], nextToken: null });
    const page = await row.collection(lister(row)).list({ maxResults: 2, nextToken: 'abc' });
    expect(page.items).toHaveLength(1);
    expectEntity(page.items[0], row, row.data);
    expect(page.hasNextPage()).toBe(false);
  });

  test.each(listed)('%s: for await walks every page', async (_name, row) => {
    const first = row.data;
    const second = { ...first, [row.kind.idField]: first[row.kind.idField].replace(/[0-9a-f]{32}$/, 'f'.repeat(32)) };
    const key = row.kind.list!.key;
    api().get(row.listPath).query({}).reply(200, { [key]: [first], nextToken: 'page-2' });
    api().get(row.listPath).query({ nextToken: 'page-2' }).reply(200, { [key]: [second], nextToken: null });

    const seen: EntityBase[] = [];
    for await (const item of row.collection(lister(row)).list()) seen.push(item);

    expect(seen.map((item) => item.id)).toEqual([first[row.kind.idField], second[row.kind.idField]]);
    expect(seen.every((item) => item instanceof row.cls)).toBe(true);
  });

  test.each(referable)('%s: ref holds only its ids and sends nothing', (_name, row) => {
    const handle = row.collection(clients['2021-09-23']).ref(row.data[row.kind.idField]);
    expect(handle).toBeInstanceOf(row.cls);
    expect(handle.id).toBe(row.data[row.kind.idField]);
    expect(JSON.parse(JSON.stringify(handle))).toEqual(idsOf(row));
  });

  test.each(has('get'))('%s: refresh on a ref loads its data into the handle', async (_name, row) => {
    api().get(row.path).reply(200, row.data);
    const handle = row.collection(clientFor('GET', row.path)).ref(row.data[row.kind.idField]);
    const loaded = await handle.refresh();
    expect(loaded).toBe(handle);
    expectEntity(loaded, row, row.data);
  });

  test.each(has('get'))('%s: get GETs the entity by its URL-encoded ids', async (_name, row) => {
    api().get(row.path).reply(200, row.data);
    expectEntity(await row.collection(clientFor('GET', row.path)).get(row.data[row.kind.idField]), row, row.data);
  });

  test.each(has('update').flatMap(([name, row]) => [[`${name} (collection)`, row, 'collection'] as const, [`${name} (instance)`, row, 'instance'] as const]))(
    '%s: update PATCHes exactly the given fields and takes the answer as its data',
    async (_name, row, form) => {
      const [args, body] = row.update!;
      const answer = { ...row.data, ...body };
      const sent: { body?: unknown } = {};
      api().patch(row.path, captureBody(sent)).matchHeader('content-type', 'application/json').reply(200, answer);
      const id = row.data[row.kind.idField];
      const las = clientFor('PATCH', row.path);
      const updated = form === 'collection' ? await row.collection(las).update(id, ...args) : await row.collection(las).ref(id).update(...args);
      expect(sent.body).toEqual(body);
      expectEntity(updated, row, answer);
    },
  );

  test.each(has('delete').flatMap(([name, row]) => [[`${name} (collection)`, row, 'collection'] as const, [`${name} (instance)`, row, 'instance'] as const]))(
    '%s: delete DELETEs the entity and returns it',
    async (_name, row, form) => {
      api().delete(row.path).reply(200, row.data);
      const id = row.data[row.kind.idField];
      const las = clientFor('DELETE', row.path);
      const deleted = form === 'collection' ? await row.collection(las).delete(id) : await row.collection(las).ref(id).delete();
      expectEntity(deleted, row, row.data);
    },
  );

  test.each(ROWS.filter((row) => row.kind.list || row.kind.methods.includes('get')).map((row) => [row.name, row] as const))(
    '%s: JSON.stringify round-trips to the API data, and nothing but its data is an own key',
    async (_name, row) => {
      const d = row.data;
      let entity: object;
      if (row.kind.methods.includes('get')) {
        api().get(row.path).reply(200, d);
        entity = await row.collection(clientFor('GET', row.path)).ref(d[row.kind.idField]).refresh();
      } else {
        api().get(row.listPath).query({}).reply(200, { [row.kind.list!.key]: [d], nextToken: null });
        const items: EntityBase[] = [];
        for await (const item of row.collection(lister(row)).list()) items.push(item);
        [entity] = items;
      }
      expect(JSON.parse(JSON.stringify(entity))).toEqual(d);
      expect(Object.keys(entity).sort()).toEqual(Object.keys(d).sort());
    },
  );
});
