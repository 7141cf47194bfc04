/**
 * Every argument a caller gives is checked before anything is sent (issue 9, items 8, 9, 10, 12
 * and 13): unknown option keys, list and query values, ids by the form the spec gives, inherited
 * keys, and data nested too deep or in a cycle. Each refusal is a ValidationError whose message
 * names the field; the refused cases run with no interceptor and no token endpoint, and any
 * request they attempted would be recorded.
 */
import { api, mockToken, testLas, useAttemptRecorder } from '../helpers/api.js';
import { fixture } from '../helpers/fixtures.js';
import { LasError, ValidationError } from '../../src/errors.js';
import { MAX_JSON_DEPTH } from '../../src/schema/index.js';
import type { Las } from '../../src/las.js';

const hex = (c: string) => c.repeat(32);
const datasetId = fixture<{ datasetId: string }>('dataset').datasetId;
const batchId = fixture<{ batchId: string }>('batch').batchId;
const documentId = fixture<{ documentId: string }>('document').documentId;
const modelId = fixture<{ modelId: string }>('model').modelId;
const workflowId = fixture<{ workflowId: string }>('workflow').workflowId;
const transitionId = fixture<{ transitionId: string }>('transition').transitionId;
const assetId = fixture<{ assetId: string }>('asset').assetId;
const executionIds = {
  transition: fixture<{ executionId: string }>('transition-execution').executionId,
  workflow: fixture<{ executionId: string }>('workflow-execution').executionId,
};
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]);
const DOT = `las:dataset:${hex('0')}`;

/** A value nested `depth` levels deep (`{ a: { a: ... } }`), built without recursion. */
function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let i = 1; i < depth; i++) value = { a: value };
  return value;
}
const deep = nested(100_000);
const cyclic: Record<string, unknown> = { name: 'loop' };
cyclic.self = cyclic;

type Call = (las: Las) => PromiseLike<unknown>;
type Case = [label: string, call: Call, message: string];

// Requests nock saw without an interceptor to answer them: none may be attempted by a refused call.
const attempted = useAttemptRecorder();

/** Runs `call` with no interceptor set up and returns what it rejected with; fails if it resolved or sent anything. */
async function refusal(call: Call): Promise<Error> {
  const las = testLas();
  let outcome: unknown;
  try {
    await call(las);
    outcome = new Error('resolved');
  } catch (error) {
    outcome = error;
  }
  expect(attempted).toEqual([]);
  return outcome as Error;
}

function expectRefused(cases: Case[]): void {
  test.each(cases)('%s', async (_label, call, message) => {
    const error = await refusal(call);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe(message);
  });
}

