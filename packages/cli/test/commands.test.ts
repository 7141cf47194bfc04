/**
 * Every command end to end against the in-process emulator, a table of steps per group: the
 * arguments go in, the state the SDK then sees is checked, and so are the output (lists in each
 * --output format) and the exit code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type Emulator } from 'las-emulator';
import { Las } from '../../../src/las.js';
import { NotFoundError } from '../../../src/errors.js';
import { PDF } from '../../emulator/test/helpers.js';
import { cli, emulatorEnv, json, useTempDir, type Result } from './helpers.js';

type Ids = Record<string, string>;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- API data, checked field by field

interface Step {
  /** May send a request first (a fresh document to predict on). */
  argv: (ids: Ids) => string[] | Promise<string[]>;
  /** Text on stdin. */
  stdin?: string;
  /** Keeps the printed entity's `<key>Id`-style id (its `save[1]` field) under `save[0]`. */
  save?: [name: string, field: string];
  /** A list: its items key; the step also runs with -o table and -o ids and compares. */
  list?: string;
  /** The command prints nothing (heartbeat). */
  silent?: boolean;
  /** Checks the printed JSON and the state through the SDK. */
  check?: (out: Json, ids: Ids) => Promise<void> | void;
}

let emu: Emulator;
let las: Las;
const tmp = useTempDir();
const ids: Ids = {};
const env = () => emulatorEnv(emu, tmp.path);
const gone = async (promise: Promise<unknown>) => expect(promise).rejects.toBeInstanceOf(NotFoundError);

