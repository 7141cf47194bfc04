import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';

export const AUTH = 'https://auth.example.test';
export const CLIENT_ID = 'client-id-123';
export const CLIENT_SECRET = 'sup3r-s3cret-v4lue';
export const API_KEY = 'api-key-v4lue-xyz';
export const BASIC = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64');

export const init = {
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  authEndpoint: AUTH,
  apiEndpoint: 'https://api.example.test/v1',
};

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'las-'));
}

/**
 * Points HOME at a fresh directory for each test, so nothing touches the real user's files.
 * Jest hands tests a copy of process.env that os.homedir() never reads, hence the stub as well.
 */
export function useTempHome(): { readonly dir: string } {
  const state = { dir: '' };
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.HOME;
    state.dir = tempDir();
    process.env.HOME = state.dir;
    jest.spyOn(os, 'homedir').mockReturnValue(state.dir);
  });
  afterEach(() => {
    jest.mocked(os.homedir).mockRestore();
    if (saved === undefined) delete process.env.HOME;
    else process.env.HOME = saved;
    fs.rmSync(state.dir, { recursive: true, force: true });
  });
  return state;
}
