/**
 * The organization-level kinds of API 2024-11-29 on the emulator: offered plans, roles and
 * deployment environments (read only), organizations, payment methods, users with their profiles
 * and app clients. Every answer is checked against the 2024-11-29 spec, objects closed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator, type Emulator } from '../src/index.js';
import { answerChecker } from './answer-schemas.js';
import { raw } from './helpers.js';

const check = answerChecker([], '2024-11-29');

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ apiVersion: '2024-11-29' });
});
afterAll(async () => {
  await emu?.close();
});

/** A request whose answer must be `status` and, when 200, fit the spec component `component`. */
async function call(method: string, path: string, status: number, component?: string, body?: unknown): Promise<Record<string, unknown>> {
  const answer = await raw(emu, method, path, { body });
  expect({ path, status: answer.status, body: answer.body }).toEqual({ path, status, body: expect.anything() });
  if (component) expect(check(`#/components/schemas/${component}`, answer.body)).toBeUndefined();
  return answer.body;
}

const enc = encodeURIComponent;

describe('what the service offers: seeded, read only', () => {
  test('plans: a free one and a paid one, listed, each read by id; owner filters by organization', async () => {
    const { plans } = (await call('GET', '/plans', 200, 'Plans')) as { plans: { planId: string; available: boolean; organizationId: null }[] };
    expect(plans.map((plan) => plan.planId)).toEqual(['las:plan:free', 'las:plan:professional']);
    expect(plans.every((plan) => plan.available && plan.organizationId === null)).toBe(true);
    const free = await call('GET', `/plans/${enc('las:plan:free')}`, 200, 'Plan');
    expect(free).toEqual(plans[0]);
    expect(await call('GET', `/plans?owner=${enc(emu.organizationId)}`, 200, 'Plans')).toEqual({ plans: [], nextToken: null });
    await call('GET', '/plans?owner=not-an-organization', 400);
    await call('GET', `/plans/${enc('las:plan:gold')}`, 404);
    await call('GET', `/plans?maxResults=1`, 200, 'Plans');
  });

  test('roles: admin and read only; deployment environments: a shared one', async () => {
    const { roles } = (await call('GET', '/roles', 200, 'Roles')) as { roles: { roleId: string }[] };
    expect(roles.map((role) => role.roleId)).toEqual(['las:role:admin', 'las:role:read-only']);
    expect(await call('GET', `/roles/${enc('las:role:read-only')}`, 200, 'Role')).toMatchObject({
      permissions: [{ resourceId: '*', effect: 'allow', action: 'read' }],
    });
    const { deploymentEnvironments } = (await call('GET', '/deploymentEnvironments', 200, 'DeploymentEnvironments')) as {
      deploymentEnvironments: { deploymentEnvironmentId: string }[];
    };
    expect(deploymentEnvironments.map((environment) => environment.deploymentEnvironmentId)).toEqual(['las:deployment-environment:shared']);
    await call('GET', `/deploymentEnvironments/${enc('las:deployment-environment:shared')}`, 200, 'DeploymentEnvironment');
    expect(await call('GET', `/deploymentEnvironments?owner=${enc(emu.organizationId)}`, 200, 'DeploymentEnvironments')).toEqual({
      deploymentEnvironments: [],
      nextToken: null,
    });
  });

  test('none can be created, changed or deleted: the spec has no such operation, so 403 as an unknown path', async () => {
    for (const [path, id] of [['/plans', 'las:plan:free'], ['/roles', 'las:role:admin'], ['/deploymentEnvironments', 'las:deployment-environment:shared']]) {
      await call('POST', path, 403, undefined, { name: 'mine' });
      await call('PATCH', `${path}/${enc(id)}`, 403, undefined, { name: 'mine' });
      await call('DELETE', `${path}/${enc(id)}`, 403);
    }
    expect(await call('GET', `/plans/${enc('las:plan:free')}`, 200, 'Plan')).toMatchObject({ name: 'Free' });
  });

  test('ids that are not of the kind, or name inherited properties, are 400 or 404, never a crash', async () => {
    await call('GET', '/plans/toString', 400);
    await call('GET', '/roles/__proto__', 400);
    await call('GET', `/roles/${enc('las:role:toString')}`, 404);
    await call('GET', `/roles/${enc('las:role:__proto__')}`, 404);
    await call('GET', `/plans/${enc('las:plan:constructor')}`, 404);
    await call('GET', `/deploymentEnvironments/${enc('las:deployment-environment:__proto__')}`, 404);
  });
});

