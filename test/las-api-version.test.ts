/**
 * The API version a client speaks (shared/API.md "API versions"): how it is chosen, what each
 * version sends, what it refuses before sending, and that answers are read tolerantly under both.
 */
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { jest } from '@jest/globals';
import { resolveCredentials } from '../src/auth/resolve.js';
import { ValidationError } from '../src/errors.js';
import { Las } from '../src/las.js';
import type { Logger } from '../src/http/log.js';
import { API_KEY, api, credentialsAt, fixture, testCredentials, testLas, thrown, useApiMock, AUTH_URL, TOKEN } from './helpers/index.js';
import { tempDir, useTempHome } from './auth/fixtures.js';
import nock from 'nock';

useApiMock();

const MODEL_ID = 'las:model:5f0e3c1a9b2d4e6f8a7b6c5d4e3f2a1b';
const BATCH_ID = 'las:batch:0123456789abcdef0123456789abcdef';
const WEBP = Uint8Array.from([...Buffer.from('RIFF'), 26, 0, 0, 0, ...Buffer.from('WEBPVP8 '), 0, 0, 0, 0]);
const fieldConfig = { total: { type: 'amount' as const, maxLength: 10 } };

function silentLogger(): Logger & { warn: jest.Mock } {
  return { debug: jest.fn(), info: jest.fn(), warn: jest.fn(), error: jest.fn() } as unknown as Logger & { warn: jest.Mock };
}

