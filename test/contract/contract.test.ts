/**
 * Contract suite: the SDK's real requests, through its public API only, go to Stoplight Prism
 * serving the spec (the facts-only copy, see test/helpers/spec.ts), which rejects any request the
 * spec does not allow (400 + `sl-violations`). Every operation is called with minimal arguments
 * and with every option set; what comes back must be hydrated entities. The last test checks that
 * every operation of the spec was exercised.
 */
import {
  AppClient,
  Asset,
  Batch,
  DataBundle,
  Dataset,
  Document,
  Las,
  Log,
  Model,
  Organization,
  Page,
  Prediction,
  Secret,
  Timestamp,
  Transition,
  TransitionExecution,
  User,
  Workflow,
  WorkflowExecution,
  type Entity,
} from '../../src/index.js';
import type { Schema } from '../../src/schema/index.js';
import { entityMetadata } from '../../src/resources/entity-metadata.js';
import { startPrism, type Prism } from './prism.js';
import { Recorder, describeRejections, isRejected } from './recorder.js';
import { SPEC_PATH, matchOperation, operationsOf, specOperations } from '../helpers/spec.js';

describe('contract harness', () => {
  const operations = operationsOf({
    paths: {
      '/documents': { get: {}, delete: {}, options: {} },
      '/documents/{documentId}': { get: {} },
      '/transitions/{transitionId}/executions/{executionId}': { patch: {} },
      '/transitions/{transitionId}/executions/{executionId}/heartbeats': { post: {} },
    },
  });

  test('reads every operation of a spec but the CORS preflight stubs', () => {
    expect(operations.map((o) => o.key)).toEqual([
      'DELETE /documents',
      'GET /documents',
      'GET /documents/{documentId}',
      'PATCH /transitions/{transitionId}/executions/{executionId}',
      'POST /transitions/{transitionId}/executions/{executionId}/heartbeats',
    ]);
  });

  test('matches a request path, percent-encoded ids included, to its operation', () => {
    const match = (method: string, path: string) => matchOperation(operations, method, path)?.key;
    expect(match('GET', '/documents/las%3Adocument%3Aabc')).toBe('GET /documents/{documentId}');
    expect(match('GET', '/documents')).toBe('GET /documents');
    expect(match('POST', '/transitions/t/executions/e/heartbeats')).toBe(
      'POST /transitions/{transitionId}/executions/{executionId}/heartbeats',
    );
    expect(match('PATCH', '/transitions/t/executions/e')).toBe('PATCH /transitions/{transitionId}/executions/{executionId}');
    expect(match('POST', '/documents')).toBeUndefined();
    expect(match('GET', '/documents//')).toBeUndefined();
    expect(match('GET', '/batches/x')).toBeUndefined();
  });
});

describe('the SDK against the spec (Prism)', defineContractTests);