describe('organizations', () => {
  test('the emulator\'s own: every field of 2024-11-29, on the free plan, without a payment method, its counts live', async () => {
    const organization = await call('GET', `/organizations/${enc(emu.organizationId)}`, 200, 'Organization');
    expect(organization).toMatchObject({
      organizationId: emu.organizationId,
      planId: 'las:plan:free',
      paymentMethodId: null,
      documentRetentionInDays: 1825,
      clientId: emu.credentials.clientId,
      monthlyNumberOfTrainingsCreated: 0,
      monthlyNumberOfGpuHoursUsed: 0,
    });
    expect(organization).not.toHaveProperty('numberOfBatchesCreated');
    const before = organization.numberOfUsersCreated as number;
    await call('POST', '/users', 200, 'User', { email: 'counted@example.com' });
    expect(await call('GET', `/organizations/${enc(emu.organizationId)}`, 200, 'Organization')).toMatchObject({ numberOfUsersCreated: before + 1 });
  });

  test('POST creates one (owning nothing), GET lists them', async () => {
    const made = await call('POST', '/organizations', 200, 'Organization', { name: 'Second' });
    expect(made).toMatchObject({ name: 'Second', description: null, planId: 'las:plan:free', paymentMethodId: null, clientId: null, numberOfUsersCreated: 0 });
    expect(made.organizationId).toMatch(/^las:organization:[a-f0-9]{32}$/);
    await call('POST', '/organizations', 200, 'Organization', {});
    const { organizations } = (await call('GET', '/organizations', 200, 'Organizations')) as { organizations: { organizationId: string }[] };
    expect(organizations.map((one) => one.organizationId).slice(0, 2)).toEqual([emu.organizationId, made.organizationId]);
    expect(organizations).toHaveLength(3);
    await call('POST', '/organizations', 400, undefined, { name: 'x', planId: 'las:plan:free' });
  });

  test('PATCH planId and paymentMethodId: they must exist (400 naming them), a plan may be pinned to a version', async () => {
    const path = `/organizations/${enc(emu.organizationId)}`;
    expect(await call('PATCH', path, 200, 'Organization', { planId: 'las:plan:professional' })).toMatchObject({ planId: 'las:plan:professional' });
    await call('PATCH', path, 200, 'Organization', { planId: 'las:plan:free:1' });
    await call('PATCH', path, 200, 'Organization', { planId: 'las:plan:free:@latest' });
    for (const planId of ['las:plan:gold', 'las:plan:free:2', 'las:plan:free:0', 'las:plan:free:@beta', `${emu.organizationId}/las:plan:free`, 'las:plan:tostring']) {
      const answer = await call('PATCH', path, 400, undefined, { planId });
      expect(answer.message).toBe(`body.planId: no plan ${planId}; GET /plans lists them`);
    }
    await call('PATCH', path, 400, undefined, { planId: 'las:plan:__proto__:' });
    const missing = `las:payment-method:${'0'.repeat(32)}`;
    expect((await call('PATCH', path, 400, undefined, { paymentMethodId: missing })).message).toBe(
      `body.paymentMethodId: no payment method ${missing}; GET /paymentMethods lists them`,
    );
    const { paymentMethodId } = await call('POST', '/paymentMethods', 200, 'PaymentMethod', {});
    expect(await call('PATCH', path, 200, 'Organization', { paymentMethodId })).toMatchObject({ paymentMethodId, planId: 'las:plan:free:@latest' });
    expect(await call('PATCH', path, 200, 'Organization', { paymentMethodId: null })).toMatchObject({ paymentMethodId: null });
    expect(await call('GET', path, 200, 'Organization')).toMatchObject({ paymentMethodId: null });
  });
});

