/**
 * A fetch that trusts one certificate authority, for this process only: how a test points
 * las-sdk at an emulator serving HTTPS without touching Node's trust store or turning checks off.
 */
import https from 'node:https';

/** `fetch` over node:https, trusting only `ca` (PEM): it replaces Node's own roots for these requests. */
export function fetchTrusting(ca: string): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    return new Promise<Response>((resolve, reject) => {
      const headers = Object.fromEntries(request.headers);
      const sent = https.request(request.url, { method: request.method, headers, ca, signal: request.signal }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const status = res.statusCode ?? 500;
          const answerHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) for (const one of [value ?? []].flat()) answerHeaders.append(name, one);
          resolve(new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), { status, headers: answerHeaders }));
        });
      });
      sent.on('error', reject);
      sent.end(body);
    });
  };
}