describe('item 8: unknown option keys are refused before sending, query options too', () => {
  const lists: [string, Call][] = [
    ['appClients.list', (las) => las.appClients.list({ signal: new AbortController().signal } as never)],
    ['assets.list', (las) => las.assets.list({ signal: new AbortController().signal } as never)],
    ['batches.list', (las) => las.batches.list({ signal: new AbortController().signal } as never)],
    ['datasets.list', (las) => las.datasets.list({ signal: new AbortController().signal } as never)],
    ['documents.list', (las) => las.documents.list({ signal: new AbortController().signal } as never)],
    ['logs.list', (las) => las.logs.list({ signal: new AbortController().signal } as never)],
    ['models.list', (las) => las.models.list({ signal: new AbortController().signal } as never)],
    ['predictions.list', (las) => las.predictions.list({ signal: new AbortController().signal } as never)],
    ['secrets.list', (las) => las.secrets.list({ signal: new AbortController().signal } as never)],
    ['transitions.list', (las) => las.transitions.list({ signal: new AbortController().signal } as never)],
    ['users.list', (las) => las.users.list({ signal: new AbortController().signal } as never)],
    ['workflows.list', (las) => las.workflows.list({ signal: new AbortController().signal } as never)],
    ['model.dataBundles.list', (las) => las.models.ref(modelId).dataBundles.list({ signal: new AbortController().signal } as never)],
    ['transition.executions.list', (las) => las.transitions.ref(transitionId).executions.list({ signal: new AbortController().signal } as never)],
    ['workflow.executions.list', (las) => las.workflows.ref(workflowId).executions.list({ signal: new AbortController().signal } as never)],
  ];
  expectRefused(lists.map(([what, call]) => [`${what}({ signal })`, call, `${what}: signal: is not a known property; nothing was sent`]));

  expectRefused([
    [
      'documents.deleteMany with a misspelt filter (it would have deleted every document)',
      (las) => las.documents.deleteMany({ datasetID: datasetId } as never),
      'documents.deleteMany: datasetID: is not a known property; nothing was sent',
    ],
    ['dataset.delete({ deleteDocument })', (las) => las.datasets.delete(datasetId, { deleteDocument: true } as never), 'dataset.delete: deleteDocument: is not a known property; nothing was sent'],
    ['batch.delete({ deleteDocuments: "yes" })', (las) => las.batches.delete(batchId, { deleteDocuments: 'yes' } as never), 'batch.delete: deleteDocuments: must be true or false; nothing was sent'],
    [
      'document.predict cannot override the document',
      (las) => las.documents.ref(documentId).predict(modelId, { documentId: `las:document:${hex('f')}` } as never),
      'document.predict: documentId: is not a known property; nothing was sent',
    ],
    ['document.predict({ maxPage })', (las) => las.documents.ref(documentId).predict(modelId, { maxPage: 2 } as never), 'document.predict: maxPage: is not a known property; nothing was sent'],
    [
      'dataset.uploadDocuments({ concurency })',
      (las) => las.datasets.ref(datasetId).uploadDocuments('/nonexistent', { concurency: 2 } as never),
      'dataset.uploadDocuments: concurency: is not a known property; nothing was sent',
    ],
    [
      'dataset.uploadDocuments({ signal: "stop" })',
      (las) => las.datasets.ref(datasetId).uploadDocuments('/nonexistent', { signal: 'stop' } as never),
      'dataset.uploadDocuments: signal: must be an AbortSignal; nothing was sent',
    ],
    [
      'dataset.uploadDocuments({ onProgress: {} })',
      (las) => las.datasets.ref(datasetId).uploadDocuments('/nonexistent', { onProgress: {} } as never),
      'dataset.uploadDocuments: onProgress: must be a function; nothing was sent',
    ],
    [
      'transitionExecution.update(status, { status }) cannot override the status',
      (las) => las.transitions.ref(transitionId).executions.ref(executionIds.transition).update('succeeded', { status: 'failed' } as never),
      'transitionExecution.update: status: is not a known property; nothing was sent',
    ],
    [
      'transitionExecution.update(status, { outputs })',
      (las) => las.transitions.ref(transitionId).executions.ref(executionIds.transition).update('succeeded', { outputs: {} } as never),
      'transitionExecution.update: outputs: is not a known property; nothing was sent',
    ],
    [
      'transitionExecution.wait({ pollIntervall })',
      (las) => las.transitions.ref(transitionId).executions.ref(executionIds.transition).wait({ pollIntervall: 5 } as never),
      'transitionExecution.wait: pollIntervall: is not a known property; nothing was sent',
    ],
    [
      'workflowExecution.wait({ signal: true })',
      (las) => las.workflows.ref(workflowId).executions.ref(executionIds.workflow).wait({ signal: true } as never),
      'workflowExecution.wait: signal: must be an AbortSignal; nothing was sent',
    ],
    ['users.create(email, { email })', (las) => las.users.create('a@example.com', { email: 'b@example.com' } as never), 'users.create: email: is not a known property; nothing was sent'],
    ['secrets.create(data, { data })', (las) => las.secrets.create({ a: 'x' }, { data: { b: 'y' } } as never), 'secrets.create: data: is not a known property; nothing was sent'],
    [
      'workflows.create(spec, { specification })',
      (las) => las.workflows.create({ definition: {} }, { specification: { definition: {} } } as never),
      'workflows.create: specification: is not a known property; nothing was sent',
    ],
    [
      'transitions.create(type, { transitionType })',
      (las) => las.transitions.create('docker', { transitionType: 'manual' } as never),
      'transitions.create: transitionType: is not a known property; nothing was sent',
    ],
    [
      'transitions.create with the wire name inputJsonSchema rather than inSchema',
      (las) => las.transitions.create('manual', { inputJsonSchema: {} } as never),
      'transitions.create: inputJsonSchema: is not a known property; nothing was sent',
    ],
    [
      'transition.update with the wire name outputJsonSchema rather than outSchema',
      (las) => las.transitions.update(transitionId, { outputJsonSchema: {} } as never),
      'transition.update: outputJsonSchema: is not a known property; nothing was sent',
    ],
    ['documents.create(content, { content })', (las) => las.documents.create(PDF, { content: 'JVBERi0x' } as never), 'documents.create: content: is not a known property; nothing was sent'],
    ['assets.create(content, { content })', (las) => las.assets.create(PDF, { content: 'JVBERi0x' } as never), 'assets.create: content: is not a known property; nothing was sent'],
    ['asset.update({ contents })', (las) => las.assets.update(assetId, { contents: PDF } as never), 'asset.update: contents: is not a known property; nothing was sent'],
  ]);
});