describe('payment methods', () => {
  test('created with a fake Stripe setup intent, set up by PATCHing its secret back, listed, read, deleted', async () => {
    const made = await call('POST', '/paymentMethods', 200, 'PaymentMethod', { name: 'Company card' });
    expect(made).toMatchObject({ name: 'Company card', description: null, details: null, stripePublishableKey: 'pk_test_las_emulator_fake_key' });
    expect(made.stripeSetupIntentSecret).toMatch(/^seti_fake_[0-9a-f]{24}_secret_[0-9a-f]{24}$/);
    const path = `/paymentMethods/${enc(made.paymentMethodId as string)}`;
    const read = await call('GET', path, 200, 'PaymentMethod');
    expect(read).not.toHaveProperty('stripeSetupIntentSecret');
    expect((await call('PATCH', path, 400, undefined, { stripeSetupIntentSecret: 'seti_other' })).message).toContain('is not the secret POST /paymentMethods answered');
    expect(await call('PATCH', path, 200, 'PaymentMethod', { stripeSetupIntentSecret: made.stripeSetupIntentSecret })).toMatchObject({
      details: { brand: 'visa', last4: '4242' },
    });
    await call('PATCH', path, 200, 'PaymentMethod', { description: 'for invoices' });
    const { paymentMethods } = (await call('GET', '/paymentMethods', 200, 'PaymentMethods')) as { paymentMethods: { paymentMethodId: string }[] };
    expect(paymentMethods.map((one) => one.paymentMethodId)).toContain(made.paymentMethodId);
    expect(await call('DELETE', path, 200, 'PaymentMethod')).toMatchObject({ paymentMethodId: made.paymentMethodId, description: 'for invoices' });
    await call('GET', path, 404);
  });

  test("deleting the one the organization pays with is refused (400), and allowed once it pays with another", async () => {
    const { paymentMethodId } = await call('POST', '/paymentMethods', 200, 'PaymentMethod', {});
    const organizationPath = `/organizations/${enc(emu.organizationId)}`;
    await call('PATCH', organizationPath, 200, 'Organization', { paymentMethodId });
    const refused = await call('DELETE', `/paymentMethods/${enc(paymentMethodId as string)}`, 400);
    expect(refused.message).toBe(
      `Payment method ${String(paymentMethodId)} is what organization ${emu.organizationId} pays with: PATCH its paymentMethodId to another (or null) before deleting it`,
    );
    await call('GET', `/paymentMethods/${enc(paymentMethodId as string)}`, 200, 'PaymentMethod');
    await call('PATCH', organizationPath, 200, 'Organization', { paymentMethodId: null });
    await call('DELETE', `/paymentMethods/${enc(paymentMethodId as string)}`, 200, 'PaymentMethod');
  });
});

