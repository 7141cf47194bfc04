/** The SDK under API 2024-11-29 reads and changes the organization-level kinds of a 2024-11-29 emulator. */
import { AuthorizationCodeCredentials } from '../../../src/auth/authorization-code.js';
import { Las } from '../../../src/las.js';
import { startEmulator, type Emulator } from '../src/index.js';
import { deploymentEnvironmentSchema, paymentMethodSchema, planSchema, profileSchema, roleSchema } from '../../../src/api/index.js';
import { expectShape, messageOf, rejection } from './helpers.js';
import { approvingNavigator } from './sign-in.js';

let emu: Emulator;
let las: Las;
beforeAll(async () => {
  emu = await startEmulator({ apiVersion: '2024-11-29' });
  las = new Las({ credentials: emu.credentials, apiVersion: '2024-11-29', maxRetries: 0 });
});
afterAll(async () => {
  await emu?.close();
});

// The SDK's types of users and app clients are still the 2021-09-23 ones: the 2024 fields are read
// (kept as they came) but not typed, so the test reads the entity's wire data.
function wire(entity: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(entity)) as Record<string, unknown>;
}

test('plans, roles and deployment environments: listed and read by id', async () => {
  expect((await las.plans.list()).items.map((plan) => plan.planId)).toEqual(['las:plan:free', 'las:plan:professional']);
  expect((await las.plans.list({ owner: emu.organizationId })).items).toEqual([]);
  const free = await las.plans.get('las:plan:free');
  expect(free).toMatchObject({ planId: 'las:plan:free', currency: 'USD', available: true, latest: 1 });
  expectShape(planSchema, free);
  expect((await las.roles.list()).items.map((role) => role.roleId)).toEqual(['las:role:admin', 'las:role:read-only']);
  const admin = await las.roles.get('las:role:admin');
  expect(admin.permissions).toEqual([{ resourceId: '*', effect: 'allow', action: '*' }]);
  expectShape(roleSchema, admin);
  const [shared] = (await las.deploymentEnvironments.list()).items;
  expect(shared).toMatchObject({ deploymentEnvironmentId: 'las:deployment-environment:shared', status: 'available' });
  const environment = await las.deploymentEnvironments.get('las:deployment-environment:shared');
  expect(environment.modelDeploymentUnits).toBe(1);
  expectShape(deploymentEnvironmentSchema, environment);
});

test('organizations: its own read, a new one created and listed, the plan and payment method changed', async () => {
  const own = await las.organizations.get(emu.organizationId);
  expect(own).toMatchObject({ organizationId: emu.organizationId, planId: 'las:plan:free', paymentMethodId: null });
  const made = await las.organizations.create({ name: 'Side project' });
  expect(made.name).toBe('Side project');
  expect((await las.organizations.list()).items.map((organization) => organization.organizationId)).toEqual([emu.organizationId, made.organizationId]);
  const card = await las.paymentMethods.create({ name: 'Card' });
  await card.update({ stripeSetupIntentSecret: card.stripeSetupIntentSecret as string });
  expect(card.details).toMatchObject({ last4: '4242' });
  expectShape(paymentMethodSchema, card);
  await own.update({ planId: 'las:plan:professional', paymentMethodId: card.paymentMethodId });
  expect(own).toMatchObject({ planId: 'las:plan:professional', paymentMethodId: card.paymentMethodId });
  expect((await las.paymentMethods.list()).items.map((method) => method.paymentMethodId)).toEqual([card.paymentMethodId]);
  const refused = await rejection(card.delete());
  expect(refused.status).toBe(400);
  expect(messageOf(refused)).toContain('before deleting it');
  expect((await rejection(own.update({ planId: 'las:plan:gold' }))).status).toBe(400);
});

test('users: made with a role and a profile, which the SDK reads and changes', async () => {
  const user = await las.users.create('ada@example.com', { roleIds: ['las:role:read-only'], metadata: { team: 'ops' } });
  expect(user).toMatchObject({ roleIds: ['las:role:read-only'], status: 'active' });
  const profile = await las.profiles.get(wire(user).profileId as string);
  expect(profile).toMatchObject({ email: 'ada@example.com', name: null });
  await profile.update({ name: 'Ada Lovelace', locale: 'en-GB' });
  const changed = await las.profiles.get(profile.profileId);
  expect(changed).toMatchObject({ name: 'Ada Lovelace', locale: 'en-GB', email: 'ada@example.com' });
  expectShape(profileSchema, changed);
  expect((await rejection(las.users.create('eve@example.com', { roleIds: ['las:role:owner'] }))).status).toBe(400);
});

test('app clients: the own one read by id, with its roles', async () => {
  const own = (await las.appClients.list()).items.find((client) => client.clientId === emu.credentials.clientId);
  expect(wire(own as object).roleIds).toEqual(['las:role:admin']);
  expect(await las.appClients.get(own?.appClientId as string)).toMatchObject({ clientId: emu.credentials.clientId, roleIds: ['las:role:admin'] });
});

test('a person signs in by the e-mail address of their profile, and reads their own profile through their user', async () => {
  const CALLBACK = 'http://localhost:8080/callback';
  const client = await las.appClients.create({ generateSecret: false, callbackUrls: [CALLBACK] });
  const user = await las.users.create('signer@example.com', { roleIds: ['las:role:admin'] });
  const callbacks: string[] = [];
  const items = new Map<string, string>();
  const navigate = approvingNavigator(emu.url, 'signer@example.com', callbacks);
  const credentials = new AuthorizationCodeCredentials({
    clientId: client.clientId,
    authEndpoint: emu.url,
    apiEndpoint: emu.apiEndpoint,
    redirectUri: CALLBACK,
    storage: { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) },
    navigate: (url) => (url.includes('/oauth2/authorize') ? navigate(url) : undefined),
  });
  await credentials.signIn();
  expect(await credentials.handleRedirect(callbacks[0])).toBe(true);
  expect(credentials.user).toEqual({ sub: user.userId, email: 'signer@example.com' });
  const asPerson = new Las({ credentials, apiVersion: '2024-11-29', maxRetries: 0 });
  const me = await asPerson.users.get(credentials.user?.sub as string);
  expect(await asPerson.profiles.get(wire(me).profileId as string)).toMatchObject({ email: 'signer@example.com' });
});
