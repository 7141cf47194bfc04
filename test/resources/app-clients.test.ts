import { api, captureBody, testLas, useApiMock } from '../helpers/api.js';
import { fixture } from '../helpers/fixtures.js';
import { AppClient } from '../../src/resources/app-clients.js';
import { ValidationError } from '../../src/errors.js';

const appClient = fixture('app-client');
const id = appClient.appClientId as string;
const encoded = encodeURIComponent(id);
// Only the answer of create holds the secret: list, update and delete do not.
const createdWithSecret = { ...appClient, clientSecret: 'generated-secret-shown-once-9d8c7b6a' };

describe('appClients', () => {
  useApiMock();
  const las = testLas();

  test('create POSTs every option as the body and returns an AppClient holding its clientSecret', async () => {
    const sent: { body?: unknown } = {};
    api().post('/appClients', captureBody(sent)).matchHeader('content-type', 'application/json').reply(200, createdWithSecret);

    const created = await las.appClients.create({
      generateSecret: true,
      logoutUrls: ['https://portal.example.com/logout'],
      callbackUrls: ['https://portal.example.com/callback', 'http://localhost:3000/callback'],
      loginUrls: ['https://portal.example.com/login'],
      defaultLoginUrl: 'https://portal.example.com/login',
      name: 'Invoice portal',
      description: 'Web app for the accounts team',
    });

    expect(sent.body).toEqual({
      generateSecret: true,
      logoutUrls: ['https://portal.example.com/logout'],
      callbackUrls: ['https://portal.example.com/callback', 'http://localhost:3000/callback'],
      loginUrls: ['https://portal.example.com/login'],
      defaultLoginUrl: 'https://portal.example.com/login',
      name: 'Invoice portal',
      description: 'Web app for the accounts team',
    });
    expect(created).toBeInstanceOf(AppClient);
    expect(created.id).toBe(id);
    expect(created.clientId).toBe('4k2j9a8s7d6f5g4h3j2k1l0p9o');
    expect(created.clientSecret).toBe('generated-secret-shown-once-9d8c7b6a');
    expect(created.createdTime).toBeInstanceOf(Date);
    expect(created.createdTime?.toISOString()).toBe('2021-10-01T12:00:00.123Z');
    expect(created.updatedTime?.toISOString()).toBe('2021-10-02T09:30:00.000Z');
  });

  test('the clientSecret of create is the API data: JSON.stringify keeps it as returned', async () => {
    api().post('/appClients').reply(200, createdWithSecret);
    const created = await las.appClients.create({ generateSecret: true });
    const json = JSON.parse(JSON.stringify(created));
    expect(json).toEqual(createdWithSecret);
    expect(json.clientSecret).toBe('generated-secret-shown-once-9d8c7b6a');
  });

  test('create with no options sends an empty object', async () => {
    const sent: { body?: unknown } = {};
    api().post('/appClients', captureBody(sent)).reply(200, appClient);
    const created = await las.appClients.create();
    expect(sent.body).toEqual({});
    expect(created.clientSecret).toBeUndefined();
  });

  test('update sends the login urls the API also takes', async () => {
    const sent: { body?: unknown } = {};
    api().patch(`/appClients/${encoded}`, captureBody(sent)).reply(200, appClient);
    await las.appClients.update(id, { loginUrls: ['https://a.example.com'], defaultLoginUrl: 'https://a.example.com', name: undefined });
    expect(sent.body).toEqual({ loginUrls: ['https://a.example.com'], defaultLoginUrl: 'https://a.example.com' });
  });

  test('bad input is a ValidationError before anything is sent', async () => {
    await expect(las.appClients.create({ loginUrls: ['http://portal.example.com'] })).rejects.toThrow(
      /loginUrls\[0\]: must match/,
    );
    await expect(las.appClients.create({ generateSecret: 'yes' as unknown as boolean })).rejects.toThrow(ValidationError);
    await expect(las.appClients.update(id, { name: 42 as unknown as string })).rejects.toThrow(/name: must be a string/);
    await expect(las.appClients.update(id, { clientSecret: 'x' } as never)).rejects.toThrow(/clientSecret: is not a known property/);
    await expect(las.appClients.delete('las:user:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb')).rejects.toThrow(ValidationError);
  });

  test('get of one app client is a call of 2024-11-29: under 2021-09-23 a ValidationError naming it, nothing sent', async () => {
    await expect(las.appClients.get(id)).rejects.toThrow(
      new ValidationError('GET /appClients/{appClientId} is a call of API version 2024-11-29, not of 2021-09-23 (this client speaks API version 2021-09-23: see the apiVersion option of new Las); nothing was sent'),
    );
    await expect(las.appClients.ref(id).refresh()).rejects.toThrow(/is a call of API version 2024-11-29/);
  });
});
