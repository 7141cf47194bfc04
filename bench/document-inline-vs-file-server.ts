/**
 * `documents.create` under API version 2024-11-29: one POST with the content inline (base64)
 * against a POST without it and a PUT of the bytes to the file server, each as the SDK sends it,
 * against a local server that decodes inline content as the service must. Medians per size; what
 * INLINE_MAX_BASE64 (src/resources/document-content.ts) was chosen by.
 *
 *   npx tsx bench/document-inline-vs-file-server.ts          (N=30 rounds; SIZES=10000,100000 to choose)
 */
import { createServer } from 'node:http';
import { Session } from '../src/http/session.js';
import { documentBody } from '../src/http/document-body.js';
import { createOnFileServer } from '../src/resources/document-content.js';

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    if (req.method === 'POST') {
      const json = JSON.parse(body.toString('utf8')) as { content?: string };
      if (json.content) Buffer.from(json.content, 'base64'); // the service decodes inline content
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ documentId: 'las:document:' + 'a'.repeat(32), fileUrl: `http://127.0.0.1:${port}/files/x` }));
    } else {
      res.statusCode = 200;
      res.end();
    }
  });
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;
const session = new Session({ apiEndpoint: `http://127.0.0.1:${port}`, apiVersion: '2024-11-29', tokenProvider: { getAccessToken: async () => 'tok' }, logLevel: 'error' });
const fields = { contentType: 'application/pdf' };
const sizes = (process.env.SIZES ?? "10000,100000,1000000,2000000,4687500").split(",").map(Number);
const N = Number(process.env.N ?? 30);
for (const size of sizes) {
  const bytes = new Uint8Array(size).fill(65);
  const inline = async () => session.post('/documents', documentBody(fields, { bytes }));
  const two = async () => createOnFileServer(session, fields, { bytes }, 'm');
  for (let i = 0; i < 5; i++) { await inline(); await two(); } // warm up
  const times: Record<string, number[]> = { inline: [], two: [] };
  for (let i = 0; i < N; i++) {
    for (const [name, f] of i % 2 ? [['inline', inline], ['two', two]] as const : [['two', two], ['inline', inline]] as const) {
      const t = performance.now(); await f(); times[name].push(performance.now() - t);
    }
  }
  const med = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1].toFixed(2);
  console.log(`${size} bytes: inline median ${med(times.inline)} ms, POST+PUT median ${med(times.two)} ms`);
}
server.close();
process.exit(0);
