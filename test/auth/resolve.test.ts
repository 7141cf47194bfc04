import fs from 'node:fs';
import path from 'node:path';
import { Credentials } from '../../src/auth/credentials.js';
import { resolveCredentials } from '../../src/auth/resolve.js';
import { MissingCredentialsError, ValidationError } from '../../src/errors.js';
import { CLIENT_SECRET, init, tempDir, useTempHome } from './fixtures.js';

const home = useTempHome();

const fullEnv = {
  LAS_CLIENT_ID: 'env-id',
  LAS_CLIENT_SECRET: 'env-secret',
  LAS_AUTH_ENDPOINT: 'auth.env.test',
  LAS_API_ENDPOINT: 'https://api.env.test/v1',
};

const fileText = `
# comment
[default]
client_id = file-id
client_secret = file-secret
auth_endpoint = auth.file.test
api_endpoint = https://api.file.test/v1

[staging]
client_id: staging-id
client_secret: staging-secret
auth_endpoint: http://127.0.0.1:4010
api_endpoint: http://127.0.0.1:4010
api_key = staging-key
use_cache = Yes
`;

function writeFile(text = fileText): string {
  const file = path.join(tempDir(), 'credentials.cfg');
  fs.writeFileSync(file, text);
  return file;
}

function caught(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('resolveCredentials', () => {
  it('returns explicit credentials as they are', () => {
    const credentials = new Credentials(init);
    expect(resolveCredentials({ credentials, env: fullEnv })).toBe(credentials);
  });

  it('reads the four environment variables', () => {
    const credentials = resolveCredentials({ env: { ...fullEnv, LAS_CREDENTIALS_FILE: writeFile() } });
    expect(credentials).toMatchObject({ clientId: 'env-id', authEndpoint: 'auth.env.test', apiEndpoint: 'https://api.env.test/v1' });
    expect(credentials.clientSecret).toBe('env-secret');
    expect(credentials.apiKey).toBeUndefined();
  });

  it('takes LAS_API_KEY from the environment when set', () => {
    expect(resolveCredentials({ env: { ...fullEnv, LAS_API_KEY: 'env-key' } }).apiKey).toBe('env-key');
  });

  it('passes profile and fetch on', async () => {
    const fakeFetch: typeof fetch = async () =>
      new Response(JSON.stringify({ access_token: 'from-fake' }), { headers: { 'content-type': 'application/json' } });
    const credentials = resolveCredentials({ env: fullEnv, profile: 'p1', fetch: fakeFetch });
    expect(credentials.profile).toBe('p1');
    await expect(credentials.getAccessToken()).resolves.toBe('from-fake');
  });

  it('falls through to the file when the environment is only partly set', () => {
    const env = { LAS_CLIENT_ID: 'env-id', LAS_CLIENT_SECRET: 'env-secret', LAS_AUTH_ENDPOINT: '', LAS_CREDENTIALS_FILE: writeFile() };
    expect(resolveCredentials({ env }).clientId).toBe('file-id');
  });

  it('reads the default profile of ~/.lucidtech/credentials.cfg', () => {
    fs.mkdirSync(path.join(home.dir, '.lucidtech'));
    fs.writeFileSync(path.join(home.dir, '.lucidtech', 'credentials.cfg'), fileText);
    const credentials = resolveCredentials({ env: {} });
    expect(credentials).toMatchObject({ clientId: 'file-id', authEndpoint: 'auth.file.test', useCache: false, profile: 'default' });
    expect(credentials.clientSecret).toBe('file-secret');
    expect(credentials.apiKey).toBeUndefined();
  });

  it('reads a named profile with its optional keys', () => {
    const credentials = resolveCredentials({ profile: 'staging', env: { LAS_CREDENTIALS_FILE: writeFile() } });
    expect(credentials).toMatchObject({
      clientId: 'staging-id',
      authEndpoint: 'http://127.0.0.1:4010',
      apiKey: 'staging-key',
      useCache: true,
      profile: 'staging',
    });
  });

  it.each([
    ['true', true],
    ['ON', true],
    ['1', true],
    ['false', false],
    ['nope', false],
  ])('use_cache = %s means %s', (value, expected) => {
    const file = writeFile(`[default]\nclient_id=a\nclient_secret=b\nauth_endpoint=c\napi_endpoint=https://d/v1\nuse_cache=${value}\n`);
    expect(resolveCredentials({ env: { LAS_CREDENTIALS_FILE: file } }).useCache).toBe(expected);
  });

  it('a bad endpoint in the file: ValidationError naming the file, section and field, but no value', () => {
    const file = writeFile('[default]\nclient_id = a\nclient_secret = hush-hush\nauth_endpoint = auth.file.test\napi_endpoint = api.file.test/v1\n');
    const error = caught(() => resolveCredentials({ env: { LAS_CREDENTIALS_FILE: file } }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe(
      `Credentials file ${file}, section [default]: new Credentials: apiEndpoint must be an http(s) URL such as https://api.lucidtech.ai/v1`,
    );
  });

  it('a bad endpoint in the environment: ValidationError naming the variables', () => {
    const error = caught(() => resolveCredentials({ env: { ...fullEnv, LAS_AUTH_ENDPOINT: 'not a host' } }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/^The LAS_\* environment variables: new Credentials: authEndpoint must be a host/);
  });

  it('names the file, section and missing keys of an incomplete section, but no value', () => {
    const file = writeFile('[default]\nclient_id = file-id\nclient_secret = hush-hush\napi_endpoint =\n');
    const error = caught(() => resolveCredentials({ env: { LAS_CREDENTIALS_FILE: file } }));
    expect(error).toBeInstanceOf(MissingCredentialsError);
    expect(error.message).toContain(file);
    expect(error.message).toContain('[default]');
    expect(error.message).toContain('auth_endpoint');
    expect(error.message).toContain('api_endpoint');
    expect(error.message).not.toContain('hush-hush');
    expect(error.message).not.toContain('file-id');
  });

  it('names every source tried when nothing is found', () => {
    const error = caught(() => resolveCredentials({ env: { LAS_CLIENT_ID: 'x', LAS_CLIENT_SECRET: CLIENT_SECRET } }));
    expect(error).toBeInstanceOf(MissingCredentialsError);
    const file = path.join(home.dir, '.lucidtech', 'credentials.cfg');
    for (const part of ['credentials', 'LAS_CLIENT_ID', 'LAS_CLIENT_SECRET', 'LAS_AUTH_ENDPOINT', 'LAS_API_ENDPOINT', file, 'not found']) {
      expect(error.message).toContain(part);
    }
    expect(error.message).toMatch(/LAS_AUTH_ENDPOINT, LAS_API_ENDPOINT not set/);
    expect(error.message).not.toContain(CLIENT_SECRET);
  });

  it('says when the file lacks the profile section', () => {
    const file = writeFile();
    const error = caught(() => resolveCredentials({ profile: 'prod', env: { LAS_CREDENTIALS_FILE: file } }));
    expect(error).toBeInstanceOf(MissingCredentialsError);
    expect(error.message).toContain(file);
    expect(error.message).toContain('no [prod] section');
  });
});
