/**
 * How a JSON body built as bytes (every create and update) is handed to fetch on each platform: Node
 * streams views of the bytes; a browser must get the bytes, since it sends a stream body only over
 * HTTP/2 (Chrome refuses it on HTTP/1.1 with net::ERR_ALPN_NEGOTIATION_FAILED, which review.test.ts
 * sees against the emulator).
 */
import { JsonBytes } from '../../src/http/document-body.js';
import { bytesBody as browserJsonBody } from '../../src/platform/browser/transport.js';
import { bytesBody as nodeJsonBody } from '../../src/platform/node/transport.js';

const bytes = new TextEncoder().encode('{"status":"succeeded","output":{"total_amount":"12.75"}}');

test('in a browser, the bytes themselves', () => {
  expect(browserJsonBody(new JsonBytes(bytes))).toBe(bytes);
});

test('in Node, a stream of the same bytes', async () => {
  const body = nodeJsonBody(new JsonBytes(bytes));
  expect(body).toBeInstanceOf(ReadableStream);
  expect(new Uint8Array(await new Response(body).arrayBuffer())).toEqual(bytes);
});
