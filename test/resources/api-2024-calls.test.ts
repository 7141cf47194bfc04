/**
 * The calls API version 2024-11-29 adds (shared/API.md "API versions"): the exact request of each
 * that is more than a plain get/list/update/delete (those are in common.test.ts), what bad input
 * is refused before sending, `prediction.wait()`, and every one of them refused under 2021-09-23
 * by the version check, naming the version that has it.
 */
import util from 'node:util';
import { ValidationError } from '../../src/errors.js';
import type { Las } from '../../src/las.js';
import { Prediction } from '../../src/resources/predictions.js';
import { Training } from '../../src/resources/trainings.js';
import { api, captureBody, fixture, testLas, thrown, useApiMock } from '../helpers/index.js';
import { ID } from '../contract/operations-2024.js';

useApiMock();
const las = testLas({ apiVersion: '2024-11-29' });
const seed = testLas();
const e = encodeURIComponent;
const training = fixture<{ modelId: string; trainingId: string }>('training');
const prediction = fixture<{ predictionId: string }>('prediction');

/** POSTs or PATCHes `path` expecting exactly `body`, answering `answer`. */
function expectSent(method: 'post' | 'patch', path: string, body: object, answer: object = {}) {
  const sent: { body?: unknown } = {};
  api()[method](path, captureBody(sent)).matchHeader('content-type', 'application/json').reply(200, answer);
  return () => expect(sent.body).toEqual(body);
}

describe('the calls 2024-11-29 adds send exactly their request', () => {
  test('organizations.create POSTs the name', async () => {
    const check = expectSent('post', '/organizations', { name: 'Acme AS' }, fixture('organization'));
    const created = await las.organizations.create({ name: 'Acme AS' });
    check();
    expect(created.organizationId).toBe(fixture<{ organizationId: string }>('organization').organizationId);
  });

  test('model.trainings.create POSTs every option under its model and returns a Training', async () => {
    const options = {
      dataBundleIds: [ID.dataBundle],
      dataScientistAssistance: true,
      instanceType: 'medium-gpu' as const,
      warmStartConfig: { trainingId: 'las:model-training:first_run-1' },
      metadata: { team: 'ap' },
      name: 'Second',
      description: null,
    };
    const check = expectSent('post', `/models/${e(training.modelId)}/trainings`, options, training);
    const created = await las.models.ref(training.modelId).trainings.create(options);
    check();
    expect(created).toBeInstanceOf(Training);
    expect(created.trainingId).toBe(training.trainingId);
  });

  test('training.update PATCHes a deployment environment of an organization, status cancelled', async () => {
    const body = { deploymentEnvironmentId: 'las:organization:cradl/las:deployment-environment:eu-standard:@latest', status: 'cancelled' as const };
    const check = expectSent('patch', `/models/${e(training.modelId)}/trainings/${e(training.trainingId)}`, body, { ...training, ...body });
    const updated = await las.models.ref(training.modelId).trainings.update(training.trainingId, body);
    check();
    expect(updated.status).toBe('cancelled');
  });

  test('model.trainings.list sends its status filter', async () => {
    api().get(`/models/${e(training.modelId)}/trainings`).query({ status: 'running' }).reply(200, { trainings: [training], nextToken: null });
    const page = await las.models.ref(training.modelId).trainings.list({ status: 'running' });
    expect(page.items.map((item) => item.trainingId)).toEqual([training.trainingId]);
  });

  test('dataset.transformations.create POSTs the operations; list repeats its status filter', async () => {
    const operations = [{ type: 'remove-duplicates' as const, options: {} }];
    const check = expectSent('post', `/datasets/${e(ID.dataset)}/transformations`, { operations }, fixture('transformation'));
    await las.datasets.ref(ID.dataset).transformations.create({ operations });
    check();
    api().get(`/datasets/${e(ID.dataset)}/transformations`).query('status=running&status=failed').reply(200, { transformations: [], nextToken: null });
    expect((await las.datasets.ref(ID.dataset).transformations.list({ status: ['running', 'failed'] })).items).toEqual([]);
  });

  test('deploymentEnvironments.list and plans.list repeat their owner filter', async () => {
    api().get('/deploymentEnvironments').query('owner=las%3Aorganization%3Acradl&owner=las%3Aorganization%3Aacme').reply(200, { deploymentEnvironments: [], nextToken: null });
    api().get('/plans').query({ owner: 'las:organization:cradl' }).reply(200, { plans: [fixture('plan')], nextToken: null });
    await las.deploymentEnvironments.list({ owner: ['las:organization:cradl', 'las:organization:acme'] });
    expect((await las.plans.list({ owner: 'las:organization:cradl' })).items).toHaveLength(1);
  });

  test("an organization's plan and deployment environment: the id's / is encoded, one path segment", async () => {
    api().get(`/plans/${e(ID.plan)}`).reply(200, fixture('plan'));
    api().get(`/deploymentEnvironments/${e(ID.deploymentEnvironment)}`).reply(200, fixture('deployment-environment'));
    expect(e(ID.plan)).toContain('%2F');
    expect((await las.plans.get(ID.plan)).planId).toBe('las:plan:starter:3');
    await las.deploymentEnvironments.get(ID.deploymentEnvironment);
  });

  test('paymentMethods.create POSTs name and description; update PATCHes the Stripe setup intent secret', async () => {
    const created = fixture<{ paymentMethodId: string }>('payment-method');
    const checkCreate = expectSent('post', '/paymentMethods', { name: 'Company card', description: 'Visa' }, created);
    const method = await las.paymentMethods.create({ name: 'Company card', description: 'Visa' });
    checkCreate();
    const checkUpdate = expectSent('patch', `/paymentMethods/${e(created.paymentMethodId)}`, { stripeSetupIntentSecret: 'seti_123_secret_456' }, created);
    await method.update({ stripeSetupIntentSecret: 'seti_123_secret_456' });
    checkUpdate();
  });

  test('profile.update PATCHes the fields given', async () => {
    const check = expectSent('patch', `/profiles/${e(ID.profile)}`, { givenName: 'Kari', picture: null }, fixture('profile'));
    await las.profiles.ref(ID.profile).update({ givenName: 'Kari', picture: null });
    check();
  });
});