describe('item 9: list and query values are checked with the bounds and enums', () => {
  expectRefused([
    ['maxResults -1', (las) => las.datasets.list({ maxResults: -1 }), 'datasets.list: maxResults: must be from 1 to 1000; nothing was sent'],
    ['maxResults 0', (las) => las.documents.list({ maxResults: 0 }), 'documents.list: maxResults: must be from 1 to 1000; nothing was sent'],
    ['maxResults 1.5', (las) => las.models.list({ maxResults: 1.5 }), 'models.list: maxResults: must be an integer; nothing was sent'],
    ['maxResults NaN', (las) => las.logs.list({ maxResults: Number.NaN }), 'logs.list: maxResults: must be a number; nothing was sent'],
    ['maxResults 1e9', (las) => las.transitions.list({ maxResults: 1e9 }), 'transitions.list: maxResults: must be from 1 to 1000; nothing was sent'],
    ['maxResults "10"', (las) => las.users.list({ maxResults: '10' as never }), 'users.list: maxResults: must be a number; nothing was sent'],
    ['nextToken 5', (las) => las.secrets.list({ nextToken: 5 as never }), 'secrets.list: nextToken: must be a string; nothing was sent'],
    [
      "status: ['bogus']",
      (las) => las.workflows.ref(workflowId).executions.list({ status: ['bogus'] as never }),
      'workflow.executions.list: status[0]: must be one of running, succeeded, failed, rejected, retry, error, got "bogus"; nothing was sent',
    ],
    [
      "status: 'bogus'",
      (las) => las.transitions.ref(transitionId).executions.list({ status: 'bogus' as never }),
      'transition.executions.list: status: must be one of running, succeeded, failed, rejected, retry, or a non-empty list of them, got "bogus"; nothing was sent',
    ],
    [
      'status: []',
      (las) => las.models.ref(modelId).dataBundles.list({ status: [] }),
      'model.dataBundles.list: status: must be one of processing, ready, failed, or a non-empty list of them; nothing was sent',
    ],
    [
      "transitionType: ['lambda']",
      (las) => las.transitions.list({ transitionType: ['lambda'] as never }),
      'transitions.list: transitionType[0]: must be one of docker, manual, got "lambda"; nothing was sent',
    ],
    [
      "sortBy: 'starttime'",
      (las) => las.workflows.ref(workflowId).executions.list({ sortBy: 'starttime' as never }),
      'workflow.executions.list: sortBy: must be one of startTime, endTime, got "starttime"; nothing was sent',
    ],
    ["order: 'asc'", (las) => las.logs.list({ order: 'asc' as never }), 'logs.list: order: must be one of ascending, descending, got "asc"; nothing was sent'],
    [
      'an id filter of the wrong form',
      (las) => las.documents.list({ datasetId: 'las:dataset:zz' }),
      'documents.list: datasetId: must be a dataset id (las:dataset:<32 hex digits>), or a non-empty list of them, got "las:dataset:zz"; nothing was sent',
    ],
    [
      'one bad id in an id filter list',
      (las) => las.documents.list({ batchId: [batchId, 'las:batch:1'] }),
      'documents.list: batchId[1]: must be a batch id (las:batch:<32 hex digits>), got "las:batch:1"; nothing was sent',
    ],
    [
      'an id of another kind as a filter',
      (las) => las.transitions.ref(transitionId).executions.list({ executionId: executionIds.workflow }),
      `transition.executions.list: executionId: must be a transition-execution id (las:transition-execution:<32 hex digits>), or a non-empty list of them, got "${executionIds.workflow}"; nothing was sent`,
    ],
    [
      'deleteMany with an empty filter list (it would have deleted every document)',
      (las) => las.documents.deleteMany({ datasetId: [] }),
      'documents.deleteMany: datasetId: must be a dataset id (las:dataset:<32 hex digits>), or a non-empty list of them; nothing was sent',
    ],
    ['deleteMany({ deleteAll: 1 })', (las) => las.documents.deleteMany({ deleteAll: 1 as never }), 'documents.deleteMany: deleteAll: must be true or false; nothing was sent'],
    [
      'a log filter of the wrong kind',
      (las) => las.logs.list({ workflowId: executionIds.workflow }),
      `logs.list: workflowId: must be a workflow id (las:workflow:<32 hex digits>), got "${executionIds.workflow}"; nothing was sent`,
    ],
    ['null options', (las) => las.datasets.list(null as never), 'datasets.list: options: must be an object; nothing was sent'],
  ]);

  test('a refused list does not throw when called: its promise rejects, and for-await throws', async () => {
    const las = testLas();
    const page = las.datasets.list({ maxResults: 0 });
    await expect(page).rejects.toThrow(ValidationError);
    const walk = async () => {
      for await (const _ of las.datasets.list({ maxResults: 0 })) break;
    };
    await expect(walk()).rejects.toThrow('datasets.list: maxResults: must be from 1 to 1000; nothing was sent');
    expect(attempted).toEqual([]);
  });
});

