/**
 * `npm start`: the seed's quickstart, and with `--api-version 2024-11-29` the 2024 flow, each run
 * offline against its embedded emulator as a user runs it (a process of its own, no LAS_* set).
 */
import { runNode } from '../helpers/process.js';

// The user's environment without any LAS_* variable: the quickstarts then start their own emulator.
const OFFLINE = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('LAS_')));

async function start(...args: string[]): Promise<string> {
  return runNode(['--import', 'tsx', 'examples/start.ts', ...args], OFFLINE);
}

describe('npm start', () => {
  it('runs the seed quickstart without a flag: a document, a model, a prediction and a workflow of two workers', async () => {
    const output = await start();
    expect(output).toContain('las-sdk quickstart against the local emulator');
    expect(output).toMatch(/^Model {7}las:model:[0-9a-f]{32} {2}total_amount, due_date, supplier_name \(inactive\)$/m);
    expect(output).toMatch(/^Execution {3}las:workflow-execution:[0-9a-f]{32} {2}succeeded in /m);
    expect(output).toMatch(/^Logs {8}2 logs, one per step/m);
  }, 60_000);

  it('runs the 2024-11-29 flow with --api-version 2024-11-29: file server, training, async prediction, a manual step', async () => {
    const output = await start('--api-version', '2024-11-29');
    expect(output).toContain('las-sdk quickstart, API version 2024-11-29, against the local emulator');
    expect(output).toMatch(/^Document {4}las:document:\S+ {2}invoice\.pdf, application\/pdf, inline$/m);
    expect(output).toMatch(/^Document {4}las:document:\S+ {2}scan\.pdf, application\/pdf, 307,200 bytes on the file server$/m);
    expect(output).toMatch(/^Model {7}las:model:\S+ {2}total_amount, due_date \(inactive\)$/m);
    expect(output).toMatch(/^Training {4}las:model-training:\S+ {2}pending -> running -> succeeded$/m);
    expect(output).toMatch(/^ {14}the model predicts with it now \(active\)$/m);
    expect(output).toMatch(/^Prediction {2}las:prediction:\S+ {2}pending -> succeeded \(simulated\)$/m);
    expect(output).toMatch(/^ {14}total_amount {4}= /m);
    expect(output).toMatch(/^ {14}Review: las:transition-execution:\S+ succeeded \{"documentId":"las:document:\S+","approved":true,"reviewedBy":"a person"\}$/m);
    expect(output).toMatch(/^Execution {3}las:workflow-execution:\S+ {2}succeeded$/m);
  }, 60_000);

  it('refuses an API version it has no quickstart of, and an unknown flag, with its usage', async () => {
    await expect(start('--api-version', '2023-01-01')).rejects.toThrow('There is no quickstart of API version "2023-01-01".\nUsage: npm start [-- --api-version 2021-09-23 | 2024-11-29]');
    await expect(start('--version')).rejects.toThrow("Unknown option '--version'");
  }, 60_000);
});