describe('bad input to the calls 2024-11-29 adds is a ValidationError, nothing sent', () => {
  const model = () => las.models.ref(training.modelId);
  const cases: Array<[string, (las: Las) => PromiseLike<unknown>, RegExp]> = [
    ['no data bundles', () => model().trainings.create({ dataBundleIds: [] }), /^model\.trainings\.create: dataBundleIds: must have at least 1 item; nothing was sent$/],
    ['a data bundle id of another form', () => model().trainings.create({ dataBundleIds: ['las:dataset:x'] }), /dataBundleIds\[0\]: must be a model-data-bundle id/],
    ['an instance type the spec lacks', () => model().trainings.create({ dataBundleIds: [ID.dataBundle], instanceType: 'huge-gpu' as never }), /instanceType: must be one of small-gpu, medium-gpu, large-gpu/],
    ['a warm start of a bad id', () => model().trainings.create({ dataBundleIds: [ID.dataBundle], warmStartConfig: { trainingId: 'las:model-training:UPPER' } }), /warmStartConfig\.trainingId: must be a model-training id/],
    ['an unknown option', () => model().trainings.create({ dataBundleIds: [ID.dataBundle], epochs: 3 } as never), /epochs: is not a known property/],
    ['a training status other than cancelled', () => model().trainings.update(training.trainingId, { status: 'running' as never }), /status: must be one of cancelled/],
    ['an empty training update', () => model().trainings.update(training.trainingId, {}), /^training\.update: options: must set at least one of deploymentEnvironmentId, status, metadata, name, description; nothing was sent$/],
    ['a training id of hex form but upper case', () => model().trainings.get('las:model-training:ABC'), /^model\.trainings: trainingId: must be a model-training id/],
    ['a transformation the spec lacks', () => las.datasets.ref(ID.dataset).transformations.create({ operations: [{ type: 'shuffle' as never }] }), /operations\[0\]\.type: must be one of remove-duplicates/],
    ['a transformation status filter the spec lacks', () => las.datasets.ref(ID.dataset).transformations.list({ status: ['done' as never] }), /status/],
    ['a plan id with a path in it', () => las.plans.get('las:plan:starter/../roles'), /^plans: planId: must be a plan id/],
    ['an owner that is not an organization', () => las.plans.list({ owner: 'cradl' }), /owner: must be an organization id/],
    ['a role id of 33 characters', () => las.roles.get(`las:role:${'a'.repeat(33)}`), /^roles: roleId: must be a role id/],
    ['an empty payment method update', () => las.paymentMethods.update(ID.paymentMethod, {}), /^paymentMethod\.update: options: must set at least one of stripeSetupIntentSecret, name, description; nothing was sent$/],
    ['an empty Stripe secret', () => las.paymentMethods.update(ID.paymentMethod, { stripeSetupIntentSecret: '' }), /stripeSetupIntentSecret: must be at least 1 character/],
    ['an empty profile update', () => las.profiles.update(ID.profile, {}), /^profile\.update: options: must set at least one of name, givenName, familyName, locale, picture, metadata; nothing was sent$/],
    ['a profile field the profile lacks', () => las.profiles.update(ID.profile, { email: 'a@b.co' } as never), /email: is not a known property/],
    ['an organization name of another type', () => las.organizations.create({ name: { toString: () => 'Acme' } } as never), /name: must be a string/],
    ['a __proto__ key', () => las.organizations.create(JSON.parse('{"__proto__": {"name": "x"}}') as never), /__proto__: is not a known property/],
    ['a prediction wait with a bad interval', () => las.predictions.ref(prediction.predictionId).wait({ pollInterval: Number.NaN }), /pollInterval/],
  ];
  test.each(cases)('%s', async (_name, call, message) => {
    const error = await thrown(call(las));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(message);
  });
});