describe('item 10: ids are checked by the form the spec gives, not by prefix', () => {
  expectRefused([
    ['las:document:zzzz…', (las) => las.documents.get(`las:document:${hex('z')}`), `documents: documentId: must be a document id (las:document:<32 hex digits>), got "las:document:${hex('z')}"; nothing was sent`],
    ['upper-case hex', (las) => las.datasets.get(`las:dataset:${hex('A')}`), `datasets: datasetId: must be a dataset id (las:dataset:<32 hex digits>), got "las:dataset:${hex('A')}"; nothing was sent`],
    ['31 hex digits', (las) => las.batches.delete(`las:batch:${'a'.repeat(31)}`), `batches: batchId: must be a batch id (las:batch:<32 hex digits>), got "las:batch:${'a'.repeat(31)}"; nothing was sent`],
    ['33 hex digits', (las) => las.models.get(`las:model:${'a'.repeat(33)}`), `models: modelId: must be a model id (las:model:<32 hex digits>), got "las:model:${'a'.repeat(33)}"; nothing was sent`],
    ['a path in the id', (las) => las.workflows.get(`las:workflow:${hex('a')}/executions`), `workflows: workflowId: must be a workflow id (las:workflow:<32 hex digits>), got "las:workflow:${hex('a')}/executions"; nothing was sent`],
    ['organization', (las) => las.organizations.get('las:organization:me'), 'organizations: organizationId: must be an organization id (las:organization:<32 hex digits>), got "las:organization:me"; nothing was sent'],
    ['app client', (las) => las.appClients.delete('las:app-client:x'), 'appClients: appClientId: must be an app-client id (las:app-client:<32 hex digits>), got "las:app-client:x"; nothing was sent'],
    ['user', (las) => las.users.get('las:user:x'), 'users: userId: must be a user id (las:user:<32 hex digits>), got "las:user:x"; nothing was sent'],
    ['secret', (las) => las.secrets.delete('las:secret:x'), 'secrets: secretId: must be a secret id (las:secret:<32 hex digits>), got "las:secret:x"; nothing was sent'],
    ['log', (las) => las.logs.get('las:log:x'), 'logs: logId: must be a log id (las:log:<32 hex digits>), got "las:log:x"; nothing was sent'],
    ['asset', (las) => las.assets.get('las:asset:x'), 'assets: assetId: must be an asset id (las:asset:<32 hex digits>), got "las:asset:x"; nothing was sent'],
    [
      'data bundle',
      (las) => las.models.ref(modelId).dataBundles.delete('las:model-data-bundle:x'),
      'model.dataBundles: dataBundleId: must be a model-data-bundle id (las:model-data-bundle:<32 hex digits>), got "las:model-data-bundle:x"; nothing was sent',
    ],
    [
      'transition execution',
      (las) => las.transitions.ref(transitionId).executions.get('las:transition-execution:x'),
      'transition.executions: executionId: must be a transition-execution id (las:transition-execution:<32 hex digits>), got "las:transition-execution:x"; nothing was sent',
    ],
    [
      'workflow execution',
      (las) => las.workflows.ref(workflowId).executions.delete('las:workflow-execution:x'),
      'workflow.executions: executionId: must be a workflow-execution id (las:workflow-execution:<32 hex digits>), got "las:workflow-execution:x"; nothing was sent',
    ],
    [
      'transition: neither hex nor a commons name',
      (las) => las.transitions.get('las:transition:commons_failed'),
      'transitions: transitionId: must be a transition id (las:transition:<32 hex digits> or las:transition:commons-<name>), got "las:transition:commons_failed"; nothing was sent',
    ],
    [
      'an id inside a body',
      (las) => las.documents.update(documentId, { datasetId: 'las:dataset:zz' }),
      'document.update: datasetId: must be a dataset id (las:dataset:<32 hex digits>), got "las:dataset:zz"; nothing was sent',
    ],
    ['a number as an id', (las) => las.datasets.get(42 as never), 'datasets: datasetId: must be a dataset id (las:dataset:<32 hex digits>); nothing was sent'],
  ]);

  test('a 1,000,000-character id is refused with a message of a line, its echo clipped', async () => {
    const huge = `las:document:${'f'.repeat(1_000_000)}`;
    const error = await refusal((las) => las.documents.get(huge));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe(`documents: documentId: must be a document id (las:document:<32 hex digits>), got "${huge.slice(0, 79)}…"; nothing was sent`);
    expect(error.message.length).toBeLessThan(250);
  });

  test.each([
    ['an enum value', (las: Las) => las.logs.list({ order: 'x'.repeat(1_000_000) as never })],
    ['an unknown property name', (las: Las) => las.datasets.create({ ['k'.repeat(1_000_000)]: 1 } as never)],
    ['a record key', (las: Las) => las.transitions.create('docker', { parameters: { imageUrl: 'i', environment: { ['k'.repeat(1_000_000)]: 1 } } } as never)],
    ['an email (within its 320 characters)', (las: Las) => las.users.create('x'.repeat(300))],
    ['a deep path of long keys', (las: Las) => las.workflows.ref(workflowId).execute({ [`${'k'.repeat(10_000)}`]: nested(70) })],
  ])('every message quoting a caller’s text stays short: %s', async (_label, call) => {
    const error = await refusal(call);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message.length).toBeLessThan(300);
    expect(error.message).toContain('…');
  });

  test('the documented non-hex ids are accepted and sent: las:transition:commons-failed', async () => {
    mockToken();
    const commons = 'las:transition:commons-failed';
    const transition = { ...fixture('transition'), transitionId: commons };
    api().get(`/transitions/${encodeURIComponent(commons)}`).reply(200, transition);
    api().get('/logs').query({ transitionId: commons }).reply(200, { logs: [], nextToken: null });
    const handle = fixture<{ executionId: string; workflowId: string }>('workflow-execution');
    api()
      .patch(`/workflows/${encodeURIComponent(handle.workflowId)}/executions/${encodeURIComponent(handle.executionId)}`, { nextTransitionId: commons })
      .reply(200, handle);
    const las = testLas();

    expect((await las.transitions.get(commons)).transitionId).toBe(commons);
    expect((await las.logs.list({ transitionId: commons })).items).toEqual([]);
    await las.workflows.ref(handle.workflowId).executions.ref(handle.executionId).update({ nextTransitionId: commons });
  });
});

