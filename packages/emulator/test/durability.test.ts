/**
 * What `--data` promises: every write answered 2xx is on disk before the answer, so a kill -9 in
 * the middle of a burst loses none of them; a write that cannot be saved answers 500 and is
 * undone; the files are the owner's only; and one emulator at a time holds a data directory.
 * The crashes are real: the bin runs in a child process and gets SIGKILL.
 */
import { jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataDirInUseError, startEmulator } from '../src/index.js';
import { Store } from '../src/store.js';
import { killBins, spawnBin, startBin, stopBin, type Bin } from './bin.js';
import { raw } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(tmpdir(), 'las-durability-'));
});
afterEach(async () => {
  jest.restoreAllMocks();
  await killBins();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A client of a bin by plain fetch: a token once, then JSON requests. */
async function clientOf(bin: Bin & { credentials: { getAccessToken(): Promise<string>; apiEndpoint: string } }) {
  const token = await bin.credentials.getAccessToken();
  return async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`${bin.credentials.apiEndpoint}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
}

function journals(): string[] {
  return fs.readdirSync(dir).filter((name) => name.endsWith('.jsonl'));
}

test('kill -9 during a burst of writes loses no write that was answered, and every file is the owner\'s only', async () => {
  const first = await startBin(['--data', dir, '--quiet']);
  const call = await clientOf(first);
  const datasets = new Map<string, string>();
  const documents = new Map<string, string>();
  const deleted = new Set<string>();
  // A delete in flight when the kill comes may or may not have been applied: no answer, no promise.
  const deleting = new Set<string>();
  let killed = false;
  // Each worker creates datasets and documents and deletes some datasets, until the connection dies.
  const worker = async (w: number) => {
    try {
      for (let i = 0; !killed; i++) {
        const name = `w${w}-${i}`;
        const dataset = await call('POST', '/datasets', { name });
        if (dataset.status !== 200) throw new Error(`POST /datasets answered ${dataset.status}`);
        datasets.set(dataset.body.datasetId as string, name);
        const content = randomBytes(3000).toString('base64');
        const document = await call('POST', '/documents', { content, contentType: 'application/pdf' });
        if (document.status !== 200) throw new Error(`POST /documents answered ${document.status}`);
        documents.set(document.body.documentId as string, content);
        if (i % 3 === 0) {
          const datasetId = dataset.body.datasetId as string;
          deleting.add(datasetId);
          if ((await call('DELETE', `/datasets/${datasetId}`)).status === 200) deleted.add(datasetId);
          deleting.delete(datasetId);
        }
      }
    } catch (error) {
      // Only the kill may end a worker.
      if (!killed) throw error;
    }
  };
  const workers = Array.from({ length: 8 }, (_, w) => worker(w));
  while (datasets.size < 50) await new Promise((resolve) => setTimeout(resolve, 5));
  killed = true;
  expect(await stopBin(first, 'SIGKILL')).toBeNull();
  await Promise.all(workers);

  const second = await startBin(['--data', dir, '--quiet']);
  expect(second.credentials.clientId).toBe(first.credentials.clientId);
  const again = await clientOf(second);
  for (const [id, name] of datasets) {
    const found = await again('GET', `/datasets/${id}`);
    if (deleted.has(id)) expect(found.status).toBe(404);
    else if (deleting.has(id) && found.status === 404) continue;
    else expect([found.status, found.body.name]).toEqual([200, name]);
  }
  for (const [id, content] of documents) {
    const found = await again('GET', `/documents/${id}`);
    expect([found.status, found.body.content === content]).toEqual([200, true]);
  }

  const modes = (folder: string): string[] =>
    fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(folder, entry.name);
      const name = entry.name.replace(/[0-9a-f]{12,}/g, '*').replace(/journal-\d+/, 'journal-N');
      const mode = `${name} ${(fs.statSync(full).mode & 0o777).toString(8)}`;
      return entry.isDirectory() ? [mode, ...modes(full)] : [mode];
    });
  expect(new Set(modes(dir))).toEqual(
    new Set(['content 700', 'las_document_*.* 600', 'las-emulator-state.json 600', 'las-emulator-journal-N.jsonl 600', 'las-emulator.lock 600']),
  );
});

test('a journal line cut short by a crash is skipped at start, and what follows it is kept', async () => {
  const bin = await startBin(['--data', dir, '--quiet']);
  const kept = await (await clientOf(bin))('POST', '/datasets', { name: 'before the crash' });
  await stopBin(bin, 'SIGKILL');
  const [journal] = journals();
  fs.appendFileSync(path.join(dir, journal), '{"seq":99,"put":{"datasets":[{"id":"las:dataset:0123');

  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const second = await startEmulator({ dataDir: dir });
  expect(stderr).toHaveBeenCalledWith(expect.stringMatching(/skipped its last line, cut short by a crash while it was written/));
  expect((await raw(second, 'GET', `/datasets/${kept.body.datasetId as string}`)).body.name).toBe('before the crash');
  const after = await raw(second, 'POST', '/datasets', { body: { name: 'after the crash' } });
  await second.close();

  const third = await startEmulator({ dataDir: dir });
  const listed = await raw(third, 'GET', '/datasets');
  expect((listed.body.datasets as { datasetId: string }[]).map((d) => d.datasetId)).toEqual([kept.body.datasetId, after.body.datasetId]);
  await third.close();
});

test('a journal damaged before its last line is refused, naming the file and line', async () => {
  const first = await startEmulator({ dataDir: dir });
  await first.close();
  const [journal] = journals();
  const lines = fs.readFileSync(path.join(dir, journal), 'utf8').split('\n').length;
  fs.appendFileSync(path.join(dir, journal), 'not json\n{"seq":1}\n');
  await expect(startEmulator({ dataDir: dir })).rejects.toThrow(`${path.join(dir, journal)} is damaged at line ${lines}`);
});

describe('the state file (las-emulator-state.json)', () => {
  const stateFile = () => path.join(dir, 'las-emulator-state.json');
  const afresh = () => `move ${dir} away to start afresh with a new organization and new credentials`;

  /** A data directory that was started twice: a state file, and the journal that continues it. */
  async function usedTwice(): Promise<{ clientId: string; datasetId: string }> {
    const first = await startEmulator({ dataDir: dir });
    const created = await raw(first, 'POST', '/datasets', { body: { name: 'kept' } });
    await first.close();
    const second = await startEmulator({ dataDir: dir });
    const { clientId } = second.credentials;
    await second.close();
    expect(fs.existsSync(stateFile())).toBe(true);
    expect(journals()).toEqual(['las-emulator-journal-1.jsonl']);
    return { clientId, datasetId: created.body.datasetId as string };
  }

  test.each<[string, string | Buffer, string]>([
    ['empty', '', 'Unexpected end of JSON input'],
    ['cut short', '{"version":2,"generation":1,"seq":3,"meta":{', 'JSON'],
    ['not UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 'not valid'],
    ['JSON but no state', 'null', 'it holds no format version'],
  ])('%s: start-up is refused naming the file and what to do; nothing is changed', async (_label, content, why) => {
    await usedTwice();
    fs.writeFileSync(stateFile(), content);
    const error = (await startEmulator({ dataDir: dir }).catch((thrown: unknown) => thrown)) as Error;
    expect(error.message).toContain(`${stateFile()} is damaged (`);
    expect(error.message).toContain(why);
    expect(error.message).toContain(`so the emulator's state cannot be read: restore it from a backup, or ${afresh()}`);
    expect(fs.readFileSync(stateFile())).toEqual(Buffer.from(content));
    expect(journals()).toEqual(['las-emulator-journal-1.jsonl']);
    // The directory is not left locked: the refusal released it.
    expect(fs.existsSync(path.join(dir, 'las-emulator.lock'))).toBe(false);
  });

  test('the bin refuses an empty state file with exit 1 and one line naming it', async () => {
    await usedTwice();
    fs.writeFileSync(stateFile(), '');
    const bin = spawnBin(['--data', dir, '--quiet']);
    expect(await bin.exited).toBe(1);
    expect(bin.output()).toMatch(new RegExp(`^las-emulator: ${escape(stateFile())} is damaged \\(.*\\), so the emulator's state cannot be read: restore it`));
  });

  test('deleted while the journal that continues it is there: refused as damaged, not started as a new organization', async () => {
    await usedTwice();
    fs.rmSync(stateFile());
    await expect(startEmulator({ dataDir: dir })).rejects.toThrow(
      `${stateFile()} is missing, but ${path.join(dir, 'las-emulator-journal-1.jsonl')} continues it: the data directory is damaged. ` +
        `Put the state file back (from a backup), or ${afresh()}`,
    );
    const bin = spawnBin(['--data', dir, '--quiet']);
    expect(await bin.exited).toBe(1);
    expect(bin.output()).toContain(`${stateFile()} is missing`);
    expect(journals()).toEqual(['las-emulator-journal-1.jsonl']);
  });

  test('a first run has no state file yet: its journal alone is the whole state, and starts as before', async () => {
    const first = await startBin(['--data', dir, '--quiet']);
    const created = await (await clientOf(first))('POST', '/datasets', { name: 'first run' });
    await stopBin(first, 'SIGKILL');
    expect(fs.existsSync(stateFile())).toBe(false);
    const second = await startEmulator({ dataDir: dir });
    expect(second.credentials.clientId).toBe(first.credentials.clientId);
    expect((await raw(second, 'GET', `/datasets/${created.body.datasetId as string}`)).body.name).toBe('first run');
    await second.close();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('one emulator per data directory', () => {
  test('a second one in the same process is refused with DataDirInUseError, until the first closes', async () => {
    const first = await startEmulator({ dataDir: dir });
    const refused = await startEmulator({ dataDir: dir }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DataDirInUseError);
    expect((refused as Error).message).toContain(`The data directory ${dir} is in use by another LAS emulator (pid ${process.pid})`);
    await first.close();
    const next = await startEmulator({ dataDir: dir });
    await next.close();
  });

  test('the bin refuses with one line naming the directory and the pid, and a killed holder does not keep it', async () => {
    const first = await startBin(['--data', dir, '--quiet']);
    const second = spawnBin(['--data', dir, '--quiet']);
    expect(await second.exited).toBe(1);
    expect(second.output()).toBe(
      `las-emulator: The data directory ${dir} is in use by another LAS emulator (pid ${first.child.pid}): stop that one, or give ` +
        `this one another data directory. (If no emulator runs as pid ${first.child.pid}, delete ${path.join(dir, 'las-emulator.lock')}.)\n`,
    );

    await stopBin(first, 'SIGKILL');
    const third = await startBin(['--data', dir, '--quiet']);
    expect(third.credentials.clientId).toBe(first.credentials.clientId);
    expect(await stopBin(third)).toBe(0);
    expect(fs.existsSync(path.join(dir, 'las-emulator.lock'))).toBe(false);
  });
});

describe('a write that cannot be saved', () => {
  const noSpace = () => Object.assign(new Error('ENOSPC: no space left on device, fdatasync'), { code: 'ENOSPC' });

  test('answers 500 naming the failure, is undone, and is reported on stderr', async () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const emu = await startEmulator({ dataDir: dir });
    const token = await emu.credentials.getAccessToken();
    jest.spyOn(fs, 'fdatasyncSync').mockImplementationOnce(() => {
      throw noSpace();
    });
    const lost = await raw(emu, 'POST', '/datasets', { token, body: { name: 'lost' } });
    expect(lost).toEqual({
      status: 500,
      body: { message: `The emulator could not save this change in ${dir}, so it was not made: ENOSPC: no space left on device, fdatasync` },
    });
    expect(stderr).toHaveBeenCalledWith(expect.stringMatching(/^las-emulator: could not save a change in .*, so it was undone and its request answered 500: ENOSPC/));
    const names = async (on = emu) => ((await raw(on, 'GET', '/datasets')).body.datasets as { name: string }[]).map((d) => d.name);
    expect(await names()).toEqual([]);
    expect((await raw(emu, 'POST', '/datasets', { token, body: { name: 'kept' } })).status).toBe(200);
    await emu.close();

    const again = await startEmulator({ dataDir: dir });
    expect(await names(again)).toEqual(['kept']);
    await again.close();
  });

  test('when not even its partial write can be cut off, no later write is taken, and close() still resolves', async () => {
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const emu = await startEmulator({ dataDir: dir });
    const token = await emu.credentials.getAccessToken();
    jest.spyOn(fs, 'fdatasyncSync').mockImplementation(() => {
      throw noSpace();
    });
    const first = await raw(emu, 'POST', '/datasets', { token, body: { name: 'maybe' } });
    expect(first.status).toBe(500);
    expect(first.body.message).toMatch(/could not save this change in .* \(ENOSPC.*\), nor cut off what it had written of it: it saves nothing more/);
    jest.restoreAllMocks();
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const second = await raw(emu, 'POST', '/datasets', { token, body: { name: 'refused' } });
    expect(second.status).toBe(500);
    expect((await raw(emu, 'GET', '/datasets', { token })).body.datasets).toEqual([]);
    await expect(emu.close()).resolves.toBeUndefined();

    const again = await startEmulator({ dataDir: dir });
    const names = ((await raw(again, 'GET', '/datasets')).body.datasets as { name: string }[]).map((d) => d.name);
    expect(names).not.toContain('refused');
    await again.close();
  });

  test('close() resolves even when the data directory was removed underneath', async () => {
    const emu = await startEmulator({ dataDir: dir });
    fs.rmSync(dir, { recursive: true, force: true });
    await expect(emu.close()).resolves.toBeUndefined();
  });
});

describe('folding the journal into the snapshot', () => {
  // The datasets a reopened store has.
  async function reopened(folder: string): Promise<string[]> {
    const store = Store.open(folder);
    const names = store.tables.datasets.rows().map((row) => row.data.name as string);
    await store.close();
    return names;
  }

  test('folds run while writes go on; a crash mid-fold, or after it, loses nothing', async () => {
    const store = Store.open(dir, { foldAfterBytes: 2000 });
    const copies: { folder: string; names: string[] }[] = [];
    const names: string[] = [];
    for (let i = 0; i < 120; i++) {
      const id = store.newId('dataset');
      store.tables.datasets.insert(id, { datasetId: id, name: `d${i}` });
      expect(store.commit()).toBeUndefined();
      names.push(`d${i}`);
      if (i % 7 === 3) {
        store.tables.datasets.delete(store.tables.datasets.rows()[0].id);
        expect(store.commit()).toBeUndefined();
        names.shift();
      }
      // A fold under way has switched to a new journal and not yet replaced the snapshot: a
      // crash now leaves the old snapshot and both journals. Copied as a crash would leave it.
      if (journals().length > 1 && copies.length < 3) {
        const folder = `${dir}-crash-${copies.length}`;
        fs.cpSync(dir, folder, { recursive: true, filter: (source) => !source.endsWith('.lock') });
        copies.push({ folder, names: [...names] });
      }
    }
    await store.close();
    expect(copies.length).toBeGreaterThan(0);
    expect(journals().length).toBe(1);
    expect(await reopened(dir)).toEqual(names);
    for (const copy of copies) {
      expect(await reopened(copy.folder)).toEqual(copy.names);
      fs.rmSync(copy.folder, { recursive: true, force: true });
    }
  });
});
