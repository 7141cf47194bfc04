import fs from 'node:fs';
import path from 'node:path';
import { jest } from '@jest/globals';
import { Credentials } from '../../src/auth/credentials.js';
import { init, useTempHome } from './fixtures.js';
import { tokenEndpoint, useNock } from './nock-token.js';

useNock();
const home = useTempHome();
afterEach(() => jest.restoreAllMocks());

const cacheFile = () => path.join(home.dir, '.lucidtech', 'token-cache.json');
const readCache = () => JSON.parse(fs.readFileSync(cacheFile(), 'utf8')) as Record<string, Record<string, unknown>>;
const cached = { ...init, useCache: true };

describe('disk token cache', () => {
  it('lets a second instance reuse the token with no request', async () => {
    const scope = tokenEndpoint('disk-token');
    expect(await new Credentials(cached).getAccessToken()).toBe('disk-token');
    expect(scope.isDone()).toBe(true);
    // No interceptor is left: a second request would fail.
    expect(await new Credentials(cached).getAccessToken()).toBe('disk-token');

    const entry = readCache().default;
    expect(entry).toMatchObject({ accessToken: 'disk-token', clientId: init.clientId });
    expect(entry.expiresAt).toBeGreaterThan(Date.now() + 3500_000);
  });

  it('writes the file with mode 0600 and leaves no temp file', async () => {
    tokenEndpoint();
    await new Credentials(cached).getAccessToken();
    expect(fs.statSync(cacheFile()).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(cacheFile()))).toEqual(['token-cache.json']);
  });

  it('ignores a corrupt file and replaces it with valid JSON', async () => {
    fs.mkdirSync(path.dirname(cacheFile()));
    fs.writeFileSync(cacheFile(), 'not json{');
    const scope = tokenEndpoint('fresh');
    expect(await new Credentials(cached).getAccessToken()).toBe('fresh');
    expect(scope.isDone()).toBe(true);
    expect(readCache().default.accessToken).toBe('fresh');
  });

  it('keeps the entries of other profiles', async () => {
    fs.mkdirSync(path.dirname(cacheFile()));
    const other = { accessToken: 'other', expiresAt: Date.now() + 3600_000, clientId: 'other-client' };
    fs.writeFileSync(cacheFile(), JSON.stringify({ other }));
    tokenEndpoint('mine');
    await new Credentials({ ...cached, profile: 'mine' }).getAccessToken();
    expect(readCache()).toEqual({ other, mine: expect.objectContaining({ accessToken: 'mine' }) });
  });

  it('ignores an entry of another client id or one about to expire', async () => {
    fs.mkdirSync(path.dirname(cacheFile()));
    const soon = Date.now() + 30_000;
    fs.writeFileSync(
      cacheFile(),
      JSON.stringify({
        default: { accessToken: 'foreign', expiresAt: Date.now() + 3600_000, clientId: 'someone-else' },
        p2: { accessToken: 'stale', expiresAt: soon, clientId: init.clientId },
      }),
    );
    const first = tokenEndpoint('new-1');
    expect(await new Credentials(cached).getAccessToken()).toBe('new-1');
    const second = tokenEndpoint('new-2');
    expect(await new Credentials({ ...cached, profile: 'p2' }).getAccessToken()).toBe('new-2');
    expect(first.isDone() && second.isDone()).toBe(true);
  });

  it('invalidate() removes this profile\'s entry', async () => {
    tokenEndpoint('first');
    const credentials = new Credentials(cached);
    await credentials.getAccessToken();
    credentials.invalidate();
    expect(readCache().default).toBeUndefined();
    const scope = tokenEndpoint('second');
    expect(await new Credentials(cached).getAccessToken()).toBe('second');
    expect(scope.isDone()).toBe(true);
  });

  it('invalidate(token) leaves an entry another process refreshed meanwhile', async () => {
    tokenEndpoint('first');
    const credentials = new Credentials(cached);
    await credentials.getAccessToken();
    const other = { accessToken: 'from-another-process', expiresAt: Date.now() + 3600_000, clientId: init.clientId };
    fs.writeFileSync(cacheFile(), JSON.stringify({ default: other }));

    credentials.invalidate('first');

    expect(readCache().default).toEqual(other);
    expect(await credentials.getAccessToken()).toBe('from-another-process');
  });

  it('a refused token is not taken from the disk again, even when its entry cannot be removed', async () => {
    fs.mkdirSync(path.dirname(cacheFile()));
    const stale = { accessToken: 'stale', expiresAt: Date.now() + 3600_000, clientId: init.clientId };
    fs.writeFileSync(cacheFile(), JSON.stringify({ default: stale }));
    const credentials = new Credentials(cached);
    expect(await credentials.getAccessToken()).toBe('stale');
    // A read-only home, as a chmod cannot make one for root.
    const write = jest.spyOn(fs, 'writeFileSync').mockImplementation(() => {
      throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
    });
    credentials.invalidate('stale');
    expect(readCache().default).toEqual(stale);
    const scope = tokenEndpoint('fresh');

    expect(await credentials.getAccessToken()).toBe('fresh');

    expect(scope.isDone()).toBe(true);
    expect(write).toHaveBeenCalled();
  });

  it('survives a cache directory it cannot write', async () => {
    fs.writeFileSync(path.join(home.dir, '.lucidtech'), 'a file where the directory should be');
    const scope = tokenEndpoint('still-works');
    expect(await new Credentials(cached).getAccessToken()).toBe('still-works');
    expect(scope.isDone()).toBe(true);
  });

  it('does not touch the disk without useCache', async () => {
    tokenEndpoint();
    await new Credentials(init).getAccessToken();
    expect(fs.existsSync(cacheFile())).toBe(false);
  });
});
