/**
 * The ids of what the service offers under API 2024-11-29, as its spec writes them: a plan or a
 * deployment environment named by its own id, pinned to a version (`:1`, `:@latest`), or with its
 * owner before it. GET answers the one named (its id as asked, without the owner, which the
 * spec's answers never carry); PATCH /organizations takes the same ids by the same rule.
 */
import { startEmulator, type Emulator } from '../src/index.js';
import { internals } from '../src/internals.js';
import { answerChecker } from './answer-schemas.js';
import { raw } from './helpers.js';

const check = answerChecker([], '2024-11-29');
const enc = encodeURIComponent;

let emu: Emulator;
let org: string;
beforeAll(async () => {
  emu = await startEmulator({ apiVersion: '2024-11-29' });
  org = emu.organizationId;
  // A plan of the emulator's own organization (the service's may have some): owned ids name it.
  const { store } = internals.get(emu) as NonNullable<ReturnType<typeof internals.get>>;
  store.tables.plans.insert('las:plan:custom', {
    planId: 'las:plan:custom',
    organizationId: org,
    name: 'Custom',
    description: null,
    available: true,
    currency: 'EUR',
    latest: 2,
  });
  expect(store.commit()).toBeUndefined();
});
afterAll(async () => {
  await emu?.close();
});

async function get(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const answer = await raw(emu, 'GET', path);
  return { status: answer.status, body: answer.body };
}

describe('GET /plans/{planId} by the ids the spec allows', () => {
  test.each([
    ['las:plan:free', 'las:plan:free'],
    ['las:plan:free:1', 'las:plan:free:1'],
    ['las:plan:free:@latest', 'las:plan:free:@latest'],
    ['las:plan:custom:2', 'las:plan:custom:2'],
    ['ORG/las:plan:custom', 'las:plan:custom'],
    ['ORG/las:plan:custom:1', 'las:plan:custom:1'],
  ])('%s answers the plan, planId %s', async (asked, answered) => {
    const answer = await get(`/plans/${enc(asked.replace('ORG', org))}`);
    expect(answer.status).toBe(200);
    expect(check('#/components/schemas/Plan', answer.body)).toBeUndefined();
    const stored = asked.includes('custom') ? 'Custom' : 'Free';
    expect(answer.body).toMatchObject({ planId: answered, name: stored });
  });

  test.each([
    'las:plan:free:2',
    'las:plan:free:0',
    'las:plan:free:@beta',
    'las:plan:custom:3',
    'ORG/las:plan:free',
    'las:organization:someone-else/las:plan:custom',
    'las:plan:gold:1',
  ])('%s names no plan: 404', async (asked) => {
    const answer = await get(`/plans/${enc(asked.replace('ORG', org))}`);
    expect(answer).toEqual({ status: 404, body: { message: expect.stringContaining('not found') as unknown } });
  });

  test.each(['las:plan:Free', 'las:plan:free:', 'las:plan:free:1:2', 'las:organization:x/las:plan:free/', 'las:deployment-environment:shared'])(
    '%s is no plan id: 400',
    async (asked) => {
      expect((await get(`/plans/${enc(asked)}`)).status).toBe(400);
    },
  );

  test('the list still shows each plan once, under its own id', async () => {
    const { body } = await get('/plans');
    expect((body.plans as { planId: string }[]).map((plan) => plan.planId)).toEqual(['las:plan:free', 'las:plan:professional', 'las:plan:custom']);
  });
});

describe('GET /deploymentEnvironments/{deploymentEnvironmentId} by the same rule', () => {
  test.each([
    ['las:deployment-environment:shared', 200],
    ['las:deployment-environment:shared:1', 200],
    ['las:deployment-environment:shared:@latest', 200],
    ['las:deployment-environment:shared:2', 404],
    ['ORG/las:deployment-environment:shared', 404],
  ])('%s: %d', async (asked, status) => {
    const answer = await get(`/deploymentEnvironments/${enc(asked.replace('ORG', org))}`);
    expect(answer.status).toBe(status);
    if (status === 200) {
      expect(check('#/components/schemas/DeploymentEnvironment', answer.body)).toBeUndefined();
      expect(answer.body.deploymentEnvironmentId).toBe(asked);
    }
  });
});

describe('PATCH /organizations takes the plan ids GET answers', () => {
  test.each([
    ['las:plan:free:1', 200],
    ['las:plan:professional:@latest', 200],
    ['ORG/las:plan:custom:2', 200],
    ['las:plan:free:2', 400],
    ['ORG/las:plan:free', 400],
  ])('%s: %d', async (planId, status) => {
    const id = planId.replace('ORG', org);
    const answer = await raw(emu, 'PATCH', `/organizations/${enc(org)}`, { body: { planId: id } });
    expect(answer.status).toBe(status);
    if (status === 200) {
      expect(check('#/components/schemas/Organization', answer.body)).toBeUndefined();
      expect(answer.body.planId).toBe(id);
      expect((await get(`/plans/${enc(id)}`)).status).toBe(200);
    }
  });
});
