/** node:test: a review flow. A model reads the invoice (scripted), a person approves the total. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, beforeEach, test } from 'node:test';
import { testEmulator, type TestEmulator } from 'las-emulator';
import { approveNext } from './app/invoices.js';

const PDF = readFileSync(new URL('../invoice.pdf', import.meta.url));
let emu: TestEmulator;

before(async () => {
  emu = await testEmulator({
    seed: {
      datasets: [{ name: 'inbox', documents: [{ name: 'a.pdf', content: PDF }] }],
      models: [{ name: 'invoice', width: 1200, height: 1200, fieldConfig: { total: { type: 'amount', description: 'Total', maxLength: 12 } } }],
      workflows: [{ name: 'review', transitions: [{ name: 'approve', transitionType: 'manual' }] }],
    },
  });
});
beforeEach(() => emu.reset());
after(() => emu.close());

test('a person approves the predicted total', async () => {
  emu.predictWith(emu.ids.models.invoice, () => [{ label: 'total', value: '1250.00', confidence: 0.97 }]);
  const prediction = await emu.las.predictions.create({ documentId: emu.ids.documents['inbox/a.pdf'], modelId: emu.ids.models.invoice });
  const total = prediction.predictions?.[0]?.value ?? undefined;
  const execution = await emu.las.workflows.ref(emu.ids.workflows.review).execute({ total });
  await approveNext(emu.las, emu.ids.transitions.approve);
  const done = await execution.refresh();
  assert.equal(done.status, 'succeeded');
  assert.deepEqual(done.output, { approved: true, total: '1250.00' });
});

test('a person corrects the total', async () => {
  const execution = await emu.las.workflows.ref(emu.ids.workflows.review).execute({ total: '12.50' });
  await approveNext(emu.las, emu.ids.transitions.approve, '125.00');
  assert.deepEqual((await execution.refresh()).output, { approved: true, total: '125.00' });
});
