/** `maxResults`/`nextToken` pagination over 250 items, through the SDK's pages and raw requests. */
import { raw, useEmulator } from './helpers.js';

const t = useEmulator();
const TOTAL = 250;
let created: string[] = [];

beforeAll(async () => {
  created = [];
  for (let i = 0; i < TOTAL; i++) created.push((await t.las.batches.create({ name: `batch ${i}` })).batchId);
});

test('pages of the default size (100) walk all 250 items once, in creation order', async () => {
  const first = await t.las.batches.list();
  expect(first.items).toHaveLength(100);
  expect(first.hasNextPage()).toBe(true);
  const second = await first.nextPage();
  expect(second.items).toHaveLength(100);
  const third = await second.nextPage();
  expect(third.items).toHaveLength(50);
  expect(third.hasNextPage()).toBe(false);
  expect([...first.items, ...second.items, ...third.items].map((b) => b.batchId)).toEqual(created);
});

test('for await walks every page; maxResults sets the page size', async () => {
  const seen: string[] = [];
  for await (const batch of t.las.batches.list({ maxResults: 7 })) seen.push(batch.batchId);
  expect(seen).toEqual(created);
  const page = await t.las.batches.list({ maxResults: 250 });
  expect(page.items).toHaveLength(250);
  expect(page.nextToken).toBeUndefined();
});

test('a token stays right when items before it are deleted', async () => {
  const first = await t.las.batches.list({ maxResults: 10 });
  await t.las.batches.delete(created[0]);
  await t.las.batches.delete(created[5]);
  const second = await first.nextPage();
  expect(second.items.map((b) => b.batchId)).toEqual(created.slice(10, 20));
});

test('DELETE /documents hands out tokens that page through what is left', async () => {
  const dataset = await t.las.datasets.create();
  for (let i = 0; i < 25; i++) await t.las.documents.create({ base64: Buffer.from(`%PDF-1.4 ${i}`).toString('base64') }, { datasetId: dataset.datasetId });
  const deleted = await t.las.documents.deleteMany({ datasetId: dataset.datasetId, maxResults: 10, deleteAll: true });
  expect(deleted.documents).toHaveLength(25);
  expect((await t.las.datasets.get(dataset.datasetId)).numberOfDocuments).toBe(0);
});

test('maxResults and nextToken are checked', async () => {
  expect(await raw(t.emu, 'GET', '/batches?maxResults=0')).toEqual({ status: 400, body: { message: 'maxResults: must be an integer from 1 to 1000' } });
  expect((await raw(t.emu, 'GET', '/batches?maxResults=ten')).status).toBe(400);
  expect(await raw(t.emu, 'GET', '/batches?nextToken=garbage')).toEqual({
    status: 400,
    body: { message: 'nextToken: is not a token this server handed out' },
  });
  const page = await raw(t.emu, 'GET', '/batches?maxResults=2');
  expect(page.body.nextToken).toEqual(expect.any(String));
  expect((await raw(t.emu, 'GET', `/batches?maxResults=2&nextToken=${String(page.body.nextToken)}`)).status).toBe(200);
});
