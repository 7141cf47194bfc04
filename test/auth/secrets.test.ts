import util from 'node:util';
import nock from 'nock';
import { Credentials } from '../../src/auth/credentials.js';
import { requestClientCredentialsToken } from '../../src/http/token-request.js';
import { ConnectionError, InvalidCredentialsError, TimeoutError } from '../../src/errors.js';
import { API_KEY, AUTH, BASIC, CLIENT_ID, CLIENT_SECRET, init } from './fixtures.js';
import { useNock } from './nock-token.js';
import { thrown } from '../helpers/thrown.js';

useNock();

const forbidden = [CLIENT_SECRET, BASIC, API_KEY];

/** Everything a user could print about an error, down its cause chain. */
function renderings(error: unknown): string[] {
  const out: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 10; depth++) {
    out.push(String((current as Error)?.message), String((current as Error)?.stack));
    out.push(JSON.stringify(current) ?? '', util.inspect(current, { depth: 10, showHidden: true }));
    current = (current as { cause?: unknown })?.cause;
  }
  return out;
}

function expectClean(error: unknown): void {
  for (const text of renderings(error)) for (const secret of forbidden) expect(text).not.toContain(secret);
}

const credentials = () => new Credentials({ ...init, apiKey: API_KEY });

describe('no error leaks the credentials', () => {
  it('401 from the token endpoint, even if the server echoes them', async () => {
    nock(AUTH)
      .post('/token')
      .query(true)
      .reply(401, { message: 'Unauthorized', echo: `Basic ${BASIC} ${CLIENT_SECRET}` });
    const error = await thrown(credentials().getAccessToken());
    expect(error).toBeInstanceOf(InvalidCredentialsError);
    expectClean(error);
  });

  it('connection failure', async () => {
    nock(AUTH).post('/token').query(true).replyWithError('socket hang up');
    const error = await thrown(credentials().getAccessToken());
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain(`${AUTH}/token`);
    expectClean(error);
  });

  it('timeout', async () => {
    // Answers only by failing once ky aborts it, so the timeout always wins.
    const hangingFetch: typeof fetch = (input, requestInit) =>
      new Promise((_, reject) => {
        const signal = requestInit?.signal ?? (input instanceof Request ? input.signal : undefined);
        signal?.addEventListener('abort', () => reject(signal.reason));
      });
    const error = await thrown(
      requestClientCredentialsToken({ tokenUrl: `${AUTH}/token`, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, fetch: hangingFetch, timeoutMs: 50 }),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain(`${AUTH}/token`);
    expectClean(error);
  });

  it('serializing or inspecting the credentials', () => {
    const c = credentials();
    for (const text of [JSON.stringify(c), util.inspect(c), util.inspect(c, { showHidden: true, depth: 10 })]) {
      expect(text).not.toContain(CLIENT_SECRET);
      expect(text).not.toContain(API_KEY);
    }
  });
});