describe('item 12: only own keys count, and options must be plain objects', () => {
  const creates: [string, Call][] = [
    ['appClients.create', (las) => las.appClients.create({ name: 'n', toString: 'y' } as never)],
    ['batches.create', (las) => las.batches.create({ name: 'n', toString: 'y' } as never)],
    ['datasets.create', (las) => las.datasets.create({ name: 'n', toString: 'y' } as never)],
    ['models.create', (las) => las.models.create({ width: 300, height: 300, fieldConfig: {}, toString: 'y' } as never)],
    ['predictions.create', (las) => las.predictions.create({ documentId, modelId, toString: 'y' } as never)],
    ['secrets.create', (las) => las.secrets.create({ a: 'b' }, { toString: 'y' } as never)],
    ['transitions.create', (las) => las.transitions.create('manual', { toString: 'y' } as never)],
    ['users.create', (las) => las.users.create('a@example.com', { toString: 'y' } as never)],
    ['workflows.create', (las) => las.workflows.create({ definition: {} }, { toString: 'y' } as never)],
    ['documents.create', (las) => las.documents.create(PDF, { toString: 'y' } as never)],
    ['assets.create', (las) => las.assets.create(PDF, { toString: 'y' } as never)],
    ['model.dataBundles.create', (las) => las.models.ref(modelId).dataBundles.create({ toString: 'y' } as never)],
    ['dataset.update', (las) => las.datasets.update(datasetId, { name: 'n', toString: 'y' } as never)],
    ['workflow.update', (las) => las.workflows.update(workflowId, { name: 'n', constructor: 'y' } as never)],
    ['datasets.list', (las) => las.datasets.list({ hasOwnProperty: 'y' } as never)],
    ['documents.deleteMany', (las) => las.documents.deleteMany({ valueOf: 'y' } as never)],
  ];
  expectRefused(
    creates.map(([what, call]) => {
      const key = /workflow\.update/.test(what) ? 'constructor' : /datasets\.list/.test(what) ? 'hasOwnProperty' : /deleteMany/.test(what) ? 'valueOf' : 'toString';
      return [`${what} with an inherited name as a key`, call, `${what}: ${key}: is not a known property; nothing was sent`];
    }),
  );

  expectRefused([
    ['__proto__ as a key (JSON.parse makes it own)', (las) => las.datasets.create(JSON.parse('{"__proto__": {"name": "x"}}') as never), 'datasets.create: __proto__: is not a known property; nothing was sent'],
    ['a Map as options', (las) => las.datasets.create(new Map([['name', 'x']]) as never), 'datasets.create: options: must be a plain object, not a class instance or one that inherits from another; nothing was sent'],
    [
      'a class instance as options',
      (las) => las.batches.create(new (class Options { name = 'x' })() as never),
      'batches.create: options: must be a plain object, not a class instance or one that inherits from another; nothing was sent',
    ],
    ['a Date as query options', (las) => las.models.list(new Date() as never), 'models.list: options: must be an object; nothing was sent'],
    ['an array as options', (las) => las.secrets.list([] as never), 'secrets.list: options: must be an object; nothing was sent'],
    ['null document options', (las) => las.documents.create(PDF, null as never), 'documents.create: options: must be an object; nothing was sent'],
    ['null transition options', (las) => las.transitions.create('manual', null as never), 'transitions.create: options: must be an object; nothing was sent'],
    ['null delete options', (las) => las.datasets.delete(datasetId, null as never), 'dataset.delete: options: must be an object; nothing was sent'],
    [
      'inherited values: refused rather than dropped unseen (JSON sends own properties only)',
      (las) => las.predictions.create(Object.create({ documentId, modelId }) as never),
      'predictions.create: options: must be a plain object, not a class instance or one that inherits from another; nothing was sent',
    ],
    [
      'list options inheriting defaults',
      (las) => las.datasets.list(Object.assign(Object.create({ nextToken: 'from-a-prototype' }) as object, { maxResults: 5 })),
      'datasets.list: options: must be a plain object, not a class instance or one that inherits from another; nothing was sent',
    ],
  ]);

  test('a body is turned into JSON when checked: changing it while the request waits changes nothing', async () => {
    mockToken();
    let sent: unknown;
    api()
      .post('/datasets', (body: unknown) => ((sent = body), true))
      .reply(200, fixture('dataset'));
    api()
      .post(`/workflows/${encodeURIComponent(workflowId)}/executions`, (body: unknown) => ((sent = body), true))
      .reply(200, fixture('workflow-execution'));
    const options: Record<string, unknown> = { name: 'checked' };
    const created = testLas().datasets.create(options);
    // The request first waits for a token: a caller can change the options meanwhile.
    options.name = 42;
    options.description = deep;
    await created;
    expect(sent).toEqual({ name: 'checked' });

    const input: Record<string, unknown> = { a: 1 };
    const run = testLas().workflows.ref(workflowId).execute(input);
    input.self = input;
    await run;
    expect(sent).toEqual({ input: { a: 1 } });
  });

  test('options are copied when checked: changing them before the request goes changes nothing', async () => {
    mockToken();
    api().get('/documents').query({ datasetId: DOT }).reply(200, { documents: [], nextToken: null });
    const filter = [DOT];
    const page = testLas().documents.list({ datasetId: filter });
    filter.push('las:dataset:not-checked');
    await page;
  });
});

