/**
 * The emulator answers pages of other origins (a review screen on localhost calling the emulator
 * on another port): preflights of the API and the token endpoint, and the CORS headers on every
 * answer, errors included, so the page's script can read them.
 */
import { useEmulator } from './helpers.js';

const t = useEmulator();
const ORIGIN = 'http://localhost:5173';

/** The CORS headers of an answer (and `vary`), by lower-case name. */
function corsOf(response: Response): Record<string, string> {
  return Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-') || name === 'vary'));
}

function preflight(url: string, method: string, requestHeaders: string): Promise<Response> {
  return fetch(url, {
    method: 'OPTIONS',
    headers: { origin: ORIGIN, 'access-control-request-method': method, 'access-control-request-headers': requestHeaders },
  });
}

const PREFLIGHT = {
  'access-control-allow-origin': ORIGIN,
  'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': 'Authorization, Content-Type, Accept, X-Api-Key',
  'access-control-expose-headers': 'x-request-id',
  'access-control-max-age': '600',
  vary: 'Origin',
};
const ANSWER = { 'access-control-allow-origin': ORIGIN, 'access-control-expose-headers': 'x-request-id', vary: 'Origin' };

describe('preflight', () => {
  test('of an API call with a bearer token and a JSON body: 204, the origin echoed, the methods and headers allowed', async () => {
    const response = await preflight(`${t.emu.apiEndpoint}/transitions/las:transition:abc/executions`, 'POST', 'authorization,content-type');
    expect(response.status).toBe(204);
    expect(corsOf(response)).toEqual(PREFLIGHT);
    expect(await response.text()).toBe('');
  });

  test('of the token endpoint (the form POST of the sign-in code)', async () => {
    const response = await preflight(`${t.emu.url}/oauth2/token`, 'POST', 'content-type');
    expect(response.status).toBe(204);
    expect(corsOf(response)).toEqual(PREFLIGHT);
  });

  test('of a PATCH (an execution ended by the page)', async () => {
    const response = await preflight(`${t.emu.apiEndpoint}/transitions/las:transition:abc/executions/las:transition-execution:abc`, 'PATCH', 'authorization,content-type');
    expect(response.status).toBe(204);
    expect(corsOf(response)).toEqual(PREFLIGHT);
  });
});

describe('answers', () => {
  test('an API answer echoes the origin and lets the page read the request id', async () => {
    const token = await t.emu.credentials.getAccessToken();
    const response = await fetch(`${t.emu.apiEndpoint}/transitions`, { headers: { origin: ORIGIN, authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(corsOf(response)).toEqual(ANSWER);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('an API error too, so the page sees its status and message', async () => {
    const response = await fetch(`${t.emu.apiEndpoint}/transitions`, { headers: { origin: ORIGIN } });
    expect(response.status).toBe(401);
    expect(corsOf(response)).toEqual(ANSWER);
  });

  test("the token endpoint's answer, and its refusal of an unknown code", async () => {
    const { clientId, clientSecret } = t.emu.credentials;
    const issued = await fetch(`${t.emu.url}/oauth2/token`, {
      method: 'POST',
      headers: { origin: ORIGIN, authorization: `Basic ${btoa(`${clientId}:${clientSecret}`)}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    expect(issued.status).toBe(200);
    expect(corsOf(issued)).toEqual(ANSWER);

    const refused = await fetch(`${t.emu.url}/oauth2/token`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: 'unknown', client_id: clientId, redirect_uri: `${ORIGIN}/`, code_verifier: 'v'.repeat(43) }).toString(),
    });
    expect(refused.status).toBe(400);
    expect(corsOf(refused)).toEqual(ANSWER);
    expect(await refused.json()).toMatchObject({ error: 'invalid_grant' });
  });

  test('a request without an Origin (not from a page) gets the wildcard', async () => {
    const response = await fetch(`${t.emu.apiEndpoint}/transitions`);
    expect(corsOf(response)).toEqual({ ...ANSWER, 'access-control-allow-origin': '*' });
  });
});
