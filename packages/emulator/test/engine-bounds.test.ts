/**
 * The workflow engine under data it builds itself: Parameters, ResultPath and loops of states
 * can nest data deeper at every step, and keys such as `__proto__` come from clients. The engine
 * fails the execution with a clear error rather than overflowing the stack (a 500), never hands
 * on data deeper than MAX_JSON_DEPTH, and keeps every key as plain own data.
 */
import { MAX_JSON_DEPTH } from '../../../src/schema/index.js';
import { globMatches, matches } from '../src/asl/choice.js';
import { startDirect } from './direct-server.js';
import { raw, useEmulator } from './helpers.js';

const t = useEmulator();

type Body = Record<string, unknown>;

async function post(path: string, body: unknown = {}): Promise<Body> {
  const answer = await raw(t.emu, 'POST', path, { body });
  if (answer.status !== 200) throw new Error(`POST ${path} -> ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

async function workflow(States: Body, StartAt = Object.keys(States)[0]): Promise<string> {
  return (await post('/workflows', { specification: { definition: { StartAt, States } } })).workflowId as string;
}

/** JSON text of `{"a":{"a":...1}}` with `depth` objects. */
function deepJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

describe('nesting the engine builds', () => {
  test('a loop of Pass states nesting its input deeper each time fails the execution, not the request', async () => {
    // Each round wraps the input ten levels deeper: long before the 1,000 rounds the engine allows, no copy of it fits the stack.
    let wrap: Body = { 'x.$': '$' };
    for (let i = 0; i < 9; i++) wrap = { w: wrap };
    const id = await workflow({ Grow: { Type: 'Pass', Parameters: wrap, Next: 'Grow' } });
    const answer = await raw(t.emu, 'POST', `/workflows/${id}/executions`, { body: { input: { n: 1 } } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      status: 'failed',
      output: { error: { name: 'States.Runtime', message: `The input of state Grow is nested deeper than ${MAX_JSON_DEPTH} levels`, state: 'Grow' } },
    });
  });

  test('a Task output at the limit placed deeper by its ResultPath fails the execution with the reason', async () => {
    const transitionId = (await post('/transitions', { transitionType: 'manual' })).transitionId as string;
    const id = await workflow({ Step: { Type: 'Task', Resource: transitionId, ResultPath: '$.result', End: true } });
    const execution = await post(`/workflows/${id}/executions`, { input: {} });
    const [taskId] = (execution.transitionExecutions as Record<string, string[]>)[transitionId];
    const done = await raw(t.emu, 'PATCH', `/transitions/${transitionId}/executions/${taskId}`, {
      body: `{"status":"succeeded","output":${deepJson(MAX_JSON_DEPTH)}}`,
    });
    expect(done.status).toBe(200);
    const after = await raw(t.emu, 'GET', `/workflows/${id}/executions/${execution.executionId as string}`);
    expect(after.body).toMatchObject({
      status: 'failed',
      output: { error: { name: 'States.Runtime', message: `The output of the execution is nested deeper than ${MAX_JSON_DEPTH} levels`, state: 'Step' } },
    });
  });

  test(`a ResultPath of more than ${MAX_JSON_DEPTH} steps is refused when the workflow is created`, async () => {
    const definition = { StartAt: 'P', States: { P: { Type: 'Pass', ResultPath: `$${'.a'.repeat(MAX_JSON_DEPTH + 1)}`, End: true } } };
    expect(await raw(t.emu, 'POST', '/workflows', { body: { specification: { definition } } })).toEqual({
      status: 400,
      body: { message: `body.specification.definition.States.P.ResultPath: must have at most ${MAX_JSON_DEPTH} steps (the nesting limit of JSON data)` },
    });
  });

  test('a state name longer than the 80 characters of ASL is refused: each event would repeat it', async () => {
    const name = 'S'.repeat(1_000_000);
    const definition = { StartAt: name, States: { [name]: { Type: 'Pass', Next: name } } };
    expect(await raw(t.emu, 'POST', '/workflows', { body: { specification: { definition } } })).toEqual({
      status: 400,
      body: { message: 'body.specification.definition.States: a state name must be at most 80 characters' },
    });
  });
});

describe('__proto__, constructor and toString are plain keys', () => {
  afterEach(() => {
    // Nothing reached Object.prototype.
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Body).polluted).toBeUndefined();
  });

  test('refused as unknown properties of a strict body', async () => {
    for (const key of ['__proto__', 'constructor', 'toString']) {
      const answer = await raw(t.emu, 'POST', '/datasets', { body: `{"${key}":{"polluted":1}}` });
      expect(answer).toEqual({ status: 400, body: { message: `body.${key}: is not a known property` } });
    }
  });

  test('kept as own data in a workflow input and handed on unchanged', async () => {
    const id = await workflow({ Done: { Type: 'Succeed' } });
    const input = '{"__proto__":{"polluted":1},"toString":1,"constructor":{"prototype":{"polluted":2}}}';
    const response = await fetch(`${t.emu.apiEndpoint}/workflows/${id}/executions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await t.emu.credentials.getAccessToken()}`, 'content-type': 'application/json' },
      body: `{"input":${input}}`,
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain(`"input":${input}`);
    expect(text).toContain(`"output":${input}`);
  });

  test('a ResultPath through __proto__ writes a field of that name, not Object.prototype', async () => {
    const id = await workflow({ P: { Type: 'Pass', Result: 'yes', ResultPath: '$.__proto__.polluted', End: true } });
    const response = await fetch(`${t.emu.apiEndpoint}/workflows/${id}/executions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await t.emu.credentials.getAccessToken()}`, 'content-type': 'application/json' },
      body: '{"input":{"keep":1}}',
    });
    expect(await response.text()).toContain('"output":{"keep":1,"__proto__":{"polluted":"yes"}}');
  });

  test('Parameters keys __proto__ and toString.$ become own fields of the Task input', async () => {
    const transitionId = (await post('/transitions', { transitionType: 'manual' })).transitionId as string;
    const Parameters = JSON.parse('{"__proto__":{"polluted":1},"toString.$":"$.v"}') as Body;
    const id = await workflow({ Step: { Type: 'Task', Resource: transitionId, Parameters, End: true } });
    const execution = await post(`/workflows/${id}/executions`, { input: { v: 7 } });
    const [taskId] = (execution.transitionExecutions as Record<string, string[]>)[transitionId];
    const response = await fetch(`${t.emu.apiEndpoint}/transitions/${transitionId}/executions/${taskId}`, {
      headers: { authorization: `Bearer ${await t.emu.credentials.getAccessToken()}` },
    });
    expect(await response.text()).toContain('"input":{"__proto__":{"polluted":1},"toString":7}');
  });

  test('kept as own data in secret data, as stored', async () => {
    const direct = await startDirect();
    try {
      const response = await fetch(`${direct.apiEndpoint}/secrets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${direct.token}`, 'content-type': 'application/json' },
        body: '{"data":{"__proto__":{"polluted":1},"toString":1}}',
      });
      expect(response.status).toBe(200);
      const { secretId } = (await response.json()) as { secretId: string };
      const data = direct.store.tables.secrets.get(secretId)?.hidden.data as Body;
      expect(Object.keys(data)).toEqual(['__proto__', 'toString']);
      expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
      expect(JSON.stringify(data)).toBe('{"__proto__":{"polluted":1},"toString":1}');
    } finally {
      await direct.close();
    }
  });

  test('ground-truth labels toString, constructor and __proto__ are counted like any label', async () => {
    const dataset = await post('/datasets');
    const groundTruth = ['toString', 'constructor', '__proto__', 'total', 'total'].map((label) => ({ label, value: 'x' }));
    await post('/documents', { content: 'aGVsbG8=', contentType: 'application/pdf', datasetId: dataset.datasetId, groundTruth });
    const response = await fetch(`${t.emu.apiEndpoint}/datasets/${dataset.datasetId as string}`, {
      headers: { authorization: `Bearer ${await t.emu.credentials.getAccessToken()}` },
    });
    expect(await response.text()).toContain('"groundTruthSummary":{"toString":1,"constructor":1,"__proto__":1,"total":2}');
  });
});

describe('StringMatches', () => {
  test.each([
    ['a*c', 'abc', true],
    ['a*c', 'abd', false],
    ['a\\*c', 'a*c', true],
    ['a\\*c', 'abc', false],
    ['*', '', true],
    ['', '', true],
    ['a*', '', false],
    ['*b*', 'abc', true],
    ['a*b*c', 'aXbYc', true],
    ['*ab', 'aab', true],
    ['ab*', 'ab', true],
    ['*.pdf', 'scan.PDF', false],
  ])('%j matches %j: %s', (pattern, text, expected) => {
    expect(globMatches(pattern, text)).toBe(expected);
  });

  test('a pattern of many stars answers at once (as a regular expression it backtracks for minutes)', () => {
    const rule = { Variable: '$.s', StringMatches: `${'*a'.repeat(16)}*b` };
    expect(matches(rule, { s: 'a'.repeat(30) })).toBe(false);
  });
});