describe('users and their profiles', () => {
  test('a user is made with roles, metadata, a status and a profile holding the e-mail; PATCH checks the roles', async () => {
    const user = await call('POST', '/users', 200, 'User', { email: 'ada@example.com', roleIds: ['las:role:read-only'], metadata: { team: 'ops' } });
    expect(user).toMatchObject({ roleIds: ['las:role:read-only'], metadata: { team: 'ops' }, status: 'active' });
    expect(user).not.toHaveProperty('email');
    const profilePath = `/profiles/${enc(user.profileId as string)}`;
    expect(await call('GET', profilePath, 200, 'Profile')).toMatchObject({ profileId: user.profileId, email: 'ada@example.com', name: null });
    const userPath = `/users/${enc(user.userId as string)}`;
    expect(await call('PATCH', userPath, 200, 'User', { roleIds: ['las:role:admin', 'las:role:read-only'] })).toMatchObject({
      roleIds: ['las:role:admin', 'las:role:read-only'],
    });
    expect((await call('PATCH', userPath, 400, undefined, { roleIds: ['las:role:admin', 'las:role:owner'] })).message).toBe(
      'body.roleIds[1]: no role las:role:owner; GET /roles lists them',
    );
    await call('PATCH', userPath, 400, undefined, { name: 'Ada' });
    expect(await call('GET', userPath, 200, 'User')).toMatchObject({ roleIds: ['las:role:admin', 'las:role:read-only'] });
    await call('GET', '/users', 200, 'Users');
  });

  test('roleIds of roles there are not, inherited names included, are refused and nothing is made', async () => {
    const { users: before } = (await call('GET', '/users', 200, 'Users')) as { users: unknown[] };
    for (const roleId of ['las:role:owner', 'las:role:toString', 'las:role:__proto__', 'las:role:constructor']) {
      expect((await call('POST', '/users', 400, undefined, { email: 'eve@example.com', roleIds: [roleId] })).message).toBe(
        `body.roleIds[0]: no role ${roleId}; GET /roles lists them`,
      );
    }
    await call('POST', '/users', 400, undefined, { email: 'eve@example.com', roleIds: ['admin'] });
    const { users: after } = (await call('GET', '/users', 200, 'Users')) as { users: unknown[] };
    expect(after).toHaveLength(before.length);
  });

  test("a profile's own fields are changed by PATCH; its id, e-mail and counts are not", async () => {
    const { profileId } = await call('POST', '/users', 200, 'User', { email: 'grace@example.com' });
    const path = `/profiles/${enc(profileId as string)}`;
    // Sent as text: an object literal cannot have a `__proto__` key of its own.
    const body = '{"name":"Grace Hopper","givenName":"Grace","locale":"en-US","metadata":{"toString":1,"__proto__":2}}';
    const changed = await call('PATCH', path, 200, 'Profile', body);
    expect(changed).toMatchObject({ name: 'Grace Hopper', givenName: 'Grace', familyName: null, locale: 'en-US', email: 'grace@example.com' });
    expect(Object.entries(changed.metadata as object)).toEqual([['toString', 1], ['__proto__', 2]]);
    for (const body of [{ email: 'other@example.com' }, { profileId: 'las:profile:x' }, { numberOfOrganizationsAllowed: 100 }, {}, { name: 5 }]) {
      await call('PATCH', path, 400, undefined, body);
    }
    expect(await call('GET', path, 200, 'Profile')).toMatchObject({ email: 'grace@example.com', name: 'Grace Hopper' });
    await call('GET', `/profiles/${enc(`las:profile:${'0'.repeat(32)}`)}`, 404);
    await call('GET', '/profiles/__proto__', 400);
    await call('GET', '/profiles', 403);
  });

  test('deleting a user deletes their profile', async () => {
    const { userId, profileId } = await call('POST', '/users', 200, 'User', { email: 'gone@example.com' });
    await call('DELETE', `/users/${enc(userId as string)}`, 200, 'User');
    await call('GET', `/profiles/${enc(profileId as string)}`, 404);
    await call('PATCH', `/profiles/${enc(profileId as string)}`, 404, undefined, { name: 'ghost' });
  });
});

describe('app clients', () => {
  test("the emulator's own is an admin and has no API key; GET one answers it", async () => {
    const { appClients } = (await call('GET', '/appClients', 200, 'AppClients')) as { appClients: { appClientId: string; clientId: string }[] };
    const own = appClients.find((client) => client.clientId === emu.credentials.clientId);
    expect(own).toMatchObject({ roleIds: ['las:role:admin'], hasSecret: true });
    expect(own).not.toHaveProperty('apiKey');
    expect(await call('GET', `/appClients/${enc(own?.appClientId as string)}`, 200, 'AppClient')).toEqual(own);
  });

  test('created with roleIds (none unless given), which must exist; PATCH checks them too; the secret is answered once', async () => {
    const made = await call('POST', '/appClients', 200, 'AppClient', { name: 'reader', roleIds: ['las:role:read-only'] });
    expect(made).toMatchObject({ roleIds: ['las:role:read-only'], hasSecret: true });
    expect(typeof made.clientSecret).toBe('string');
    const path = `/appClients/${enc(made.appClientId as string)}`;
    const read = await call('GET', path, 200, 'AppClient');
    expect(read).not.toHaveProperty('clientSecret');
    expect(await call('POST', '/appClients', 200, 'AppClient', { generateSecret: false })).toMatchObject({ roleIds: [], hasSecret: false });
    expect((await call('POST', '/appClients', 400, undefined, { roleIds: ['las:role:root'] })).message).toBe('body.roleIds[0]: no role las:role:root; GET /roles lists them');
    expect((await call('PATCH', path, 400, undefined, { roleIds: ['las:role:hasOwnProperty'] })).message).toBe(
      'body.roleIds[0]: no role las:role:hasOwnProperty; GET /roles lists them',
    );
    expect(await call('PATCH', path, 200, 'AppClient', { roleIds: ['las:role:admin'] })).toMatchObject({ roleIds: ['las:role:admin'] });
    await call('POST', '/appClients', 400, undefined, { apiKey: 'mine' });
  });
});