describe(`item 13: data nested too deep (> ${MAX_JSON_DEPTH} levels) or in a cycle is a ValidationError, never a RangeError`, () => {
  const NESTED = ': is nested deeper than 64 levels; nothing was sent';

  test('the message names the field beyond the limit, counted from the field itself', async () => {
    // input is level 1, input.doc level 2, ... the 65th level is input.doc and 63 more.
    const error = await refusal((las) => las.workflows.ref(workflowId).execute({ doc: deep }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe(`workflow.execute: input.doc${'.a'.repeat(63)}${NESTED}`);
    const secret = await refusal((las) => las.secrets.create({ v: deep } as never));
    expect(secret.message).toBe(`secrets.create: data.v${'.a'.repeat(63)}${NESTED}`);
  });

  // [label, call, what, the field the path starts at, the characters of each further step]
  const cases: [string, Call, string, string, string][] = [
    [
      'transitionExecution.succeed output',
      (las) => las.transitions.ref(transitionId).executions.ref(executionIds.transition).succeed({ deep }),
      'transitionExecution.update',
      'output.deep',
      '.a',
    ],
    ['transitions.create inSchema', (las) => las.transitions.create('manual', { inSchema: deep }), 'transitions.create', 'inSchema.a', '.a'],
    [
      'a property a schema lets through unnamed (a model field’s extras)',
      (las) => las.models.create({ width: 300, height: 300, fieldConfig: { f: { type: 'all', maxLength: 1, x: deep } } } as never),
      'models.create',
      'fieldConfig.f.x.a',
      '.a',
    ],
    [
      'an array of free-form items (a transition execution’s events are not input; workflow input arrays are)',
      (las) => las.workflows.ref(workflowId).execute({ list: [deep] }),
      'workflow.execute',
      'input.list[0].a',
      '.a',
    ],
  ];
  test.each(cases)('%s', async (_label, call, what, start, step) => {
    const error = await refusal(call);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toBeInstanceOf(LasError);
    expect(error.message.length).toBeLessThan(300);
    expect(error.message.startsWith(`${what}: ${start}`)).toBe(true);
    expect(error.message.endsWith(NESTED)).toBe(true);
    const path = error.message.slice(what.length + 2, -NESTED.length);
    expect(path.replace(start, '').replace('…', '').replaceAll(step, '')).toMatch(new RegExp(`^[${step}]*$`));
  });

  // A cycle is named as one, at the field that refers back, whatever the kind of data.
  expectRefused([
    ['workflow.execute input, a cycle', (las) => las.workflows.ref(workflowId).execute(cyclic), 'workflow.execute: input.self: refers back to an object that holds it: JSON cannot carry a cycle; nothing was sent'],
    [
      'secret.update data, a cycle',
      (las) => las.secrets.update(`las:secret:${hex('1')}`, { data: cyclic as never }),
      'secret.update: data.self: refers back to an object that holds it: JSON cannot carry a cycle; nothing was sent',
    ],
    [
      'workflows.create definition, a cycle',
      (las) => las.workflows.create({ definition: cyclic }),
      'workflows.create: specification.definition.self: refers back to an object that holds it: JSON cannot carry a cycle; nothing was sent',
    ],
  ]);

  // Deep or cyclic values where the schema wants something else: refused by type, never walked.
  expectRefused([
    ['deep ground truth', (las) => las.documents.update(documentId, { groundTruth: [{ label: 'a', value: deep as never }] }), 'document.update: groundTruth[0].value: must be a string; nothing was sent'],
    ['a deep query filter', (las) => las.documents.list({ datasetId: deep as never }), 'documents.list: datasetId: must be a dataset id (las:dataset:<32 hex digits>), or a non-empty list of them; nothing was sent'],
    ['a cyclic filter list', (las) => las.documents.list({ datasetId: [cyclic] as never }), 'documents.list: datasetId[0]: must be a dataset id (las:dataset:<32 hex digits>); nothing was sent'],
    ['deep options', (las) => las.datasets.create(deep as never), 'datasets.create: a: is not a known property; nothing was sent'],
    ['cyclic options', (las) => las.batches.delete(batchId, cyclic as never), 'batch.delete: name: is not a known property; nothing was sent'],
    ['a deep environment', (las) => las.transitions.update(transitionId, { environment: deep as never }), 'transition.update: environment.a: must be a string; nothing was sent'],
  ]);
});
