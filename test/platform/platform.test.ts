/**
 * The two sides of each `#platform/*` module (package.json "imports": `browser`, else Node) offer
 * the same names with the same types, and where both can do the work they do it alike.
 */
import * as browserBase64 from '../../src/platform/browser/base64.js';
import * as browserDownload from '../../src/platform/browser/download-documents.js';
import * as browserEnvironment from '../../src/platform/browser/environment.js';
import * as browserFiles from '../../src/platform/browser/files.js';
import * as browserRuntime from '../../src/platform/browser/runtime.js';
import * as browserTokenCache from '../../src/platform/browser/token-cache.js';
import * as browserTransport from '../../src/platform/browser/transport.js';
import * as browserUpload from '../../src/platform/browser/upload-documents.js';
import * as nodeBase64 from '../../src/platform/node/base64.js';
import * as nodeDownload from '../../src/platform/node/download-documents.js';
import * as nodeEnvironment from '../../src/platform/node/environment.js';
import * as nodeFiles from '../../src/platform/node/files.js';
import * as nodeRuntime from '../../src/platform/node/runtime.js';
import * as nodeTokenCache from '../../src/platform/node/token-cache.js';
import * as nodeTransport from '../../src/platform/node/transport.js';
import * as nodeUpload from '../../src/platform/node/upload-documents.js';
import * as bunTransport from '../../src/platform/bun/transport.js';
import * as denoTransport from '../../src/platform/deno/transport.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

// The compiler checks each pair both ways: a side with a missing or differently typed name fails the type check.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const pairs = {
  base64: [nodeBase64, browserBase64],
  'download-documents': [nodeDownload, browserDownload],
  environment: [nodeEnvironment, browserEnvironment],
  files: [nodeFiles, browserFiles],
  runtime: [nodeRuntime, browserRuntime],
  'token-cache': [nodeTokenCache, browserTokenCache],
  transport: [nodeTransport, browserTransport],
  'upload-documents': [nodeUpload, browserUpload],
} as const;
// Type checks, made by tsc (`npm run typecheck`), not at run time: `Expect<T>` compiles only when
// T is `true`, that is when both sides of a module have the same names, and the same types.
type Expect<T extends true> = T;
export type PlatformSidesMatch = [
  Expect<{ [K in keyof typeof pairs]: Same<keyof (typeof pairs)[K][0], keyof (typeof pairs)[K][1]> }[keyof typeof pairs]>,
  Expect<Same<typeof nodeBase64, typeof browserBase64>>,
  Expect<Same<typeof nodeFiles, typeof browserFiles>>,
  Expect<Same<typeof nodeEnvironment, typeof browserEnvironment>>,
  Expect<Same<typeof nodeTokenCache, typeof browserTokenCache>>,
];

describe('#platform modules', () => {
  it('has a Node and a browser side of every module, with the same names', () => {
    const dir = join(import.meta.dirname, '../../src/platform');
    expect(readdirSync(join(dir, 'browser')).sort()).toEqual(readdirSync(join(dir, 'node')).sort());
    expect(Object.keys(pairs).map((name) => `${name}.ts`).sort()).toEqual(readdirSync(join(dir, 'node')).sort());
    for (const [node, browser] of Object.values(pairs)) expect(Object.keys(browser).sort()).toEqual(Object.keys(node).sort());
    // Bun's and Deno's transports (package.json conditions bun, deno) stand in for the Node one.
    for (const transport of [bunTransport, denoTransport]) expect(Object.keys(transport).sort()).toEqual(Object.keys(nodeTransport).sort());
  });

  it('encodes and decodes base64 alike on both sides, also in slices', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 100, 0x8000 - 1, 0x8000, 0x8000 + 1, 100_003]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 7919 + length) & 0xff);
      const expected = Buffer.from(bytes).toString('base64');
      expect(browserBase64.toBase64(bytes)).toBe(expected);
      expect(nodeBase64.toBase64(bytes)).toBe(expected);
      expect([...browserBase64.fromBase64(expected)]).toEqual([...bytes]);
      expect([...nodeBase64.fromBase64(expected)]).toEqual([...bytes]);
      const start = 3 * Math.floor(length / 7);
      const end = Math.max(start, length - 2);
      expect(browserBase64.toBase64(bytes, start, end)).toBe(Buffer.from(bytes.subarray(start, end)).toString('base64'));
      expect(nodeBase64.toBase64(bytes.subarray(1), start, Math.max(start, end - 1))).toBe(
        Buffer.from(bytes.subarray(1 + start, 1 + Math.max(start, end - 1))).toString('base64'),
      );
    }
  });

  it('writes ASCII into a buffer alike on both sides, returning the bytes written', () => {
    for (const side of [nodeBase64, browserBase64]) {
      const target = side.allocBytes(8);
      target.fill(0x2e);
      expect(side.writeAscii(target, 2, 'QUJD')).toBe(4);
      expect(side.writeAscii(target, 6, '"}+')).toBe(2);
      expect(new TextDecoder().decode(target)).toBe('..QUJD"}');
    }
  });

  it('reads a web ReadableStream without an async iterator through its reader, on the browser side', async () => {
    const chunks = [new Uint8Array([1, 2]), new Uint8Array([3])];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });
    // As older browsers' streams: no Symbol.asyncIterator.
    const readerOnly = { getReader: () => stream.getReader() };
    const read: unknown[] = [];
    for await (const chunk of browserFiles.chunksOf(readerOnly, 'stream')) read.push(chunk);
    expect(read).toEqual(chunks);
    expect(() => browserFiles.chunksOf({ pipe: () => undefined }, 'stream')).toThrow(
      'stream can be read in Node, Bun and Deno only; in this runtime (a browser build: no Node APIs) pass a ReadableStream, File, Blob or bytes',
    );
  });
});