beforeAll(async () => {
  emu = await startEmulator();
  las = new Las({ credentials: emu.credentials, maxRetries: 0 });
  ids.org = emu.organizationId;
  ids.pdf = join(tmp.path, 'invoice.pdf');
  writeFileSync(ids.pdf, PDF);
  ids.png = join(tmp.path, 'one.png');
  writeFileSync(ids.png, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
  ids.dataset = (await las.datasets.create({ name: 'fixture' })).datasetId;
  ids.model = (await las.models.create({ width: 300, height: 300, fieldConfig: { total: { type: 'amount', maxLength: 10 } } })).modelId;
  ids.manual = (await las.transitions.create('manual', { name: 'fixture' })).transitionId;
});
afterAll(async () => emu?.close());

async function step(s: Step): Promise<Json> {
  const argv = await s.argv(ids);
  const result = await cli(argv, { env: env(), ...(s.stdin !== undefined && { stdin: s.stdin }) });
  expect({ argv, code: result.code, stderr: result.stderr }).toEqual({ argv, code: 0, stderr: '' });
  if (s.silent) expect(result.stdout).toBe('');
  const out = s.silent ? {} : json<Json>(result);
  if (s.save) ids[s.save[0]] = out[s.save[1]];
  if (s.list) await formats(argv, s.list, out);
  await s.check?.(out, ids);
  return out;
}

/** The list printed as -o table and -o ids shows what -o json did. */
async function formats(argv: string[], key: string, out: Json): Promise<void> {
  const items = out[key] as Json[];
  expect(Array.isArray(items)).toBe(true);
  expect(out).toHaveProperty('nextToken');
  const idsOut: Result = await cli([...argv, '-o', 'ids'], { env: env() });
  const itemIds = items.map((item) => Object.entries(item).find(([k]) => k.endsWith('Id'))![1] as string);
  expect(idsOut).toEqual({ code: 0, stdout: itemIds.map((id) => `${id}\n`).join(''), stderr: '' });
  const tableOut = await cli([...argv, '-o', 'table'], { env: env() });
  expect(tableOut.code).toBe(0);
  if (items.length === 0) expect(tableOut.stdout).toBe('(none)\n');
  else {
    const [firstKey] = Object.keys(items[0]);
    expect(tableOut.stdout.split('\n')[1]).toContain(firstKey);
    // Every row starts with its id, cut to the cell's width.
    for (const id of itemIds) expect(tableOut.stdout).toContain(id.slice(0, 30));
  }
  const all = await cli([...argv, '--all'], { env: env() });
  expect(json(all)).toEqual({ [key]: expect.arrayContaining(items), nextToken: null });
}

const GROUPS: Record<string, Step[]> = {
  'app-clients': [
    {
      argv: () => ['app-clients', 'create', '--name', 'cli', '--generate-secret', '--callback-urls', 'http://localhost/cb', 'http://localhost/cb2'],
      save: ['appClient', 'appClientId'],
      check: (out) => expect(out).toMatchObject({ name: 'cli', hasSecret: true, callbackUrls: ['http://localhost/cb', 'http://localhost/cb2'] }),
    },
    { argv: () => ['app-clients', 'list'], list: 'appClients', check: (out) => expect(out.appClients.map((a: Json) => a.appClientId)).toContain(ids.appClient) },
    {
      argv: (i) => ['app-clients', 'update', i.appClient, '--description', 'changed'],
      check: async () => expect((await las.appClients.list().toArray()).find((a) => a.appClientId === ids.appClient)?.description).toBe('changed'),
    },
    {
      argv: (i) => ['app-clients', 'delete', i.appClient],
      check: async () => expect((await las.appClients.list().toArray()).map((a) => a.appClientId)).not.toContain(ids.appClient),
    },
  ],
  assets: [
    { argv: (i) => ['assets', 'create', i.pdf, '--name', 'ui'], save: ['asset', 'assetId'], check: (out) => expect(out.name).toBe('ui') },
    { argv: () => ['assets', 'list'], list: 'assets' },
    {
      argv: (i) => ['assets', 'get', i.asset, '--download', join(tmp.path, 'asset.bin')],
      check: (out) => {
        expect(out.content).toBeUndefined();
        expect(readFileSync(join(tmp.path, 'asset.bin'))).toEqual(PDF);
      },
    },
    { argv: (i) => ['assets', 'get', i.asset], check: (out) => expect(Buffer.from(out.content, 'base64')).toEqual(PDF) },
    {
      argv: (i) => ['assets', 'update', i.asset, '--content', i.png, '--description', 'png now'],
      check: async () => {
        const asset = await las.assets.get(ids.asset);
        expect(Buffer.from(asset.content!, 'base64')).toEqual(readFileSync(ids.png));
        expect(asset.description).toBe('png now');
      },
    },
    { argv: (i) => ['assets', 'delete', i.asset], check: async () => gone(las.assets.get(ids.asset)) },
  ],
  batches: [
    { argv: () => ['batches', 'create', '--name', 'b1'], save: ['batch', 'batchId'] },
    { argv: () => ['batches', 'list'], list: 'batches' },
    {
      argv: (i) => ['batches', 'update', i.batch, '--name', 'null', '--description', 'd'],
      check: (out) => expect(out).toMatchObject({ name: null, description: 'd' }),
    },
    {
      argv: (i) => ['batches', 'delete', i.batch, '--delete-documents'],
      check: async () => {
        expect(await las.batches.list().toArray()).toEqual([]);
        expect(await las.documents.list({ batchId: ids.batch }).toArray()).toEqual([]);
      },
    },
  ],
  datasets: [
    { argv: () => ['datasets', 'create', '--name', 'd1', '--retention-in-days', '30'], save: ['ds', 'datasetId'], check: (out) => expect(out.retentionInDays).toBe(30) },
    { argv: () => ['datasets', 'list'], list: 'datasets' },
    { argv: (i) => ['datasets', 'get', i.ds], check: async (out) => expect(out).toEqual(JSON.parse(JSON.stringify(await las.datasets.get(ids.ds)))) },
    { argv: (i) => ['datasets', 'update', i.ds, '--description', 'null'], check: async () => expect((await las.datasets.get(ids.ds)).description).toBeNull() },
    {
      argv: (i) => ['datasets', 'delete', i.ds, '--delete-documents'],
      check: async () => {
        await gone(las.datasets.get(ids.ds));
        expect(await las.documents.list({ datasetId: ids.ds }).toArray()).toEqual([]);
      },
    },
  ],
  documents: [
    {
      argv: (i) => ['documents', 'create', i.pdf, '--dataset-id', i.dataset, '--ground-truth-fields', 'total=120', 'date=2021-09-01'],
      save: ['document', 'documentId'],
      check: async () =>
        expect((await las.documents.get(ids.document)).groundTruth).toEqual([
          { label: 'total', value: '120' },
          { label: 'date', value: '2021-09-01' },
        ]),
    },
    { argv: (i) => ['documents', 'list', '--dataset-id', i.dataset], list: 'documents', check: (out) => expect(out.documents).toHaveLength(1) },
    {
      argv: (i) => ['documents', 'get', i.document, '--download', join(tmp.path, 'doc.pdf')],
      check: () => expect(readFileSync(join(tmp.path, 'doc.pdf'))).toEqual(PDF),
    },
    {
      argv: (i) => ['documents', 'update', i.document, '--ground-truth', '-'],
      stdin: '[{ "label": "total", "value": "99" }]',
      check: async () => expect((await las.documents.get(ids.document)).groundTruth).toEqual([{ label: 'total', value: '99' }]),
    },
    { argv: (i) => ['documents', 'delete', i.document], check: async () => gone(las.documents.get(ids.document)) },
  ],
  models: [
    {
      argv: () => ['models', 'create', '--width', '320', '--height', '320', '--field-config', '{"total":{"type":"amount","maxLength":10}}', '--name', 'm'],
      save: ['m', 'modelId'],
      check: (out) => expect(out).toMatchObject({ width: 320, fieldConfig: { total: { type: 'amount', maxLength: 10 } } }),
    },
    { argv: () => ['models', 'list'], list: 'models' },
    { argv: (i) => ['models', 'get', i.m], check: (out) => expect(out.name).toBe('m') },
    { argv: (i) => ['models', 'update', i.m, '--height', '400'], check: async () => expect((await las.models.get(ids.m)).height).toBe(400) },
    { argv: (i) => ['models', 'create-data-bundle', i.m, '--dataset-ids', i.dataset, '--name', 'b'], save: ['bundle', 'dataBundleId'] },
    { argv: (i) => ['models', 'list-data-bundles', i.m], list: 'dataBundles', check: (out) => expect(out.dataBundles).toHaveLength(1) },
    {
      argv: (i) => ['models', 'update-data-bundle', i.m, i.bundle, '--name', 'renamed'],
      check: async () => expect((await las.models.ref(ids.m).dataBundles.list())?.items[0].name).toBe('renamed'),
    },
    { argv: () => ['models', 'list-all-data-bundles'], check: (out) => expect(out).toEqual({ dataBundles: [expect.objectContaining({ dataBundleId: ids.bundle })], nextToken: null }) },
    { argv: (i) => ['models', 'delete-data-bundle', i.m, i.bundle], check: async () => expect((await las.models.ref(ids.m).dataBundles.list()).items).toEqual([]) },
    { argv: (i) => ['models', 'delete', i.m], check: async () => gone(las.models.get(ids.m)) },
  ],
  organizations: [
    { argv: (i) => ['organizations', 'get', i.org], check: (out) => expect(out.organizationId).toBe(ids.org) },
    { argv: (i) => ['organizations', 'update', i.org, '--name', 'Acme'], check: async () => expect((await las.organizations.get(ids.org)).name).toBe('Acme') },
  ],
  predictions: [
    {
      argv: async () => ['predictions', 'create', (await las.documents.create(PDF)).documentId, ids.model, '--max-pages', '1', '--auto-rotate', 'true'],
      save: ['prediction', 'predictionId'],
      check: (out) => expect(out.modelId).toBe(ids.model),
    },
    { argv: () => ['predictions', 'list'], list: 'predictions', check: (out) => expect(out.predictions.map((p: Json) => p.predictionId)).toContain(ids.prediction) },
  ],
  secrets: [
    { argv: () => ['secrets', 'create', '--data', 'user=x', 'password=y', '--name', 's'], save: ['secret', 'secretId'], check: (out) => expect(JSON.stringify(out)).not.toContain('password') },
    { argv: () => ['secrets', 'list'], list: 'secrets' },
    { argv: (i) => ['secrets', 'update', i.secret, '--data', 'user=z', '--description', 'new'], check: (out) => expect(out.description).toBe('new') },
    { argv: (i) => ['secrets', 'delete', i.secret], check: async () => expect(await las.secrets.list().toArray()).toEqual([]) },
  ],
  transitions: [
    {
      argv: () => ['transitions', 'create', 'docker', '--parameters', '{"imageUrl":"example.com/x:1"}', '--in-schema', '{"type":"object"}', '--name', 'd'],
      save: ['docker', 'transitionId'],
      check: (out) => expect(out).toMatchObject({ transitionType: 'docker', inputJsonSchema: { type: 'object' } }),
    },
    { argv: () => ['transitions', 'list', '--transition-type', 'docker'], list: 'transitions', check: (out) => expect(out.transitions.map((t: Json) => t.transitionType)).toEqual(['docker']) },
    { argv: (i) => ['transitions', 'get', i.docker], check: (out) => expect(out.name).toBe('d') },
    {
      argv: (i) => ['transitions', 'update', i.docker, '--environment', 'MODE=test', '--description', 'x'],
      check: async () => expect((await las.transitions.get(ids.docker)).parameters).toMatchObject({ environment: { MODE: 'test' } }),
    },
    { argv: (i) => ['transitions', 'execute', i.docker], save: ['execution', 'executionId'], check: (out) => expect(out.status).toBe('running') },
    { argv: (i) => ['transitions', 'list-executions', i.docker, '--status', 'running'], list: 'executions' },
    { argv: (i) => ['transitions', 'get-execution', i.docker, i.execution], save: ['log', 'logId'] },
    { argv: (i) => ['transitions', 'heartbeat', i.docker, i.execution], silent: true },
    {
      argv: (i) => ['transitions', 'update-execution', i.docker, i.execution, 'succeeded', '--output-json', '{"ok":true}'],
      check: async () => expect((await las.transitions.ref(ids.docker).executions.get(ids.execution)).status).toBe('succeeded'),
    },
    { argv: (i) => ['logs', 'list', '--transition-id', i.docker], list: 'logs', check: (out) => expect(out.logs.map((l: Json) => l.logId)).toContain(ids.log) },
    // The log records the heartbeat sent above.
    { argv: (i) => ['logs', 'get', i.log], check: (out) => expect(JSON.stringify(out.events)).toContain('Heartbeat') },
    { argv: (i) => ['transitions', 'delete', i.docker], check: async () => gone(las.transitions.get(ids.docker)) },
  ],
  users: [
    { argv: () => ['users', 'create', 'ada@example.com', '--name', 'Ada'], save: ['user', 'userId'] },
    { argv: () => ['users', 'list'], list: 'users' },
    { argv: (i) => ['users', 'get', i.user], check: (out) => expect(out.email).toBe('ada@example.com') },
    { argv: (i) => ['users', 'update', i.user, '--name', 'Ada L.'], check: async () => expect((await las.users.get(ids.user)).name).toBe('Ada L.') },
    { argv: (i) => ['users', 'delete', i.user], check: async () => gone(las.users.get(ids.user)) },
  ],
  workflows: [
    {
      argv: (i) => {
        const spec = join(tmp.path, 'spec.json');
        writeFileSync(spec, JSON.stringify({ language: 'ASL', version: '1.0.0', definition: { StartAt: 'S', States: { S: { Type: 'Task', Resource: i.manual, End: true } } } }));
        return ['workflows', 'create', '--specification', spec, '--name', 'w'];
      },
      save: ['wf', 'workflowId'],
    },
    { argv: () => ['workflows', 'list'], list: 'workflows' },
    { argv: (i) => ['workflows', 'get', i.wf], check: (out) => expect(out.name).toBe('w') },
    { argv: (i) => ['workflows', 'update', i.wf, '--description', 'x'], check: async () => expect((await las.workflows.get(ids.wf)).description).toBe('x') },
    { argv: (i) => ['workflows', 'execute', i.wf, '--input', '{"a":1}'], save: ['run', 'executionId'], check: (out) => expect(out.input).toEqual({ a: 1 }) },
    { argv: (i) => ['workflows', 'list-executions', i.wf], list: 'executions' },
    { argv: (i) => ['workflows', 'get-execution', i.wf, i.run], check: (out) => expect(out.status).toBe('running') },
    {
      argv: (i) => ['workflows', 'update-execution', i.wf, i.run, '--next-transition-id', i.manual],
      check: async () => expect((await las.workflows.ref(ids.wf).executions.get(ids.run)).executionId).toBe(ids.run),
    },
    { argv: (i) => ['workflows', 'delete-execution', i.wf, i.run], check: async () => gone(las.workflows.ref(ids.wf).executions.get(ids.run)) },
    { argv: (i) => ['workflows', 'delete', i.wf], check: async () => gone(las.workflows.get(ids.wf)) },
  ],
};

test.each(Object.keys(GROUPS))('las %s: every command, its effect and its output', async (group) => {
  for (const s of GROUPS[group]) await step(s);
});

test('a batch deleted with --delete-documents takes its documents along', async () => {
  const batch = await las.batches.create({ name: 'with docs' });
  await las.documents.create(PDF, { batchId: batch.batchId });
  expect(await cli(['batches', 'delete', batch.batchId, '--delete-documents', '-o', 'ids'], { env: env() })).toEqual({ code: 0, stdout: `${batch.batchId}\n`, stderr: '' });
  expect(await las.documents.list({ batchId: batch.batchId }).toArray()).toEqual([]);
});

test('documents delete-all deletes every match, a page at a time, and prints them', async () => {
  const dataset = await las.datasets.create({});
  const created = await Promise.all([1, 2, 3].map(async () => (await las.documents.create(PDF, { datasetId: dataset.datasetId })).documentId));
  const other = (await las.documents.create(PDF, { datasetId: ids.dataset })).documentId;
  const result = await cli(['documents', 'delete-all', '--dataset-id', dataset.datasetId, '-o', 'ids'], { env: env() });
  expect(result.code).toBe(0);
  expect(result.stdout.trim().split('\n').sort()).toEqual([...created].sort());
  expect(await las.documents.list({ datasetId: dataset.datasetId }).toArray()).toEqual([]);
  expect((await las.documents.get(other)).documentId).toBe(other);
});

test('an entity prints as json by default, as a table, or as its id', async () => {
  const dataset = await las.datasets.create({ name: 'formats' });
  const asJson = await cli(['datasets', 'get', dataset.datasetId], { env: env() });
  expect(asJson.stdout).toBe(`${JSON.stringify(dataset, null, 2)}\n`);
  expect((await cli(['datasets', 'get', dataset.datasetId, '-o', 'ids'], { env: env() })).stdout).toBe(`${dataset.datasetId}\n`);
  const table = await cli(['-o', 'table', 'datasets', 'get', dataset.datasetId], { env: env() });
  expect(table.stdout).toMatch(new RegExp(`│ datasetId\\s+│ ${dataset.datasetId}\\s+│`));
  expect(table.stdout).toMatch(/│ name\s+│ formats\s+│/);
});

test('a list on a terminal is a table unless -o says; --all streams every page as one JSON list', async () => {
  for (let i = 0; i < 5; i++) await las.batches.create({ name: `page-${i}` });
  const onTerminal = await cli(['batches', 'list'], { env: env(), tty: true });
  expect(onTerminal.stdout).toMatch(/^┌/);
  const all = json<{ batches: Json[]; nextToken: null }>(await cli(['batches', 'list', '--all', '-m', '2'], { env: env() }));
  expect(all.batches.map((b) => b.name)).toEqual(expect.arrayContaining(['page-0', 'page-4']));
  expect(all.batches).toHaveLength((await las.batches.list().toArray()).length);
  const first = json<{ batches: Json[]; nextToken: string }>(await cli(['batches', 'list', '-m', '2'], { env: env() }));
  expect(first.batches).toHaveLength(2);
  const second = json<{ batches: Json[] }>(await cli(['batches', 'list', '-m', '2', '-n', first.nextToken], { env: env() }));
  expect(second.batches[0]).toEqual(all.batches[2]);
});

test('an API refusal is one line with the error class, status, message and request id; exit 1', async () => {
  const result = await cli(['datasets', 'get', 'las:dataset:00000000000000000000000000000000'], { env: env() });
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^las: NotFoundError 404: GET \S+ failed with 404: .+ \(request id [\w-]+\)\n$/);
});

test('-vv shows the stack of a failure; without it there is none', async () => {
  const argv = ['datasets', 'get', 'las:dataset:00000000000000000000000000000000'];
  expect((await cli(argv, { env: env() })).stderr).not.toMatch(/\n\s+at /);
  const verbose = await cli([...argv, '-vv'], { env: env() });
  expect(verbose.code).toBe(1);
  expect(verbose.stderr).toMatch(/\n\s+at /);
  delete process.env.LAS_LOG;
});

test('--api-endpoint overrides the credentials\' endpoint; --timeout is taken', async () => {
  const result = await cli(['--api-endpoint', 'http://127.0.0.1:9/v1', '--timeout', '5', 'datasets', 'list'], { env: env() });
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/^las: ConnectionError: .*127\.0\.0\.1:9/);
});

test('completion prints a script for bash, zsh and fish naming the commands', async () => {
  for (const shell of ['bash', 'zsh', 'fish']) {
    const result = await cli(['completion', shell]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('create-documents');
    expect(result.stdout).toContain('delete-documents');
  }
  expect((await cli(['completion', 'bash'])).stdout).toContain('complete -o default -F _las_complete las');
  expect((await cli(['completion', 'tcsh'])).code).toBe(2);
});