function defineContractTests(): void {
  const operations = specOperations();
  const recorder = new Recorder(operations);
  const invalidTimestamps: string[] = [];
  let prism: Prism | undefined;
  let las: Las;

  // Ids of the spec's form for arguments; Prism does not check that they exist.
  const hex = (seed: string) => seed.repeat(32).slice(0, 32);
  const ID = {
    appClient: `las:app-client:${hex('a1')}`,
    asset: `las:asset:${hex('a2')}`,
    batch: `las:batch:${hex('b1')}`,
    batch2: `las:batch:${hex('b2')}`,
    consent: `las:consent:${hex('c1')}`,
    consent2: `las:consent:${hex('c2')}`,
    dataset: `las:dataset:${hex('d1')}`,
    dataset2: `las:dataset:${hex('d2')}`,
    document: `las:document:${hex('d3')}`,
    log: `las:log:${hex('e1')}`,
    model: `las:model:${hex('f1')}`,
    dataBundle: `las:model-data-bundle:${hex('f2')}`,
    organization: `las:organization:${hex('0a')}`,
    secret: `las:secret:${hex('5e')}`,
    transition: `las:transition:${hex('7a')}`,
    transitionExecution: `las:transition-execution:${hex('7b')}`,
    transitionExecution2: `las:transition-execution:${hex('7c')}`,
    user: `las:user:${hex('0b')}`,
    workflow: `las:workflow:${hex('9a')}`,
    workflowExecution: `las:workflow-execution:${hex('9b')}`,
    workflowExecution2: `las:workflow-execution:${hex('9c')}`,
  };
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  const inSchema = { type: 'object', properties: { documentId: { type: 'string' } }, required: ['documentId'] };
  const outSchema = { type: 'object', properties: { total: { type: 'string' } } };
  const fieldConfig = { total_amount: { type: 'amount' as const, maxLength: 12 }, due_date: { type: 'date' as const, maxLength: 10 } };
  // The spec lets each field carry a description (nullable string): the every-option calls send one.
  const describedFields = {
    total_amount: { type: 'amount' as const, maxLength: 12, description: 'Total including VAT' },
    due_date: { type: 'date' as const, maxLength: 10, description: null },
  };
  const preprocessConfig = { maxPages: 2, autoRotate: true, imageQuality: 'HIGH' as const };
  const definition = {
    StartAt: 'review',
    States: { review: { Type: 'Task', Resource: ID.transition, End: true } },
  };

  beforeAll(async () => {
    prism = await startPrism({ spec: SPEC_PATH, seed: 1 });
    las = new Las({
      apiEndpoint: prism.url,
      tokenProvider: { getAccessToken: async () => 'contract-suite-token' },
      fetch: recorder.fetch,
      maxRetries: 0,
      timeout: 15_000,
    });
  }, 60_000);

  afterAll(async () => {
    await prism?.stop();
  });

  /**
   * A test whose requests must all be accepted: any non-2xx answer fails it with Prism's
   * `sl-violations`, even when the SDK did not throw (a retried or refreshed request).
   */
  function contract(name: string, body: () => Promise<void>): void {
    test(name, async () => {
      const mark = recorder.mark();
      let failure: unknown;
      try {
        await body();
      } catch (error) {
        failure = error;
      }
      const rejected = recorder.since(mark).filter(isRejected);
      if (rejected.length > 0) {
        const then = failure === undefined ? '' : `\nThe test then failed with: ${failure instanceof Error ? failure.message : String(failure)}`;
        throw new Error(`Prism rejected ${rejected.length} request(s) of "${name}":\n${describeRejections(rejected)}${then}`);
      }
      if (failure !== undefined) {
        const sent = recorder.since(mark).map((e) => `${e.method} ${e.pathname}${e.query.size ? `?${e.query}` : ''} -> ${e.status}`);
        if (failure instanceof Error) failure.message += `\nRequests of this test:\n${sent.join('\n') || '(none)'}`;
        throw failure;
      }
    });
  }

  type EntityClass<E extends Entity> = new () => E;
  const KINDS = new Map<EntityClass<Entity>, string>([
    [AppClient, 'app-client'],
    [Asset, 'asset'],
    [Batch, 'batch'],
    [Dataset, 'dataset'],
    [Document, 'document'],
    [Log, 'log'],
    [Model, 'model'],
    [DataBundle, 'model-data-bundle'],
    [Organization, 'organization'],
    [Prediction, 'prediction'],
    [Secret, 'secret'],
    [Transition, 'transition'],
    [TransitionExecution, 'transition-execution'],
    [User, 'user'],
    [Workflow, 'workflow'],
    [WorkflowExecution, 'workflow-execution'],
  ]);

  function idPattern(kind: string): RegExp {
    // The spec lets a transition id name a shared ("commons") transition instead of a hex id.
    return kind === 'transition' ? /^las:transition:([a-f0-9]{32}|commons-[0-9A-Za-z-]+)$/ : new RegExp(`^las:${kind}:[a-f0-9]{32}$`);
  }

  /** The JSON body of the newest answer. */
  function lastWire(): unknown {
    return JSON.parse(recorder.last().responseBody);
  }

  /**
   * `value` is a hydrated `cls`: the right class, an id of the spec's form, every timestamp a
   * `Timestamp` (a Date; an invalid one for an impossible date, never a throw) that keeps the
   * wire text, and `JSON.stringify` giving back exactly the API's data.
   */
  function expectEntity<E extends Entity>(value: E, cls: EntityClass<E>, wire: unknown = lastWire()): E {
    const kind = KINDS.get(cls);
    if (!kind) throw new Error(`no id kind for ${cls.name}`);
    expect(value).toBeInstanceOf(cls);
    expect(value.id).toMatch(idPattern(kind));
    expectTimestamps(entityMetadata(cls).schema.properties, value as unknown as Record<string, unknown>, cls.name);
    expect(JSON.parse(JSON.stringify(value))).toEqual(wire);
    return value;
  }

  /** `page` is the first page of a list answer: its items hydrated, its token the answer's. */
  function expectPage<E extends Entity>(page: Page<E>, cls: EntityClass<E>, key: string): Page<E> {
    const wire = lastWire() as Record<string, unknown>;
    expect(page).toBeInstanceOf(Page);
    const items = wire[key] as unknown[];
    expect(page.items).toHaveLength(items.length);
    page.items.forEach((item, i) => expectEntity(item, cls, items[i]));
    expect(page.nextToken).toBe(wire.nextToken ?? undefined);
    return page;
  }

  function expectTimestamps(properties: Record<string, Schema>, data: Record<string, unknown>, where: string): void {
    for (const [key, schema] of Object.entries(properties)) expectTimestamp(schema, data[key], `${where}.${key}`);
  }

  function expectTimestamp(schema: Schema, value: unknown, where: string): void {
    if (value === null || value === undefined) return;
    switch (schema.kind) {
      case 'optional':
      case 'nullable':
        return expectTimestamp(schema.inner, value, where);
      case 'array':
        if (Array.isArray(value)) value.forEach((item, i) => expectTimestamp(schema.items, item, `${where}[${i}]`));
        return;
      case 'object':
        if (typeof value === 'object') expectTimestamps(schema.properties, value as Record<string, unknown>, where);
        return;
      case 'timestamp': {
        expect(value).toBeInstanceOf(Timestamp);
        const time = value as Timestamp;
        expect(typeof time.raw).toBe('string');
        expect(time.toJSON()).toBe(time.raw);
        if (Number.isNaN(time.getTime())) invalidTimestamps.push(`${where} = ${JSON.stringify(time.raw)}`);
        return;
      }
      default:
        return;
    }
  }

  /** The query of the newest request, one entry per key with every value. */
  function lastQuery(): Record<string, string[]> {
    const query = recorder.last().query;
    return Object.fromEntries([...new Set(query.keys())].map((key) => [key, query.getAll(key)]));
  }

  function lastBody(): unknown {
    return JSON.parse(recorder.last().requestBody);
  }

  describe('app clients', () => {
    contract('minimal arguments', async () => {
      expectEntity(await las.appClients.create(), AppClient);
      expect(lastBody()).toEqual({});
      expectPage(await las.appClients.list(), AppClient, 'appClients');
      expectEntity(await las.appClients.update(ID.appClient, { name: 'Invoice portal' }), AppClient);
      expectEntity(await las.appClients.delete(ID.appClient), AppClient);
    });

    contract('every option', async () => {
      const created = await las.appClients.create({
        generateSecret: true,
        logoutUrls: ['https://portal.example.com/logout'],
        callbackUrls: ['https://portal.example.com/callback', 'http://localhost:3000/callback'],
        loginUrls: ['https://portal.example.com/login'],
        defaultLoginUrl: 'https://portal.example.com/login',
        name: 'Invoice portal',
        description: 'Login page of the invoice portal',
      });
      expectEntity(created, AppClient);
      expectPage(await las.appClients.list({ maxResults: 5, nextToken: 'next-page' }), AppClient, 'appClients');
      expect(lastQuery()).toEqual({ maxResults: ['5'], nextToken: ['next-page'] });
      const updated = await las.appClients.update(ID.appClient, {
        name: 'Invoice portal',
        description: 'Renamed',
        loginUrls: ['https://portal.example.com/login'],
        defaultLoginUrl: 'https://portal.example.com/login',
      });
      expectEntity(updated, AppClient);
      expectEntity(await updated.update({ description: 'Through the instance' }), AppClient);
      expectEntity(await las.appClients.ref(ID.appClient).delete(), AppClient);
    });
  });

  describe('assets', () => {
    contract('minimal arguments', async () => {
      expectEntity(await las.assets.create(Buffer.from('export default () => null;\n')), Asset);
      expectPage(await las.assets.list(), Asset, 'assets');
      expectEntity(await las.assets.get(ID.asset), Asset);
      expectEntity(await las.assets.update(ID.asset, { name: 'Review UI' }), Asset);
      expectEntity(await las.assets.delete(ID.asset), Asset);
    });

    contract('every option', async () => {
      const created = await las.assets.create({ base64: Buffer.from('<html></html>').toString('base64') }, {
        name: 'Review UI',
        description: 'The remote component of the review step',
      });
      expectEntity(created, Asset);
      expectPage(await las.assets.list({ maxResults: 2, nextToken: 'next-page' }), Asset, 'assets');
      const updated = await las.assets.update(ID.asset, { content: new Uint8Array([1, 2, 3]), name: 'Review UI v2', description: 'New build' });
      expectEntity(updated, Asset);
      expect(lastBody()).toEqual({ content: 'AQID', name: 'Review UI v2', description: 'New build' });
      expectEntity(await updated.update({ description: 'Through the instance' }), Asset);
      expectEntity(await updated.delete(), Asset);
    });
  });

  describe('batches', () => {
    contract('minimal arguments', async () => {
      expectEntity(await las.batches.create(), Batch);
      expectPage(await las.batches.list(), Batch, 'batches');
      expectEntity(await las.batches.update(ID.batch, { name: 'March' }), Batch);
      expectEntity(await las.batches.delete(ID.batch), Batch);
    });

    contract('every option, delete with deleteDocuments', async () => {
      const created = await las.batches.create({ name: 'March', description: 'Invoices of March', containsPersonallyIdentifiableInformation: true });
      expectEntity(created, Batch);
      expectPage(await las.batches.list({ maxResults: 3, nextToken: 'next-page' }), Batch, 'batches');
      expectEntity(await las.batches.update(ID.batch, { name: 'March', description: 'Invoices of March 2024' }), Batch);
      const mark = recorder.mark();
      const deleted = await las.batches.delete(ID.batch, { deleteDocuments: true });
      expectEntity(deleted, Batch);
      const sent = recorder.since(mark);
      expect(sent.at(-1)?.operation).toBe('DELETE /batches/{batchId}');
      expect(sent.slice(0, -1).map((e) => e.operation)).toEqual(sent.slice(0, -1).map(() => 'DELETE /documents'));
      expect(sent.length).toBeGreaterThan(1);
      expect(sent[0].query.getAll('batchId')).toEqual([ID.batch]);
    });
  });

  describe('datasets', () => {
    contract('minimal arguments', async () => {
      expectEntity(await las.datasets.create(), Dataset);
      const page = expectPage(await las.datasets.list(), Dataset, 'datasets');
      if (page.hasNextPage()) {
        expectPage(await page.nextPage(), Dataset, 'datasets');
        expect(lastQuery().nextToken).toEqual([page.nextToken]);
      }
      expectEntity(await las.datasets.get(ID.dataset), Dataset);
      expectEntity(await las.datasets.update(ID.dataset, { description: 'Training data' }), Dataset);
      expectEntity(await las.datasets.delete(ID.dataset), Dataset);
    });

    contract('every option, delete with deleteDocuments', async () => {
      const created = await las.datasets.create({
        name: 'Invoices',
        description: 'Training data',
        containsPersonallyIdentifiableInformation: false,
        retentionInDays: 30,
      });
      expectEntity(created, Dataset);
      expectPage(await las.datasets.list({ maxResults: 10, nextToken: 'next-page' }), Dataset, 'datasets');
      const dataset = await las.datasets.get(ID.dataset);
      expectEntity(await dataset.update({ name: 'Invoices', description: 'Training data, cleaned' }), Dataset);
      const mark = recorder.mark();
      expectEntity(await las.datasets.delete(ID.dataset, { deleteDocuments: true }), Dataset);
      const sent = recorder.since(mark);
      expect(sent.at(-1)?.operation).toBe('DELETE /datasets/{datasetId}');
      expect(sent[0].operation).toBe('DELETE /documents');
      expect(sent[0].query.getAll('datasetId')).toEqual([ID.dataset]);
    });
  });

  describe('documents', () => {
    contract('minimal arguments', async () => {
      expectEntity(await las.documents.create(PDF), Document);
      expect(lastBody()).toEqual({ content: PDF.toString('base64'), contentType: 'application/pdf' });
      expectPage(await las.documents.list(), Document, 'documents');
      expectEntity(await las.documents.get(ID.document), Document);
      expectEntity(await las.documents.update(ID.document, { datasetId: ID.dataset }), Document);
      expectEntity(await las.documents.delete(ID.document), Document);
      const deleted = await las.documents.deleteMany();
      const wire = lastWire() as { documents: unknown[]; nextToken: string | null };
      deleted.documents.forEach((document, i) => expectEntity(document, Document, wire.documents[i]));
      expect(deleted.nextToken).toBe(wire.nextToken ?? undefined);
    });

    contract('every option, filters as arrays', async () => {
      const created = await las.documents.create(PNG, {
        contentType: 'image/png',
        consentId: ID.consent,
        batchId: ID.batch,
        datasetId: ID.dataset,
        groundTruth: [
          { label: 'total_amount', value: '120.00' },
          { label: 'paid', value: true },
          { label: 'due_date', value: null },
        ],
        retentionInDays: 30,
      });
      expectEntity(created, Document);
      const filters = { batchId: [ID.batch, ID.batch2], consentId: [ID.consent, ID.consent2], datasetId: [ID.dataset, ID.dataset2] };
      expectPage(await las.documents.list({ ...filters, maxResults: 25, nextToken: 'next-page' }), Document, 'documents');
      expect(lastQuery()).toEqual({ ...filters, maxResults: ['25'], nextToken: ['next-page'] });
      expectPage(await las.documents.list({ batchId: ID.batch, consentId: ID.consent, datasetId: ID.dataset }), Document, 'documents');
      const document = await las.documents.get(ID.document);
      expectEntity(document, Document);
      const updated = await document.update({ groundTruth: [{ label: 'total_amount', value: '99.50' }], datasetId: ID.dataset2, retentionInDays: 7 });
      expectEntity(updated, Document);
      expectEntity(await las.documents.ref(ID.document).delete(), Document);

      const page = await las.documents.deleteMany({ ...filters, maxResults: 25, nextToken: 'next-page' });
      expect(lastQuery()).toEqual({ ...filters, maxResults: ['25'], nextToken: ['next-page'] });
      page.documents.forEach((d) => expect(d).toBeInstanceOf(Document));
      const mark = recorder.mark();
      const all = await las.documents.deleteMany({ batchId: ID.batch, deleteAll: true });
      const sent = recorder.since(mark);
      expect(sent.every((e) => e.operation === 'DELETE /documents' && !e.query.has('deleteAll'))).toBe(true);
      expect(all.nextToken).toBeUndefined();
      all.documents.forEach((d) => expect(d).toBeInstanceOf(Document));
    });
  });

  describe('logs', () => {
    contract('minimal arguments', async () => {
      expectEntity(await las.logs.get(ID.log), Log);
      expectPage(await las.logs.list(), Log, 'logs');
    });

    contract('every option', async () => {
      expectEntity(await las.logs.ref(ID.log).refresh(), Log);
      const options = {
        workflowId: ID.workflow,
        workflowExecutionId: ID.workflowExecution,
        transitionId: ID.transition,
        transitionExecutionId: ID.transitionExecution,
        order: 'ascending' as const,
        maxResults: 50,
        nextToken: 'next-page',
      };
      expectPage(await las.logs.list(options), Log, 'logs');
      expect(lastQuery()).toEqual(Object.fromEntries(Object.entries(options).map(([k, v]) => [k, [String(v)]])));
    });
  });

  describe('models and data bundles', () => {
    contract('minimal arguments', async () => {
      expectEntity(await las.models.create({ width: 300, height: 300, fieldConfig }), Model);
      expectPage(await las.models.list(), Model, 'models');
      const model = expectEntity(await las.models.get(ID.model), Model);
      expectEntity(await las.models.update(ID.model, { name: 'Invoices' }), Model);

      expectEntity(await model.dataBundles.create(), DataBundle);
      expectPage(await model.dataBundles.list(), DataBundle, 'dataBundles');
      expectEntity(await model.dataBundles.update(ID.dataBundle, { name: 'March' }), DataBundle);
      expectEntity(await model.dataBundles.delete(ID.dataBundle), DataBundle);
      expectEntity(await las.models.delete(ID.model), Model);
    });

    contract('every option, with preprocessConfig', async () => {
      const created = await las.models.create({
        width: 640,
        height: 960,
        fieldConfig: describedFields,
        preprocessConfig,
        name: 'Invoices',
        description: 'Reads totals and due dates',
      });
      expectEntity(created, Model);
      expect(lastBody()).toMatchObject({ fieldConfig: describedFields, preprocessConfig });
      expectPage(await las.models.list({ maxResults: 4, nextToken: 'next-page' }), Model, 'models');
      const model = las.models.ref(ID.model);
      const updated = await model.update({
        width: 320,
        height: 480,
        fieldConfig: describedFields,
        preprocessConfig: { maxPages: 1, autoRotate: false, imageQuality: 'LOW' },
        status: 'training',
        name: 'Invoices v2',
        description: 'Retrained',
      });
      expectEntity(updated, Model);

      const bundles = las.models.ref(ID.model).dataBundles;
      expectEntity(await bundles.create({ datasetIds: [ID.dataset, ID.dataset2], name: 'March', description: 'Invoices of March' }), DataBundle);
      expectPage(await bundles.list({ status: ['ready', 'failed'], maxResults: 5, nextToken: 'next-page' }), DataBundle, 'dataBundles');
      expect(lastQuery()).toEqual({ status: ['ready', 'failed'], maxResults: ['5'], nextToken: ['next-page'] });
      expectPage(await bundles.list({ status: 'processing' }), DataBundle, 'dataBundles');
      const bundle = await bundles.update(ID.dataBundle, { name: 'March', description: 'Renamed' });
      expectEntity(bundle, DataBundle);
      expectEntity(await bundle.update({ description: 'Through the instance' }), DataBundle);
      expectEntity(await bundles.ref(ID.dataBundle).delete(), DataBundle);
      expectEntity(await updated.delete(), Model);
    });
  });

  describe('organizations', () => {
    contract('minimal arguments', async () => {
      expectEntity(await las.organizations.get(ID.organization), Organization);
      expectEntity(await las.organizations.update(ID.organization, { name: 'Acme' }), Organization);
    });

    contract('every option', async () => {
      const organization = await las.organizations.get(ID.organization);
      expectEntity(await organization.update({ name: 'Acme', description: 'Acme Inc.' }), Organization);
      expectEntity(await las.organizations.update(ID.organization, { name: 'Acme', description: 'Acme AS' }), Organization);
    });
  });

  describe('predictions', () => {
    contract('minimal arguments', async () => {
      expectEntity(await las.predictions.create({ documentId: ID.document, modelId: ID.model }), Prediction);
      expectPage(await las.predictions.list(), Prediction, 'predictions');
    });

    contract('every option', async () => {
      const options = { maxPages: 2, autoRotate: true, imageQuality: 'HIGH' as const };
      expectEntity(await las.predictions.create({ documentId: ID.document, modelId: ID.model, ...options }), Prediction);
      expectEntity(await las.documents.ref(ID.document).predict(ID.model, { maxPages: 1, autoRotate: false, imageQuality: 'LOW' }), Prediction);
      expect(lastBody()).toEqual({ documentId: ID.document, modelId: ID.model, maxPages: 1, autoRotate: false, imageQuality: 'LOW' });
      expectPage(await las.predictions.list({ maxResults: 3, nextToken: 'next-page' }), Prediction, 'predictions');
    });
  });

  describe('secrets', () => {
    contract('minimal arguments', async () => {
      expectEntity(await las.secrets.create({ password: 'hunter2' }), Secret);
      expectPage(await las.secrets.list(), Secret, 'secrets');
      expectEntity(await las.secrets.update(ID.secret, { name: 'ERP login' }), Secret);
      expectEntity(await las.secrets.delete(ID.secret), Secret);
    });

    contract('every option', async () => {
      const created = await las.secrets.create({ username: 'erp', password: 'hunter2' }, { name: 'ERP login', description: 'For the export step' });
      expectEntity(created, Secret);
      expectPage(await las.secrets.list({ maxResults: 2, nextToken: 'next-page' }), Secret, 'secrets');
      const updated = await las.secrets.update(ID.secret, { data: { username: 'erp', password: 'correct horse' }, name: 'ERP login', description: 'Rotated' });
      expectEntity(updated, Secret);
      expectEntity(await updated.update({ description: 'Through the instance' }), Secret);
      expectEntity(await updated.delete(), Secret);
    });
  });

  describe('transitions and their executions', () => {
    contract('minimal arguments', async () => {
      expectEntity(await las.transitions.create('manual'), Transition);
      expect(lastBody()).toEqual({ transitionType: 'manual' });
      expectPage(await las.transitions.list(), Transition, 'transitions');
      const transition = expectEntity(await las.transitions.get(ID.transition), Transition);
      expectEntity(await las.transitions.update(ID.transition, { name: 'Review' }), Transition);

      const execution = expectEntity(await transition.execute(), TransitionExecution);
      expectPage(await transition.executions.list(), TransitionExecution, 'executions');
      expectEntity(await transition.executions.get(ID.transitionExecution), TransitionExecution);
      expectEntity(await execution.update('succeeded'), TransitionExecution);
      await las.transitions.ref(ID.transition).executions.ref(ID.transitionExecution).heartbeat();
      expect(recorder.last().operation).toBe('POST /transitions/{transitionId}/executions/{executionId}/heartbeats');
      expectEntity(await las.transitions.delete(ID.transition), Transition);
    });

    contract('every option: in/out schemas and parameters, execution output and startTime', async () => {
      const docker = await las.transitions.create('docker', {
        inSchema,
        outSchema,
        parameters: {
          imageUrl: 'registry.example.com/erp-export:1.4.2',
          cpu: 256,
          memory: 1024,
          environment: { ERP_URL: 'https://erp.example.com' },
          environmentSecrets: [ID.secret],
          secretId: ID.secret,
        },
        timeoutInSeconds: 600,
        name: 'Export to ERP',
        description: 'Posts approved invoices to the ERP system',
      });
      expectEntity(docker, Transition);
      expect(lastBody()).toMatchObject({ transitionType: 'docker', inputJsonSchema: inSchema, outputJsonSchema: outSchema });
      const manual = await las.transitions.create('manual', {
        inSchema,
        outSchema,
        parameters: { assets: { jsRemoteComponent: ID.asset } },
        name: 'Review',
        description: 'A person checks the totals',
      });
      expectEntity(manual, Transition);
      expectPage(await las.transitions.list({ transitionType: ['docker', 'manual'], maxResults: 5, nextToken: 'next-page' }), Transition, 'transitions');
      expect(lastQuery()).toEqual({ transitionType: ['docker', 'manual'], maxResults: ['5'], nextToken: ['next-page'] });
      expectPage(await las.transitions.list({ transitionType: 'docker' }), Transition, 'transitions');

      const transition = las.transitions.ref(ID.transition);
      const updated = await transition.update({
        name: 'Review',
        description: 'A person checks the totals and the due date',
        inSchema,
        outSchema,
        assets: { jsRemoteComponent: ID.asset },
        environment: { LANGUAGE: 'en' },
        environmentSecrets: [ID.secret],
      });
      expectEntity(updated, Transition);
      expect(lastBody()).toMatchObject({ inputJsonSchema: inSchema, outputJsonSchema: outSchema });

      const executions = transition.executions;
      const listOptions = {
        status: ['running', 'failed'] as ('running' | 'failed')[],
        executionId: [ID.transitionExecution, ID.transitionExecution2],
        sortBy: 'startTime' as const,
        order: 'descending' as const,
        maxResults: 10,
        nextToken: 'next-page',
      };
      expectPage(await executions.list(listOptions), TransitionExecution, 'executions');
      expect(lastQuery()).toEqual({
        status: ['running', 'failed'],
        executionId: [ID.transitionExecution, ID.transitionExecution2],
        sortBy: ['startTime'],
        order: ['descending'],
        maxResults: ['10'],
        nextToken: ['next-page'],
      });
      expectPage(await executions.list({ status: 'succeeded', executionId: ID.transitionExecution }), TransitionExecution, 'executions');

      const execution = executions.ref(ID.transitionExecution);
      const startTime = new Date('2024-03-01T08:30:00.000Z');
      expectEntity(await execution.update('succeeded', { output: { total: '120.00' }, startTime }), TransitionExecution);
      expect(lastBody()).toEqual({ status: 'succeeded', output: { total: '120.00' }, startTime: '2024-03-01T08:30:00.000Z' });
      expectEntity(
        await executions.ref(ID.transitionExecution).update('failed', { error: { message: 'ERP is down' }, startTime: '2024-03-01T08:30:00+00:00' }),
        TransitionExecution,
      );
      expectEntity(await executions.ref(ID.transitionExecution).update('rejected'), TransitionExecution);
      expectEntity(await executions.ref(ID.transitionExecution).update('retry'), TransitionExecution);
      expectEntity(await executions.ref(ID.transitionExecution).succeed({ total: '120.00' }), TransitionExecution);
      expectEntity(await executions.ref(ID.transitionExecution).fail('ERP is down'), TransitionExecution);
      expectEntity(await executions.ref(ID.transitionExecution).fail(new Error('ERP is down')), TransitionExecution);
      expect(lastBody()).toEqual({ status: 'failed', error: { message: 'ERP is down' } });
      const fetched = expectEntity(await executions.get(ID.transitionExecution), TransitionExecution);
      await fetched.heartbeat();
      expect(recorder.last().operation).toBe('POST /transitions/{transitionId}/executions/{executionId}/heartbeats');
      expectEntity(await updated.delete(), Transition);
    });
  });

  describe('users', () => {
    contract('minimal arguments', async () => {
      expectEntity(await las.users.create('ada@example.com'), User);
      expectPage(await las.users.list(), User, 'users');
      expectEntity(await las.users.get(ID.user), User);
      expectEntity(await las.users.update(ID.user, { name: 'Ada' }), User);
      expectEntity(await las.users.delete(ID.user), User);
    });

    contract('every option', async () => {
      const avatar = `data:image/png;base64,${PNG.toString('base64')}`;
      expectEntity(await las.users.create('ada@example.com', { appClientId: ID.appClient, name: 'Ada Lovelace', avatar }), User);
      expectPage(await las.users.list({ maxResults: 20, nextToken: 'next-page' }), User, 'users');
      const user = await las.users.get(ID.user);
      expectEntity(await user.update({ name: 'Ada King', avatar }), User);
      expectEntity(await las.users.ref(ID.user).delete(), User);
    });
  });

  describe('workflows and their executions', () => {
    contract('minimal arguments', async () => {
      expectEntity(await las.workflows.create({ definition }), Workflow);
      expect(lastBody()).toEqual({ specification: { definition } });
      expectPage(await las.workflows.list(), Workflow, 'workflows');
      const workflow = expectEntity(await las.workflows.get(ID.workflow), Workflow);
      expectEntity(await las.workflows.update(ID.workflow, { name: 'Invoices' }), Workflow);

      const execution = expectEntity(await workflow.execute({}), WorkflowExecution);
      expectPage(await workflow.executions.list(), WorkflowExecution, 'executions');
      expectEntity(await workflow.executions.get(ID.workflowExecution), WorkflowExecution);
      expectEntity(await execution.update({ nextTransitionId: ID.transition }), WorkflowExecution);
      expectEntity(await workflow.executions.delete(ID.workflowExecution), WorkflowExecution);
      expectEntity(await las.workflows.delete(ID.workflow), Workflow);
    });

    contract('every option', async () => {
      const errorConfig = { manualRetry: true, email: 'ops@example.com' };
      const completedConfig = {
        imageUrl: 'registry.example.com/notify:2',
        environment: { CHANNEL: '#invoices' },
        environmentSecrets: [ID.secret],
        secretId: ID.secret,
      };
      const created = await las.workflows.create(
        { definition, language: 'ASL', version: '1.0.0' },
        { errorConfig, completedConfig, name: 'Invoices', description: 'Read, review, export' },
      );
      expectEntity(created, Workflow);
      expectPage(await las.workflows.list({ maxResults: 5, nextToken: 'next-page' }), Workflow, 'workflows');
      const workflow = las.workflows.ref(ID.workflow);
      const updated = await workflow.update({ name: 'Invoices', description: 'Read, review, export, notify', errorConfig, completedConfig });
      expectEntity(updated, Workflow);

      expectEntity(await workflow.execute({ documentId: ID.document, priority: 'high' }), WorkflowExecution);
      const listOptions = {
        status: ['running', 'failed'] as ('running' | 'failed')[],
        sortBy: 'endTime' as const,
        order: 'ascending' as const,
        maxResults: 10,
        nextToken: 'next-page',
      };
      expectPage(await workflow.executions.list(listOptions), WorkflowExecution, 'executions');
      expect(lastQuery()).toEqual({ status: ['running', 'failed'], sortBy: ['endTime'], order: ['ascending'], maxResults: ['10'], nextToken: ['next-page'] });
      expectPage(await workflow.executions.list({ status: 'succeeded' }), WorkflowExecution, 'executions');
      const execution = await workflow.executions.get(ID.workflowExecution2);
      expectEntity(execution, WorkflowExecution);
      expectEntity(await workflow.executions.ref(ID.workflowExecution2).update({ nextTransitionId: 'las:transition:commons-review' }), WorkflowExecution);
      expectEntity(await workflow.executions.ref(ID.workflowExecution2).delete(), WorkflowExecution);
      expectEntity(await updated.delete(), Workflow);
    });
  });

  describe('what comes back', () => {
    test('impossible dates from Prism hydrate as invalid Dates keeping their text, without throwing', () => {
      // Prism's dynamic timestamps only follow the spec's pattern: months past 12, minutes past 59.
      expect(invalidTimestamps.length).toBeGreaterThan(0);
    });
  });

  describe('coverage', () => {
    test('every operation of the spec was exercised', () => {
      const accepted = recorder.exchanges.filter((e) => !isRejected(e));
      const exercised = new Set(accepted.map((e) => e.operation).filter((key): key is string => key !== undefined));
      const missing = operations.filter((o) => !exercised.has(o.key)).map((o) => o.key);
      const outside = recorder.exchanges.filter((e) => e.operation === undefined).map((e) => `${e.method} ${e.pathname}`);
      process.stdout.write(
        `las-sdk contract coverage: ${operations.length - missing.length} of ${operations.length} operations exercised` +
          `${missing.length ? `; not exercised: ${missing.join(', ')}` : ''}\n`,
      );
      expect(operations.length).toBeGreaterThan(0);
      expect(outside).toEqual([]);
      expect(missing).toEqual([]);
    });
  });
}
