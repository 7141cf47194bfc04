/**
 * jest: a worker with a heartbeat, and a worker that dies, under jest's fake timers. The 30-minute
 * transition timeout passes through the emulator's own clock, in milliseconds.
 */
import { afterAll, afterEach, beforeAll, expect, jest, test } from '@jest/globals';
import { Las } from 'las-sdk';
import { testEmulator, type TestEmulator } from 'las-emulator';
import { runNext } from './app/invoices.js';

let emu: TestEmulator;
let las: Las;

beforeAll(async () => {
  // The SDK's HTTP client settles answers through queueMicrotask: leave it real.
  jest.useFakeTimers({ doNotFake: ['queueMicrotask'] });
  emu = await testEmulator({
    seed: {
      workflows: [{ name: 'invoices', transitions: [{ name: 'extract', transitionType: 'docker', timeoutInSeconds: 1800, parameters: { imageUrl: 'acme/extract' } }] }],
    },
  });
  // Retries wait on the test's (fake) timers: none here.
  las = new Las({ credentials: emu.credentials, maxRetries: 0 });
});
afterEach(() => emu.reset());
afterAll(async () => {
  await emu.close();
  jest.useRealTimers();
});

test('a worker that heartbeats finishes the workflow', async () => {
  const execution = await las.workflows.ref(emu.ids.workflows.invoices).execute({ documentId: 'doc-1' });
  await runNext(las, emu.ids.transitions.extract, async () => {
    await emu.clock.advance(20 * 60_000); // slow work, with a heartbeat before it
    return { total: '42.00' };
  });
  expect(await execution.refresh()).toMatchObject({ status: 'succeeded', output: { total: '42.00' } });
});

test('a worker that dies mid-work times its execution out after 30 minutes', async () => {
  const execution = await las.workflows.ref(emu.ids.workflows.invoices).execute({ documentId: 'doc-2' });
  const taken = await las.transitions.ref(emu.ids.transitions.extract).execute();
  await taken.heartbeat(); // ...and then nothing more
  await emu.clock.advance(31 * 60_000);
  expect((await taken.refresh()).status).toBe('failed');
  expect(await execution.refresh()).toMatchObject({ status: 'failed', output: { error: { name: 'States.Timeout' } } });
});
