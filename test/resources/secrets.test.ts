import { api, captureBody, testLas, useApiMock } from '../helpers/api.js';
import { fixture } from '../helpers/fixtures.js';
import { Secret } from '../../src/resources/secrets.js';
import { ValidationError } from '../../src/errors.js';
import { thrown } from '../helpers/thrown.js';

const secret = fixture('secret');
const id = secret.secretId as string;

describe('secrets', () => {
  useApiMock();
  const las = testLas();

  test('create POSTs data, name and description and returns a Secret', async () => {
    const sent: { body?: unknown } = {};
    api().post('/secrets', captureBody(sent)).matchHeader('content-type', 'application/json').reply(200, secret);

    const created = await las.secrets.create(
      { username: 'erp-export', password: 's3cr3t!' },
      { name: 'ERP login', description: 'Service account the export transition uses' },
    );

    expect(sent.body).toEqual({
      data: { username: 'erp-export', password: 's3cr3t!' },
      name: 'ERP login',
      description: 'Service account the export transition uses',
    });
    expect(created).toBeInstanceOf(Secret);
    expect(created.id).toBe(id);
    expect(created.name).toBe('ERP login');
    expect(created.createdTime).toBeInstanceOf(Date);
    expect(created.createdTime?.toISOString()).toBe('2022-01-10T07:15:00.000Z');
    expect(created.updatedTime?.toISOString()).toBe('2022-01-11T08:00:01.000Z');
  });

  test('create with data only sends only data', async () => {
    const sent: { body?: unknown } = {};
    api().post('/secrets', captureBody(sent)).reply(200, secret);
    await las.secrets.create({ token: 'abc' });
    expect(sent.body).toEqual({ data: { token: 'abc' } });
  });

  test('bad input is a ValidationError before anything is sent, and never shows the values', async () => {
    const error = await thrown(las.secrets
      .create({ password: 'hunter2' }, { name: ['not', 'text'] as unknown as string }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/name: must be a string/);
    expect((error as Error).message).not.toContain('hunter2');

    await expect(las.secrets.create('hunter2' as unknown as Record<string, string>)).rejects.toThrow(/data: must be an object/);
    await expect(las.secrets.update(id, { data: ['a'] as unknown as Record<string, string> })).rejects.toThrow(
      /data: must be an object/,
    );
    await expect(las.secrets.update('las:secret:', { name: 'x' })).rejects.toThrow(ValidationError);
  });

  test('a secret has no refresh: the API cannot GET one by id', () => {
    expect('refresh' in las.secrets.ref(id)).toBe(false);
    expect('get' in las.secrets).toBe(false);
  });
});