describe('choosing the version', () => {
  test("the seed's 2021-09-23 by default; the option, or the credentials', when given; withOptions keeps it", () => {
    expect(testLas().apiVersion).toBe('2021-09-23');
    expect(testLas({ apiVersion: '2024-11-29' }).apiVersion).toBe('2024-11-29');
    expect(new Las({ credentials: testCredentials({ apiVersion: '2024-11-29' }) }).apiVersion).toBe('2024-11-29');
    expect(new Las({ credentials: testCredentials({ apiVersion: '2024-11-29' }), apiVersion: '2021-09-23' }).apiVersion).toBe('2021-09-23');
    expect(testLas({ apiVersion: '2024-11-29' }).withOptions({ timeout: 5 }).apiVersion).toBe('2024-11-29');
  });

  test('las.apiVersion cannot be changed after the fact; a client of withOptions checks as its parent does', async () => {
    const las = testLas({ apiVersion: '2024-11-29' });
    expect(() => {
      (las as { apiVersion: string }).apiVersion = '2021-09-23';
    }).toThrow(TypeError);
    expect(await thrown(las.withOptions({ timeout: 5 }).batches.create({ name: 'b' }))).toBeInstanceOf(ValidationError);
  });

  test.each([['2024-11-30'], [''], [20241129], [null], [{ toString: () => '2024-11-29' }]])('apiVersion %p: a ValidationError naming the option', (value) => {
    const error = (() => {
      try {
        testLas({ apiVersion: value as never });
      } catch (caught) {
        return caught as Error;
      }
      throw new Error('expected a throw');
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe('new Las: apiVersion must be one of 2021-09-23, 2024-11-29');
  });

  test('new Credentials refuses an unknown apiVersion, naming it', () => {
    expect(() => testCredentials({ apiVersion: 'latest' as never })).toThrow('new Credentials: apiVersion must be one of 2021-09-23, 2024-11-29');
  });

  test('console.log(las) shows the version and the collections, no session', () => {
    const shown = util.inspect(testLas({ apiVersion: '2024-11-29' }));
    expect(shown).toContain("apiVersion: '2024-11-29'");
    expect(shown).toContain('batches:');
    expect(shown).not.toContain(TOKEN);
  });
});

describe('the version from the environment and the credentials file', () => {
  useTempHome();
  const env = {
    LAS_CLIENT_ID: 'env-id',
    LAS_CLIENT_SECRET: 'env-secret',
    LAS_AUTH_ENDPOINT: 'auth.env.test',
    LAS_API_ENDPOINT: 'https://api.env.test/v1',
  };
  function credentialsFile(extra: string): Record<string, string> {
    const file = path.join(tempDir(), 'credentials.cfg');
    fs.writeFileSync(file, `[default]\nclient_id = a\nclient_secret = b\nauth_endpoint = auth.test\napi_endpoint = https://api.test/v1\n${extra}`);
    return { LAS_CREDENTIALS_FILE: file };
  }

  test('LAS_API_VERSION with the LAS_* variables; api_version in the file; LAS_API_VERSION over the file', () => {
    expect(resolveCredentials({ env: { ...env, LAS_API_VERSION: '2024-11-29' } }).apiVersion).toBe('2024-11-29');
    expect(resolveCredentials({ env }).apiVersion).toBeUndefined();
    expect(resolveCredentials({ env: credentialsFile('api_version = 2024-11-29\n') }).apiVersion).toBe('2024-11-29');
    expect(resolveCredentials({ env: { ...credentialsFile('api_version = 2024-11-29\n'), LAS_API_VERSION: '2021-09-23' } }).apiVersion).toBe('2021-09-23');
    expect(resolveCredentials({ env: credentialsFile('') }).apiVersion).toBeUndefined();
  });

  test('a value that is no version is refused naming the variable or the key and where it was, never echoed', () => {
    const fromEnv = (() => {
      try {
        return resolveCredentials({ env: { ...env, LAS_API_VERSION: 's3cret-ish' } });
      } catch (error) {
        return error as Error;
      }
    })();
    expect(fromEnv).toBeInstanceOf(ValidationError);
    expect((fromEnv as Error).message).toBe('The LAS_* environment variables: LAS_API_VERSION must be one of 2021-09-23, 2024-11-29');
    const fileEnv = credentialsFile('api_version = 2024\n');
    expect(() => resolveCredentials({ env: fileEnv })).toThrow(
      `Credentials file ${fileEnv.LAS_CREDENTIALS_FILE}, section [default]: api_version must be one of 2021-09-23, 2024-11-29`,
    );
  });

  test('new Las() takes the version the resolved credentials say', () => {
    const saved = { ...process.env };
    Object.assign(process.env, env, { LAS_API_VERSION: '2024-11-29' });
    try {
      expect(new Las().apiVersion).toBe('2024-11-29');
    } finally {
      for (const key of [...Object.keys(env), 'LAS_API_VERSION']) if (!(key in saved)) delete process.env[key];
    }
  });
});

describe('what each version sends', () => {
  test('2021-09-23 sends the api key as X-Api-Key; 2024-11-29, whose spec has no api key, does not', async () => {
    nock(`${'https://api.las.test'}/v1`, { reqheaders: { 'x-api-key': API_KEY } }).get('/models').reply(200, { models: [] });
    await new Las({ credentials: testCredentials({ apiKey: API_KEY }) }).models.list();

    nock('https://api.las.test/v1', { badheaders: ['x-api-key'] }).get('/models').reply(200, { models: [] });
    await new Las({ credentials: testCredentials({ apiKey: API_KEY }), apiVersion: '2024-11-29' }).models.list();
  });

  test('under 2024-11-29 every batches call is refused before anything is sent, naming the version and what replaced it', async () => {
    const las = testLas({ apiVersion: '2024-11-29' });
    const calls = [
      () => las.batches.create({ name: 'b' }),
      () => las.batches.list(),
      () => las.batches.update(BATCH_ID, { name: 'b' }),
      () => las.batches.delete(BATCH_ID),
    ];
    for (const call of calls) {
      const error = await thrown(call);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.message).toMatch(
        /^(POST|GET|PATCH|DELETE) \/batches(\/\{batchId\})? is a call of API version 2021-09-23, not of 2024-11-29: the service removed it on 2021-10-12; instead, group documents by dataset/,
      );
      expect(error.message).toMatch(/this client speaks API version 2024-11-29.*; nothing was sent$/);
    }
    // nock allows no connection, and useApiMock fails on an unused interceptor: none was set, none was sent.
  });

  test('under 2021-09-23 batches are sent as before', async () => {
    api().post('/batches', { name: 'b' }).reply(200, fixture('batch'));
    await testLas().batches.create({ name: 'b' });
  });

  test('models.create with width and height: refused under 2024-11-29 naming 2021-09-23, sent under 2021-09-23', async () => {
    const options = { width: 800, height: 1200, fieldConfig };
    const error = await thrown(testLas({ apiVersion: '2024-11-29' }).models.create(options));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/^POST \/models: width is a field of API version 2021-09-23, not of 2024-11-29: the service removed it on 2023-03-23/);

    api().post('/models', options).reply(200, fixture('model'));
    await testLas().models.create(options);
  });

  test('model.update with status under 2024-11-29: refused, saying trainingId replaced it', async () => {
    const error = await thrown(testLas({ apiVersion: '2024-11-29' }).models.ref(MODEL_ID).update({ status: 'inactive' }));
    expect(error.message).toMatch(/^PATCH \/models\/\{modelId\}: status is a field of API version 2021-09-23, not of 2024-11-29: instead, trainingId/);
  });

  test('image/webp: a document content type under 2024-11-29 (sniffed from the bytes), refused under 2021-09-23', async () => {
    let sent: Record<string, unknown> | undefined;
    api()
      .post('/documents', (body: Record<string, unknown>) => {
        sent = body;
        return true;
      })
      .reply(200, { ...fixture('document'), contentType: 'image/webp' });
    const document = await testLas({ apiVersion: '2024-11-29' }).documents.create(WEBP);
    expect(sent).toEqual({ contentType: 'image/webp', content: Buffer.from(WEBP).toString('base64') });
    expect(document.contentType).toBe('image/webp');

    const error = await thrown(testLas().documents.create(WEBP));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/^POST \/documents: contentType 'image\/webp' is a value of API version 2024-11-29, not of 2021-09-23/);
  });
});

