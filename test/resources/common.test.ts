/**
 * What every collection and entity does alike, one table for all: `for await` walks every page,
 * `ref()` holds only the ids and sends nothing, `refresh()` on a handle loads it in place, and an
 * entity's JSON is exactly the API's data. Each kind's own behaviour is in its own test file.
 */
import type { Las } from '../../src/las.js';
import { EntityBase } from '../../src/resources/entity-base.js';
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
import { api, fixture, testLas, useApiMock } from '../helpers/index.js';

/** A collection as far as this file uses it. */
interface AnyCollection {
  list?: () => AsyncIterable<EntityBase>;
  ref?: (id: string) => { readonly id: string; refresh?: () => Promise<object> };
}

interface Kind {
  /** The collection, as the test names it. */
  name: string;
  cls: abstract new () => EntityBase;
  /** Its fixture in test/fixtures/, the API's answer for one entity. */
  fixture: string;
  /** The field of its own id. */
  idField: string;
  /** The ids of its parent, which its handles hold too. */
  parent?: string[];
  collection: (las: Las, data: Record<string, string>) => AnyCollection;
  /** The list's path and the key of its items; none when the API lists none. */
  list?: [path: (data: Record<string, string>) => string, key: string];
  /** The entity's own path, when it has `refresh()`. */
  path?: (data: Record<string, string>) => string;
}

const e = encodeURIComponent;
const KINDS: Kind[] = [
  { name: 'appClients', cls: AppClient, fixture: 'app-client', idField: 'appClientId', collection: (las) => las.appClients, list: [() => '/appClients', 'appClients'] },
  { name: 'assets', cls: Asset, fixture: 'asset', idField: 'assetId', collection: (las) => las.assets, list: [() => '/assets', 'assets'], path: (d) => `/assets/${e(d.assetId)}` },
  { name: 'batches', cls: Batch, fixture: 'batch', idField: 'batchId', collection: (las) => las.batches, list: [() => '/batches', 'batches'] },
  {
    name: 'model.dataBundles',
    cls: DataBundle,
    fixture: 'data-bundle',
    idField: 'dataBundleId',
    parent: ['modelId'],
    collection: (las, d) => las.models.ref(d.modelId).dataBundles,
    list: [(d) => `/models/${e(d.modelId)}/dataBundles`, 'dataBundles'],
  },
  { name: 'datasets', cls: Dataset, fixture: 'dataset', idField: 'datasetId', collection: (las) => las.datasets, list: [() => '/datasets', 'datasets'], path: (d) => `/datasets/${e(d.datasetId)}` },
  { name: 'documents', cls: Document, fixture: 'document', idField: 'documentId', collection: (las) => las.documents, list: [() => '/documents', 'documents'], path: (d) => `/documents/${e(d.documentId)}` },
  { name: 'logs', cls: Log, fixture: 'log', idField: 'logId', collection: (las) => las.logs, list: [() => '/logs', 'logs'], path: (d) => `/logs/${e(d.logId)}` },
  { name: 'models', cls: Model, fixture: 'model', idField: 'modelId', collection: (las) => las.models, list: [() => '/models', 'models'], path: (d) => `/models/${e(d.modelId)}` },
  { name: 'organizations', cls: Organization, fixture: 'organization', idField: 'organizationId', collection: (las) => las.organizations, path: (d) => `/organizations/${e(d.organizationId)}` },
  { name: 'predictions', cls: Prediction, fixture: 'prediction', idField: 'predictionId', collection: (las) => las.predictions, list: [() => '/predictions', 'predictions'] },
  { name: 'secrets', cls: Secret, fixture: 'secret', idField: 'secretId', collection: (las) => las.secrets, list: [() => '/secrets', 'secrets'] },
  {
    name: 'transition.executions',
    cls: TransitionExecution,
    fixture: 'transition-execution',
    idField: 'executionId',
    parent: ['transitionId'],
    collection: (las, d) => las.transitions.ref(d.transitionId).executions,
    list: [(d) => `/transitions/${e(d.transitionId)}/executions`, 'executions'],
    path: (d) => `/transitions/${e(d.transitionId)}/executions/${e(d.executionId)}`,
  },
  { name: 'transitions', cls: Transition, fixture: 'transition', idField: 'transitionId', collection: (las) => las.transitions, list: [() => '/transitions', 'transitions'], path: (d) => `/transitions/${e(d.transitionId)}` },
  { name: 'users', cls: User, fixture: 'user', idField: 'userId', collection: (las) => las.users, list: [() => '/users', 'users'], path: (d) => `/users/${e(d.userId)}` },
  {
    name: 'workflow.executions',
    cls: WorkflowExecution,
    fixture: 'workflow-execution',
    idField: 'executionId',
    parent: ['workflowId'],
    collection: (las, d) => las.workflows.ref(d.workflowId).executions,
    list: [(d) => `/workflows/${e(d.workflowId)}/executions`, 'executions'],
    path: (d) => `/workflows/${e(d.workflowId)}/executions/${e(d.executionId)}`,
  },
  { name: 'workflows', cls: Workflow, fixture: 'workflow', idField: 'workflowId', collection: (las) => las.workflows, list: [() => '/workflows', 'workflows'], path: (d) => `/workflows/${e(d.workflowId)}` },
];