describe('prediction.wait()', () => {
  const path = `/predictions/${e(prediction.predictionId)}`;

  test('polls GET /predictions/{id} while pending and returns the prediction once it has ended', async () => {
    api().get(path).reply(200, { ...prediction, status: 'pending', predictions: null });
    api().get(path).reply(200, { ...prediction, status: 'pending', predictions: null });
    api().get(path).reply(200, { ...prediction, status: 'succeeded' });
    const handle = las.predictions.ref(prediction.predictionId);
    const done = await handle.wait({ pollInterval: 1 });
    expect(done).toBe(handle);
    expect(done).toBeInstanceOf(Prediction);
    expect(done.status).toBe('succeeded');
    expect(done.predictions).toEqual((prediction as unknown as Prediction).predictions);
  });

  test('a failed prediction ends the wait too; one without a status (a synchronous one) after one poll', async () => {
    api().get(path).reply(200, { ...prediction, status: 'failed', error: 'unreadable' });
    expect((await las.predictions.ref(prediction.predictionId).wait({ pollInterval: 1 })).status).toBe('failed');
    api().get(path).reply(200, prediction);
    expect((await las.predictions.ref(prediction.predictionId).wait({ pollInterval: 1 })).status).toBeUndefined();
  });
});

describe('under 2021-09-23 each call 2024-11-29 adds is refused, naming the version that has it', () => {
  const calls: Array<[string, string, (las: Las) => PromiseLike<unknown>]> = [
    ['GET /appClients/{appClientId}', 'appClients.get', (c) => c.appClients.get(ID.appClient)],
    ['GET /models/{modelId}/dataBundles/{dataBundleId}', 'model.dataBundles.get', (c) => c.models.ref(training.modelId).dataBundles.get(ID.dataBundle)],
    ['GET /predictions/{predictionId}', 'predictions.get', (c) => c.predictions.get(prediction.predictionId)],
    ['GET /predictions/{predictionId}', 'prediction.wait', (c) => c.predictions.ref(prediction.predictionId).wait()],
    ['GET /organizations', 'organizations.list', (c) => c.organizations.list()],
    ['POST /organizations', 'organizations.create', (c) => c.organizations.create({ name: 'Acme' })],
    ['POST /models/{modelId}/trainings', 'model.trainings.create', (c) => c.models.ref(training.modelId).trainings.create({ dataBundleIds: [ID.dataBundle] })],
    ['GET /models/{modelId}/trainings', 'model.trainings.list', (c) => c.models.ref(training.modelId).trainings.list()],
    ['GET /models/{modelId}/trainings/{trainingId}', 'model.trainings.get', (c) => c.models.ref(training.modelId).trainings.get(training.trainingId)],
    ['PATCH /models/{modelId}/trainings/{trainingId}', 'training.update', (c) => c.models.ref(training.modelId).trainings.ref(training.trainingId).update({ name: 'x' })],
    ['POST /datasets/{datasetId}/transformations', 'dataset.transformations.create', (c) => c.datasets.ref(ID.dataset).transformations.create({ operations: [{ type: 'remove-duplicates' }] })],
    ['GET /datasets/{datasetId}/transformations', 'dataset.transformations.list', (c) => c.datasets.ref(ID.dataset).transformations.list()],
    ['DELETE /datasets/{datasetId}/transformations/{transformationId}', 'transformation.delete', (c) => c.datasets.ref(ID.dataset).transformations.ref(ID.transformation).delete()],
    ['GET /deploymentEnvironments', 'deploymentEnvironments.list', (c) => c.deploymentEnvironments.list()],
    ['GET /deploymentEnvironments/{deploymentEnvironmentId}', 'deploymentEnvironments.get', (c) => c.deploymentEnvironments.get(ID.deploymentEnvironment)],
    ['GET /plans', 'plans.list', (c) => c.plans.list()],
    ['GET /plans/{planId}', 'plans.get', (c) => c.plans.get(ID.plan)],
    ['POST /paymentMethods', 'paymentMethods.create', (c) => c.paymentMethods.create()],
    ['GET /paymentMethods', 'paymentMethods.list', (c) => c.paymentMethods.list()],
    ['GET /paymentMethods/{paymentMethodId}', 'paymentMethods.get', (c) => c.paymentMethods.get(ID.paymentMethod)],
    ['PATCH /paymentMethods/{paymentMethodId}', 'paymentMethods.update', (c) => c.paymentMethods.update(ID.paymentMethod, { name: 'x' })],
    ['DELETE /paymentMethods/{paymentMethodId}', 'paymentMethods.delete', (c) => c.paymentMethods.delete(ID.paymentMethod)],
    ['GET /profiles/{profileId}', 'profiles.get', (c) => c.profiles.get(ID.profile)],
    ['PATCH /profiles/{profileId}', 'profile.update', (c) => c.profiles.ref(ID.profile).update({ givenName: 'Kari' })],
    ['GET /roles', 'roles.list', (c) => c.roles.list()],
    ['GET /roles/{roleId}', 'roles.get', (c) => c.roles.get(ID.role)],
  ];
  test.each(calls)('%s (%s)', async (operation, _name, call) => {
    const error = await thrown(call(seed));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe(
      `${operation} is a call of API version 2024-11-29, not of 2021-09-23 (this client speaks API version 2021-09-23: see the apiVersion option of new Las); nothing was sent`,
    );
  });

  test('console.log(las) works under both versions, every collection shown', () => {
    for (const client of [seed, las]) {
      const shown = util.inspect(client);
      for (const name of ['deploymentEnvironments', 'paymentMethods', 'plans', 'profiles', 'roles', 'organizations', 'predictions']) expect(shown).toContain(`${name}:`);
      expect(shown).not.toContain('token');
      expect(JSON.parse(JSON.stringify(client))).toMatchObject({ apiVersion: client.apiVersion, plans: {}, roles: {} });
    }
  });
});
