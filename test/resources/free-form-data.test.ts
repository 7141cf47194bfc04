/**
 * Free-form data (workflow input, a transition execution's output, secret data, a transition's
 * parameters and schemas) that JSON cannot carry as given is a ValidationError naming the field,
 * and nothing is sent: JSON.stringify would throw a raw TypeError (a BigInt), send `null` (NaN,
 * Infinity, an invalid Date, `undefined` in a list), `{}` (a Map) or leave the value out (a
 * function, a symbol, `undefined` in an object). Options the caller leaves `undefined` are left
 * out and `null` is sent as `null`, as before.
 */
import { api, mockToken, testLas, useAttemptRecorder } from '../helpers/api.js';
import { fixture } from '../helpers/fixtures.js';
import { ValidationError } from '../../src/errors.js';
import { MAX_JSON_VALUES } from '../../src/schema/index.js';
import type { Las } from '../../src/las.js';

const workflowId = fixture<{ workflowId: string }>('workflow').workflowId;
const transitionId = fixture<{ transitionId: string }>('transition').transitionId;
const executionId = fixture<{ executionId: string }>('transition-execution').executionId;
const secretId = `las:secret:${'1'.repeat(32)}`;

// Requests nock saw without an interceptor to answer them: a refused call attempts none.
const attempted = useAttemptRecorder();

type Call = (las: Las) => PromiseLike<unknown>;

async function refusal(call: Call): Promise<Error> {
  try {
    await call(testLas());
  } catch (error) {
    expect(attempted).toEqual([]);
    return error as Error;
  }
  throw new Error('the call resolved');
}

const execute = (input: Record<string, unknown>): Call => (las) => las.workflows.ref(workflowId).execute(input);
const CANNOT = 'which JSON cannot carry';

describe('workflow input JSON cannot carry is refused, naming the path', () => {
  class Money {
    constructor(readonly cents: number) {}
  }
  test.each<[string, Record<string, unknown>, string]>([
    ['a BigInt', { n: 10n }, `input.n: is a BigInt, ${CANNOT}: give a number or a string`],
    ['NaN', { n: NaN }, `input.n: is NaN, ${CANNOT} (it would be sent as null)`],
    ['Infinity deep in a list', { items: [1, 2, { total: Infinity }] }, `input.items[2].total: is Infinity, ${CANNOT} (it would be sent as null)`],
    ['-Infinity', { n: -Infinity }, `input.n: is -Infinity, ${CANNOT} (it would be sent as null)`],
    ['a function', { f() {} }, `input.f: is a function, ${CANNOT} (it would be left out)`],
    ['a function in a list', { items: [1, 2, { f: () => 1 }] }, `input.items[2].f: is a function, ${CANNOT} (it would be left out)`],
    ['a symbol', { s: Symbol('s') }, `input.s: is a symbol, ${CANNOT} (it would be left out)`],
    ['undefined in an object', { a: { b: undefined } }, `input.a.b: is undefined, ${CANNOT} (it would be left out or sent as null): leave it out or give null`],
    ['undefined at the top of the input', { a: undefined }, `input.a: is undefined, ${CANNOT} (it would be left out or sent as null): leave it out or give null`],
    // eslint-disable-next-line no-sparse-arrays -- a hole is what is tested
    ['a hole in a list', { list: [1, , 3] }, `input.list[1]: is undefined, ${CANNOT} (it would be left out or sent as null): leave it out or give null`],
    ['a Map', { m: new Map([['a', 1]]) }, 'input.m: is a Map, not plain data (JSON would send its own fields only): give a plain object, an array or a value'],
    ['a class instance', { price: new Money(5) }, 'input.price: is a Money, not plain data (JSON would send its own fields only): give a plain object, an array or a value'],
    ['bytes', { raw: new Uint8Array(2) }, 'input.raw: is a Uint8Array, not plain data (JSON would send its own fields only): give a plain object, an array or a value'],
    ['an invalid Date', { at: new Date('no') }, 'input.at: is an invalid Date (it would be sent as null)'],
  ])('%s', async (_label, input, problem) => {
    const error = await refusal(execute(input));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe(`workflow.execute: ${problem}; nothing was sent`);
  });

  test('an object shared at every level (small in memory, endless as JSON) is refused at once', async () => {
    let shared: unknown[] = [1];
    for (let i = 0; i < 60; i++) shared = [shared, shared];
    const error = await refusal(execute({ shared }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(new RegExp(`^workflow\\.execute: input\\.shared(\\[0\\])*: holds more than ${MAX_JSON_VALUES} values`));
  });
});

describe('every kind of free-form data is checked the same way', () => {
  test.each<[string, Call, string]>([
    [
      'a transition execution’s output',
      (las) => las.transitions.ref(transitionId).executions.ref(executionId).succeed({ total: NaN }),
      'transitionExecution.update: output.total: is NaN',
    ],
    ['secret data', (las) => las.secrets.create({ key: 10n } as never), 'secrets.create: data.key: is a BigInt'],
    ['secret data on update', (las) => las.secrets.update(secretId, { data: { key: undefined } as never }), 'secret.update: data.key: is undefined'],
    ['a transition’s input schema', (las) => las.transitions.create('manual', { inSchema: { f: () => 1 } }), 'transitions.create: inSchema.f: is a function'],
    ['a workflow definition', (las) => las.workflows.create({ definition: { States: [Symbol('x')] } }), 'workflows.create: specification.definition.States[0]: is a symbol'],
  ])('%s', async (_label, call, start) => {
    const error = await refusal(call);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message.startsWith(start)).toBe(true);
    expect(error.message.endsWith('; nothing was sent')).toBe(true);
  });
});

describe('what JSON carries is sent as before', () => {
  test('dates as ISO strings, an object used twice (not a cycle) in both places, null as null', async () => {
    mockToken();
    let sent: unknown;
    api()
      .post(`/workflows/${encodeURIComponent(workflowId)}/executions`, (body) => {
        sent = body;
        return true;
      })
      .reply(200, fixture('workflow-execution'));
    const address = { city: 'Oslo' };
    await testLas()
      .workflows.ref(workflowId)
      .execute({ at: new Date('2024-01-02T03:04:05Z'), from: address, to: address, note: null, list: [0, -1.5, 'x', false, {}] });
    expect(sent).toEqual({
      input: { at: '2024-01-02T03:04:05.000Z', from: { city: 'Oslo' }, to: { city: 'Oslo' }, note: null, list: [0, -1.5, 'x', false, {}] },
    });
  });

  test('an option left undefined is left out, and one given null is sent as null', async () => {
    mockToken();
    let sent: unknown;
    api()
      .post('/datasets', (body) => {
        sent = body;
        return true;
      })
      .reply(200, fixture('dataset'));
    await testLas().datasets.create({ name: 'invoices', description: null, retentionInDays: undefined });
    expect(sent).toEqual({ name: 'invoices', description: null });
  });
});