const data = (kind: Kind) => fixture(kind.fixture) as Record<string, string>;
/** The ids a handle holds: the parent's, then its own. */
const idsOf = (kind: Kind, d: Record<string, string>) => Object.fromEntries([...(kind.parent ?? []), kind.idField].map((key) => [key, d[key]]));

describe('every collection and entity', () => {
  useApiMock();
  const las = testLas();
  const listed = KINDS.filter((kind) => kind.list);

  test.each(listed.map((kind) => [kind.name, kind]))('%s: for await walks every page', async (_name, kind) => {
    const first = data(kind);
    const second = { ...first, [kind.idField]: first[kind.idField].replace(/[0-9a-f]{32}$/, 'f'.repeat(32)) };
    const [path, key] = kind.list!;
    api().get(path(first)).query({}).reply(200, { [key]: [first], nextToken: 'page-2' });
    api().get(path(first)).query({ nextToken: 'page-2' }).reply(200, { [key]: [second], nextToken: null });

    const seen: EntityBase[] = [];
    for await (const item of kind.collection(las, first).list!()) seen.push(item);

    expect(seen.map((item) => item.id)).toEqual([first[kind.idField], second[kind.idField]]);
    expect(seen.every((item) => item instanceof kind.cls)).toBe(true);
  });

  test.each(KINDS.filter((kind) => kind.collection(las, data(kind)).ref).map((kind) => [kind.name, kind]))(
    '%s: ref holds only its ids and sends nothing',
    (_name, kind) => {
      const d = data(kind);
      const handle = kind.collection(las, d).ref!(d[kind.idField]);
      expect(handle).toBeInstanceOf(kind.cls);
      expect(handle.id).toBe(d[kind.idField]);
      expect(JSON.parse(JSON.stringify(handle))).toEqual(idsOf(kind, d));
    },
  );

  test.each(KINDS.filter((kind) => kind.path).map((kind) => [kind.name, kind]))('%s: refresh on a ref loads its data into the handle', async (_name, kind) => {
    const d = data(kind);
    api().get(kind.path!(d)).reply(200, d);
    const handle = kind.collection(las, d).ref!(d[kind.idField]);
    const loaded = await handle.refresh!();
    expect(loaded).toBe(handle);
    expect(JSON.parse(JSON.stringify(loaded))).toEqual(d);
  });

  test.each(KINDS.filter((kind) => kind.list || kind.path).map((kind) => [kind.name, kind]))(
    '%s: JSON.stringify round-trips to the API data, and nothing but its data is an own key',
    async (_name, kind) => {
      const d = data(kind);
      let entity: object;
      if (kind.path) {
        api().get(kind.path(d)).reply(200, d);
        entity = await kind.collection(las, d).ref!(d[kind.idField]).refresh!();
      } else {
        const [path, key] = kind.list!;
        api().get(path(d)).query({}).reply(200, { [key]: [d], nextToken: null });
        const items: EntityBase[] = [];
        for await (const item of kind.collection(las, d).list!()) items.push(item);
        [entity] = items;
      }
      expect(JSON.parse(JSON.stringify(entity))).toEqual(d);
      expect(Object.keys(entity).sort()).toEqual(Object.keys(d).sort());
    },
  );
});
