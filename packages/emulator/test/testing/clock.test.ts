/**
 * The test emulator's clock: advance() runs heartbeat deadlines and transition timeouts in
 * order, expires tokens, and stamps times; all under jest's fake timers, which it never touches.
 */
import { jest } from '@jest/globals';
import { Las, ValidationError } from 'las-sdk';
import { testEmulator, type TestEmulator } from '../../src/index.js';

const MINUTE = 60_000;
// Taken before the fake timers are installed.
const realNow = Date.now.bind(Date);

describe('emu.clock, under jest.useFakeTimers()', () => {
  let emu: TestEmulator;
  let las: Las;
  beforeAll(async () => {
    // The SDK's HTTP client (undici) settles its answers through queueMicrotask: the one API its
    // tests leave real. The emulator itself needs none (see the last test).
    jest.useFakeTimers({ doNotFake: ['queueMicrotask'] });
    emu = await testEmulator({
      seed: {
        workflows: [{ name: 'w', transitions: [{ name: 'work', transitionType: 'docker', timeoutInSeconds: 1800, parameters: { imageUrl: 'x/y' } }] }],
        transitions: [{ name: 'quick', transitionType: 'docker', timeoutInSeconds: 60, parameters: { imageUrl: 'x/y' } }],
      },
    });
    // The SDK's backoff runs on the test's (fake) timers: no retries here.
    las = new Las({ credentials: emu.credentials, maxRetries: 0 });
  });
  afterEach(() => emu.reset());
  afterAll(async () => {
    await emu.close();
    jest.useRealTimers();
  });

  it('starts at the real time and moves only when advanced', async () => {
    const before = emu.clock.now();
    expect(Math.abs(before - realNow())).toBeLessThan(60_000);
    await emu.clock.advance(5 * MINUTE);
    expect(emu.clock.now() - before).toBeGreaterThanOrEqual(5 * MINUTE);
    expect(emu.clock.now() - before).toBeLessThan(6 * MINUTE);
  });

  it('fails a workflow whose worker stops heartbeating once 30 minutes pass, at the deadline time', async () => {
    const execution = await las.workflows.ref(emu.ids.workflows.w).execute({ invoice: 1 });
    const task = await las.transitions.ref(emu.ids.transitions.work).execute();
    await emu.clock.advance(20 * MINUTE);
    await task.heartbeat();
    const heartbeatAt = emu.clock.now();
    await emu.clock.advance(29 * MINUTE);
    expect((await task.refresh()).status).toBe('running');
    await emu.clock.advance(2 * MINUTE);
    expect((await task.refresh()).status).toBe('failed');
    const ended = await execution.refresh();
    expect(ended.status).toBe('failed');
    expect(ended.output).toMatchObject({ error: { name: 'States.Timeout', transitionExecutionId: task.executionId } });
    // Ended at its deadline, not at the end of the advance.
    const endTime = (ended.endTime as Date).getTime();
    expect(endTime - heartbeatAt).toBeGreaterThan(30 * MINUTE - 5000);
    expect(endTime - heartbeatAt).toBeLessThanOrEqual(30 * MINUTE);
  });

  it('runs what is due in order of its time, within one advance', async () => {
    const slow = await las.workflows.ref(emu.ids.workflows.w).execute({});
    const slowTask = await las.transitions.ref(emu.ids.transitions.work).execute();
    const fast = await las.transitions.ref(emu.ids.transitions.quick).execute();
    await emu.clock.advance(31 * MINUTE);
    const [fastEnd, slowEnd] = [(await fast.refresh()).endTime as Date, (await slowTask.refresh()).endTime as Date];
    expect(fastEnd.getTime()).toBeLessThan(slowEnd.getTime());
    expect(slowEnd.getTime() - fastEnd.getTime()).toBeGreaterThanOrEqual(29 * MINUTE - 1000);
    expect((await slow.refresh()).status).toBe('failed');
  });

  it('stamps created and updated times with its own time', async () => {
    await emu.clock.advance(24 * 60 * MINUTE);
    const dataset = await las.datasets.create({ name: 'tomorrow' });
    expect(Math.abs((dataset.createdTime as Date).getTime() - emu.clock.now())).toBeLessThan(5000);
    expect((dataset.createdTime as Date).getTime() - realNow()).toBeGreaterThan(23 * 60 * MINUTE);
  });

  it('expires tokens: the SDK gets a fresh one and goes on', async () => {
    const token = await emu.credentials.getAccessToken();
    const probe = () => fetch(`${emu.apiEndpoint}/datasets`, { headers: { authorization: `Bearer ${token}` } });
    expect((await probe()).status).toBe(200);
    await emu.clock.advance(61 * MINUTE);
    const expired = await probe();
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({ message: 'The incoming token has expired' });
    expect(await las.datasets.list().toArray()).toEqual([]);
  });

  it('refuses a time that is no forward step', async () => {
    for (const ms of [-1, Number.NaN, Infinity, '5' as unknown as number, 1e20]) {
      await expect(emu.clock.advance(ms)).rejects.toThrow(ValidationError);
    }
    expect(await emu.las.datasets.list().toArray()).toEqual([]);
  });

  it('answers, and advances, under every timer jest fakes', async () => {
    jest.useFakeTimers();
    try {
      const token = await emu.credentials.getAccessToken();
      const created = await fetch(`${emu.apiEndpoint}/transitions/${emu.ids.transitions.quick}/executions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{}',
      });
      const { executionId } = (await created.json()) as { executionId: string };
      await emu.clock.advance(2 * MINUTE);
      const after = await fetch(`${emu.apiEndpoint}/transitions/${emu.ids.transitions.quick}/executions/${executionId}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(await after.json()).toMatchObject({ status: 'failed' });
    } finally {
      jest.useFakeTimers({ doNotFake: ['queueMicrotask'] });
    }
  });

  it('keeps its time through reset(): time only moves forward', async () => {
    await emu.clock.advance(90 * MINUTE);
    const before = emu.clock.now();
    await emu.reset();
    expect(emu.clock.now()).toBeGreaterThanOrEqual(before);
  });
});