describe('in a data directory', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'las-emulator-offered-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('what is offered is seeded once: a restart finds it, not twice, and an organization keeps its plan and profiles', async () => {
    const first = await startEmulator({ apiVersion: '2024-11-29', dataDir: dir });
    const organizationPath = `/organizations/${enc(first.organizationId)}`;
    expect((await raw(first, 'PATCH', organizationPath, { body: { planId: 'las:plan:professional' } })).status).toBe(200);
    const { profileId } = (await raw(first, 'POST', '/users', { body: { email: 'kept@example.com' } })).body;
    await first.close();
    const again = await startEmulator({ apiVersion: '2024-11-29', dataDir: dir, clientId: 'otherclient', clientSecret: 'secret' });
    try {
      const plans = await raw(again, 'GET', '/plans');
      expect((plans.body.plans as { planId: string }[]).map((plan) => plan.planId)).toEqual(['las:plan:free', 'las:plan:professional']);
      expect(((await raw(again, 'GET', '/roles')).body.roles as unknown[]).length).toBe(2);
      // Its clientId is the one the emulator hands out now.
      expect((await raw(again, 'GET', organizationPath)).body).toMatchObject({ planId: 'las:plan:professional', clientId: 'otherclient' });
      expect((await raw(again, 'GET', `/profiles/${enc(profileId as string)}`)).body).toMatchObject({ email: 'kept@example.com' });
    } finally {
      await again.close();
    }
  });
});

test("an own client id the organization's clientId cannot hold (upper case, dashes) leaves it null, the answer still the spec's", async () => {
  const chosen = await startEmulator({ apiVersion: '2024-11-29', clientId: 'My-Client', clientSecret: 'secret' });
  try {
    const organization = await raw(chosen, 'GET', `/organizations/${enc(chosen.organizationId)}`);
    expect(organization.body).toMatchObject({ clientId: null });
    expect(check('#/components/schemas/Organization', organization.body)).toBeUndefined();
  } finally {
    await chosen.close();
  }
});

describe('under 2021-09-23 nothing of it is served', () => {
  test('no plans, roles, deployment environments, profiles or payment methods; users and app clients as before', async () => {
    const seed = await startEmulator();
    try {
      for (const listPath of ['/plans', '/roles', '/deploymentEnvironments', '/paymentMethods', '/organizations']) {
        expect({ listPath, status: (await raw(seed, 'GET', listPath)).status }).toEqual({ listPath, status: 403 });
      }
      const check2021 = answerChecker();
      const { body: clients } = await raw(seed, 'GET', '/appClients');
      const own = (clients.appClients as Record<string, unknown>[])[0];
      expect(own).toHaveProperty('apiKey');
      expect(own).not.toHaveProperty('roleIds');
      expect(check2021('#/components/schemas/AppClients', clients)).toBeUndefined();
      const organization = await raw(seed, 'GET', `/organizations/${enc(seed.organizationId)}`);
      expect(organization.body).not.toHaveProperty('planId');
      expect(check2021('#/components/schemas/Organization', organization.body)).toBeUndefined();
      const user = await raw(seed, 'POST', '/users', { body: { email: 'old@example.com', name: 'Old' } });
      expect(user.body).toMatchObject({ email: 'old@example.com', name: 'Old' });
      expect(user.body).not.toHaveProperty('profileId');
      expect(check2021('#/components/schemas/User', user.body)).toBeUndefined();
      expect((await raw(seed, 'POST', '/users', { body: { email: 'x@example.com', roleIds: ['las:role:admin'] } })).status).toBe(400);
    } finally {
      await seed.close();
    }
  });
});
