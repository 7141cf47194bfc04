/** vitest: an upload that meets two 503s and succeeds through the SDK's retries. */
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { Las } from 'las-sdk';
import { testEmulator, type TestEmulator } from 'las-emulator';
import { uploadInvoice } from './app/invoices.js';

const PDF = readFileSync(new URL('../invoice.pdf', import.meta.url));
let emu: TestEmulator;

beforeAll(async () => {
  emu = await testEmulator({ seed: { datasets: [{ name: 'invoices' }] } });
});
beforeEach(() => emu.reset());
afterAll(() => emu.close());

test('an upload goes through two 503s', async () => {
  emu.fail({ method: 'POST', path: '/documents', status: 503, times: 2 });
  // Real timers here: the SDK's backoff (about a second in all) runs as it would in production.
  const las = new Las({ credentials: emu.credentials, maxRetries: 2 });
  const documentId = await uploadInvoice(las, PDF, emu.ids.datasets.invoices);
  expect(emu.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['POST /documents 503', 'POST /documents 503', 'POST /documents 200']);
  expect(emu.requests[2].body).toMatchObject({ datasetId: emu.ids.datasets.invoices, contentType: 'application/pdf' });
  expect((await las.documents.get(documentId)).datasetId).toBe(emu.ids.datasets.invoices);
});

test('a third 503 reaches the caller', async () => {
  emu.fail({ method: 'POST', path: '/documents', status: 503, times: 3 });
  const las = new Las({ credentials: emu.credentials, maxRetries: 2 });
  await expect(uploadInvoice(las, PDF, emu.ids.datasets.invoices)).rejects.toMatchObject({ status: 503 });
});
