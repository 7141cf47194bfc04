/** Which API version an emulator serves: asked for at start, kept by its data directory. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator } from '../src/index.js';
import { raw } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'las-emulator-version-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('an emulator serves 2021-09-23 unless asked, and says which', async () => {
  const emu = await startEmulator();
  try {
    expect(emu.apiVersion).toBe('2021-09-23');
    expect((await raw(emu, 'GET', '/plans')).status).toBe(403);
  } finally {
    await emu.close();
  }
});

test('a data directory is served under the version it was made with, and refused under the other, naming both', async () => {
  const made = await startEmulator({ dataDir: dir, apiVersion: '2024-11-29' });
  await made.close();
  await expect(startEmulator({ dataDir: dir })).rejects.toThrow(
    `${dir} holds the state of an emulator of API 2024-11-29; serve it with apiVersion 2024-11-29 (--api-version 2024-11-29), or give API 2021-09-23 a directory of its own`,
  );
  const again = await startEmulator({ dataDir: dir, apiVersion: '2024-11-29' });
  expect(again.organizationId).toBe(made.organizationId);
  await again.close();
});

test('a 2021-09-23 data directory (the default) is refused under 2024-11-29', async () => {
  const made = await startEmulator({ dataDir: dir });
  await made.close();
  await expect(startEmulator({ dataDir: dir, apiVersion: '2024-11-29' })).rejects.toThrow('holds the state of an emulator of API 2021-09-23');
});

test('a version it does not know is refused before anything starts', async () => {
  await expect(startEmulator({ apiVersion: '2030-01-01' as never })).rejects.toThrow(
    'startEmulator: apiVersion must be one of 2021-09-23, 2024-11-29, got "2030-01-01"',
  );
});