describe('one warning when no version was chosen and the endpoint is the service', () => {
  const at = (apiEndpoint: string, extra: ConstructorParameters<typeof Las>[0] = {}) =>
    new Las({ credentials: credentialsAt(AUTH_URL, apiEndpoint), ...extra });

  test('at api.lucidtech.ai, once per logger, naming both versions and how to choose', () => {
    const logger = silentLogger();
    at('https://api.lucidtech.ai/v1', { logger });
    at('https://api.lucidtech.ai/v1', { logger });
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][0]).toMatch(/speaks 2021-09-23 .*the service speaks 2024-11-29 today.*apiVersion.*LAS_API_VERSION.*api_version/);
  });

  test('none when a version was chosen (option or credentials), elsewhere, or at a quieter log level', () => {
    const logger = silentLogger();
    at('https://api.lucidtech.ai/v1', { logger, apiVersion: '2021-09-23' });
    new Las({ credentials: credentialsAt(AUTH_URL, 'https://api.lucidtech.ai/v1', { apiVersion: '2024-11-29' }), logger });
    at('http://127.0.0.1:4010', { logger });
    at('https://api.lucidtech.io/v1', { logger, logLevel: 'error' });
    expect(logger.warn).not.toHaveBeenCalled();
    // That quiet client did not use up the logger's one warning.
    at('https://api.lucidtech.io/v1', { logger });
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });
});

describe('answers are read tolerantly under both versions', () => {
  test.each([['2021-09-23'], ['2024-11-29']] as const)('%s: unknown fields kept, unknown enum values kept as strings, absent optional fields fine', async (apiVersion) => {
    const las = testLas({ apiVersion });
    const { workflowId, executionId } = fixture('workflow-execution') as { workflowId: string; executionId: string };
    const execution = { ...fixture('workflow-execution'), status: 'completed', newField: { nested: [1] } };
    api().get(`/workflows/${encodeURIComponent(workflowId)}/executions/${encodeURIComponent(executionId)}`).reply(200, execution);
    const got = await las.workflows.ref(workflowId).executions.get(executionId);
    expect(got.status).toBe('completed');
    expect((got as unknown as Record<string, unknown>).newField).toEqual({ nested: [1] });
    expect(got.startTime).toBeInstanceOf(Date);

    // A model as 2024-11-29 answers it: no width or height, a training id, a status 2021-09-23 never had.
    const { width: _w, height: _h, ...model } = fixture('model') as Record<string, unknown>;
    const answer = { ...model, status: 'running-final-evaluation', trainingId: 'las:model-training:x', numberOfRunningTrainings: 1 };
    api().get(`/models/${encodeURIComponent(MODEL_ID)}`).reply(200, answer);
    const read = await las.models.get(MODEL_ID);
    expect(read.status).toBe('running-final-evaluation');
    expect(read.width).toBeUndefined();
    expect(JSON.parse(JSON.stringify(read))).toEqual(answer);
  });

  test("execution.wait() ends on 2024-11-29's `completed`", async () => {
    const { workflowId, executionId } = fixture('workflow-execution') as { workflowId: string; executionId: string };
    const execution = { ...fixture('workflow-execution'), status: 'completed' };
    api().get(`/workflows/${encodeURIComponent(workflowId)}/executions/${encodeURIComponent(executionId)}`).reply(200, execution);
    const waited = await testLas({ apiVersion: '2024-11-29' }).workflows.ref(workflowId).executions.ref(executionId).wait({ pollInterval: 1 });
    expect(waited.status).toBe('completed');
  });
});
