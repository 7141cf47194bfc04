import { api, captureBody, testLas, useApiMock } from '../helpers/api.js';
import { fixture } from '../helpers/fixtures.js';
import { ValidationError } from '../../src/errors.js';

const organization = fixture('organization');
const id = organization.organizationId as string;
const encoded = encodeURIComponent(id);

describe('organizations', () => {
  useApiMock();
  const las = testLas();

  test('update of a loaded organization replaces its data with the answer', async () => {
    api().get(`/organizations/${encoded}`).reply(200, organization);
    const sent: { body?: unknown } = {};
    api()
      .patch(`/organizations/${encoded}`, captureBody(sent))
      .reply(200, { ...organization, description: null });

    const org = await las.organizations.get(id);
    await org.update({ description: null as unknown as string });

    expect(sent.body).toEqual({ description: null });
    expect(org.description).toBeNull();
    expect(org.name).toBe('Acme AS');
  });

  test('bad input is a ValidationError before anything is sent', async () => {
    await expect(las.organizations.get('c0ffee00c0ffee00c0ffee00c0ffee00')).rejects.toThrow(ValidationError);
    await expect(las.organizations.update(id, { name: 7 as unknown as string })).rejects.toThrow(/name: must be a string/);
    await expect(las.organizations.update(id, { numberOfUsersAllowed: 100 } as never)).rejects.toThrow(
      /numberOfUsersAllowed: is not a known property/,
    );
  });

  test('under 2021-09-23 organizations can only be read and updated: list and create are calls of 2024-11-29, refused before sending', async () => {
    expect('delete' in las.organizations).toBe(false);
    await expect(las.organizations.list()).rejects.toThrow(/^GET \/organizations is a call of API version 2024-11-29, not of 2021-09-23 .*nothing was sent$/);
    await expect(las.organizations.create({ name: 'Acme' })).rejects.toThrow(/^POST \/organizations is a call of API version 2024-11-29, not of 2021-09-23 .*nothing was sent$/);
  });
});
