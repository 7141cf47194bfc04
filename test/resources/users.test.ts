import { api, captureBody, testLas, useApiMock } from '../helpers/api.js';
import { fixture } from '../helpers/fixtures.js';
import { User } from '../../src/resources/users.js';
import { ValidationError } from '../../src/errors.js';

const user = fixture<{ avatar: string | null }>('user');
const id = user.userId as string;
const encoded = encodeURIComponent(id);
const appClientId = 'las:app-client:3c9f1e2a4b5d6e7f8091a2b3c4d5e6f7';

describe('users', () => {
  useApiMock();
  const las = testLas();

  test('create POSTs the email and the options and returns a User', async () => {
    const sent: { body?: unknown } = {};
    api().post('/users', captureBody(sent)).matchHeader('content-type', 'application/json').reply(200, user);

    const created = await las.users.create('kari.nordmann@example.com', {
      appClientId,
      name: 'Kari Nordmann',
      avatar: user.avatar,
    });

    expect(sent.body).toEqual({ email: 'kari.nordmann@example.com', appClientId, name: 'Kari Nordmann', avatar: user.avatar });
    expect(created).toBeInstanceOf(User);
    expect(created.id).toBe(id);
    expect(created.email).toBe('kari.nordmann@example.com');
    expect(created.createdTime).toBeInstanceOf(Date);
    expect(created.createdTime?.toISOString()).toBe('2021-09-23T08:42:38.250Z');
    expect(created.updatedTime?.toISOString()).toBe('2021-10-01T10:10:10.000Z');
  });

  test('create with only an email sends only the email', async () => {
    const sent: { body?: unknown } = {};
    api().post('/users', captureBody(sent)).reply(200, user);
    await las.users.create('kari.nordmann@example.com');
    expect(sent.body).toEqual({ email: 'kari.nordmann@example.com' });
  });

  test('null clears the avatar', async () => {
    const sent: { body?: unknown } = {};
    const { avatar: _avatar, ...withoutAvatar } = user;
    api().patch(`/users/${encoded}`, captureBody(sent)).reply(200, withoutAvatar);
    const updated = await las.users.update(id, { avatar: null as unknown as string });
    expect(sent.body).toEqual({ avatar: null });
    expect(updated.avatar).toBeUndefined();
  });

  test('bad input is a ValidationError before anything is sent', async () => {
    await expect(las.users.create('kari.nordmann')).rejects.toThrow(/email: must match/);
    await expect(las.users.create('kari@example.com', { appClientId: 'las:user:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' })).rejects.toThrow(
      /appClientId: must be an app-client id/,
    );
    await expect(las.users.update(id, { avatar: 'x'.repeat(131_073) })).rejects.toThrow(/avatar: must be at most 131072/);
    await expect(las.users.update(id, { email: 'new@example.com' } as never)).rejects.toThrow(/email: is not a known property/);
    await expect(las.users.get('kari.nordmann@example.com')).rejects.toThrow(ValidationError);
  });

});
