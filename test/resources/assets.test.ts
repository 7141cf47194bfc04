import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { api, captureBody, testLas, useApiMock } from '../helpers/api.js';
import { fixture } from '../helpers/fixtures.js';
import { Asset } from '../../src/resources/assets.js';
import { ContentError, ValidationError } from '../../src/errors.js';
import { thrown } from '../helpers/thrown.js';

const asset = fixture('asset');
const id = asset.assetId as string;
const encoded = encodeURIComponent(id);
const HTML = Buffer.from('<h1>Please check this invoice</h1>\n');
const SCRIPT = Buffer.from('print("export")\n');

let dir: string;
let htmlPath: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'las-assets-'));
  htmlPath = join(dir, 'review.html');
  writeFileSync(htmlPath, HTML);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('assets', () => {
  useApiMock();
  const las = testLas();

  test('create POSTs a Buffer as base64 with name and description, and returns an Asset', async () => {
    const sent: { body?: unknown } = {};
    api().post('/assets', captureBody(sent)).matchHeader('content-type', 'application/json').reply(200, asset);

    const created = await las.assets.create(HTML, { name: 'Review form', description: 'HTML template of the manual review step' });

    expect(sent.body).toEqual({
      content: HTML.toString('base64'),
      name: 'Review form',
      description: 'HTML template of the manual review step',
    });
    expect(created).toBeInstanceOf(Asset);
    expect(created.id).toBe(id);
    expect(created.content).toBe(asset.content);
    expect(created.createdTime).toBeInstanceOf(Date);
    expect(created.createdTime?.toISOString()).toBe('2021-09-23T08:42:38.000Z');
    expect(created.updatedTime?.toISOString()).toBe('2021-09-30T16:20:05.500Z');
  });

  test.each([
    ['a file path', () => htmlPath],
    ['a file: URL', () => pathToFileURL(htmlPath)],
  ])('create reads %s and sends its bytes as base64', async (_form, input) => {
    const sent: { body?: unknown } = {};
    api().post('/assets', captureBody(sent)).reply(200, asset);

    await las.assets.create(input());

    expect(sent.body).toEqual({ content: HTML.toString('base64') });
  });

  test('create sends given base64 as it is', async () => {
    const sent: { body?: unknown } = {};
    api().post('/assets', captureBody(sent)).reply(200, asset);
    await las.assets.create({ base64: SCRIPT.toString('base64') }, { name: 'export.py' });
    expect(sent.body).toEqual({ content: SCRIPT.toString('base64'), name: 'export.py' });
  });

  test('an unreadable path is a ContentError and nothing is sent', async () => {
    const missing = join(dir, 'does-not-exist.html');
    const error = await thrown(las.assets.create(missing, { name: 'x' }));
    expect(error).toBeInstanceOf(ContentError);
    expect((error as Error).message).toContain(missing);
    expect((error as Error).message).toMatch(/ENOENT/);
  });

  test('empty content is a ContentError and nothing is sent', async () => {
    await expect(las.assets.create(Buffer.alloc(0))).rejects.toThrow(ContentError);
    await expect(las.assets.update(id, { content: new Uint8Array(0) })).rejects.toThrow(ContentError);
  });

  test.each([
    ['collection', (content: string) => las.assets.update(id, { content, name: 'Review form v2' })],
    ['instance', (content: string) => las.assets.ref(id).update({ content, name: 'Review form v2' })],
  ])('update (%s) reads new content from a path and PATCHes it as base64', async (_form, update) => {
    const sent: { body?: unknown } = {};
    api().patch(`/assets/${encoded}`, captureBody(sent)).reply(200, { ...asset, name: 'Review form v2' });

    const updated = await update(htmlPath);

    expect(sent.body).toEqual({ content: HTML.toString('base64'), name: 'Review form v2' });
    expect(updated).toBeInstanceOf(Asset);
    expect(updated.name).toBe('Review form v2');
    expect(updated.createdTime?.toISOString()).toBe('2021-09-23T08:42:38.000Z');
  });

  test('update without content sends only the given fields', async () => {
    const sent: { body?: unknown } = {};
    api().patch(`/assets/${encoded}`, captureBody(sent)).reply(200, asset);
    await las.assets.update(id, { description: 'Used by the review step', name: undefined });
    expect(sent.body).toEqual({ description: 'Used by the review step' });
  });

  test('update with an unreadable path is a ContentError and nothing is sent', async () => {
    await expect(las.assets.ref(id).update({ content: join(dir, 'nope.js') })).rejects.toThrow(ContentError);
  });

  test('bad input is a ValidationError before anything is sent', async () => {
    await expect(las.assets.get('las:assets:9f8e')).rejects.toThrow(ValidationError);
    await expect(las.assets.create(HTML, { name: 42 as unknown as string })).rejects.toThrow(/name: must be a string/);
    await expect(las.assets.update(id, { description: 'x'.repeat(4097) })).rejects.toThrow(ValidationError);
    await expect(las.assets.update(id, { contentType: 'text/html' } as never)).rejects.toThrow(
      /contentType: is not a known property/,
    );
  });

});
