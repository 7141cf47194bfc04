/**
 * The files of a data directory. The state is a snapshot (`las-emulator-state.json`) plus the
 * journals written since (`las-emulator-journal-<generation>.jsonl`, one JSON line per committed
 * change, each synced before the request is answered). Large content (documents, assets) lives in
 * `content/`, one file per value, written once. At start the journals are replayed over the
 * snapshot and folded into a new one; while running, a journal grown past the snapshot's size is
 * folded in the background: the journal switches to a new generation first, then the snapshot is
 * written aside, synced and renamed, and only then are the older journals deleted, so a crash at
 * any point leaves a snapshot and the journals that complete it.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describeError as describe } from 'las-sdk/errors';
import { lockDataDir } from './data-lock.js';
import type { JsonObject } from './json.js';

/** Name of the snapshot file (the whole state before version 2). */
export const SNAPSHOT_FILE = 'las-emulator-state.json';
/** Folder of content files. */
export const CONTENT_DIR = 'content';
/** Version of the snapshot and journal format. */
export const FORMAT_VERSION = 2;

const JOURNAL = /^las-emulator-journal-(\d+)\.jsonl$/;
const journalName = (generation: number) => `las-emulator-journal-${generation}.jsonl`;
/** A journal is folded once it is larger than this and than the snapshot. */
export const FOLD_AFTER_BYTES = 4 * 1024 * 1024;

/** A row as read back; `file` names its `hidden.content`, which is not yet read. */
export interface SavedRow {
  id: string;
  seq: number;
  data: JsonObject;
  hidden: JsonObject;
  file?: string;
}

/** The state as the files hold it. */
export interface SavedState {
  seq: number;
  meta: JsonObject;
  tokens: Map<string, JsonObject>;
  tables: Map<string, Map<string, SavedRow>>;
}

/** What one journal line holds: a committed change. `null` as a token's grant removes it. */
export interface JournalEntry {
  seq: number;
  meta?: JsonObject;
  tokens?: [string, JsonObject | null][];
  put?: Record<string, { id: string; seq: number; file?: string; row: { data: JsonObject; hidden: JsonObject } }[]>;
  del?: Record<string, string[]>;
}

interface SnapshotV1 {
  version: 1;
  seq: number;
  meta?: JsonObject;
  tokens?: [string, JsonObject][];
  tables?: Record<string, { id: string; seq: number; data: JsonObject; hidden: JsonObject }[]>;
}
interface SnapshotV2 {
  version: 2;
  generation: number;
  seq: number;
  meta: JsonObject;
  tokens: [string, JsonObject][];
  tables: Record<string, NonNullable<JournalEntry['put']>[string]>;
}

/** The open files of one data directory, which it holds locked. */
export class Journal {
  #fd: number | undefined;
  #generation: number;
  #bytes = 0;
  #snapshotBytes: number;
  #folding: Promise<void> | undefined;
  #broken: string | undefined;
  #replayed: number;

  private constructor(
    /** The data directory. */
    readonly dir: string,
    private readonly release: () => void,
    private readonly report: (line: string) => void,
    private readonly foldAfterBytes: number,
    generation: number,
    snapshotBytes: number,
    replayed: number,
  ) {
    this.#generation = generation;
    this.#snapshotBytes = snapshotBytes;
    this.#replayed = replayed;
  }

  /**
   * Locks `dir` (creating it) and reads the state its files hold. Call {@link start} once the
   * state is in memory.
   */
  static open(dir: string, report: (line: string) => void, foldAfterBytes = FOLD_AFTER_BYTES): { journal: Journal; state: SavedState } {
    fs.mkdirSync(path.join(dir, CONTENT_DIR), { recursive: true, mode: 0o700 });
    const release = lockDataDir(dir);
    try {
      const { state, generation, snapshotBytes, replayed } = read(dir, report);
      return { journal: new Journal(dir, release, report, foldAfterBytes, generation, snapshotBytes, replayed), state };
    } catch (error) {
      release();
      throw error;
    }
  }

  /**
   * Starts appending. When anything was replayed (or the snapshot is of an older format) the
   * state is first folded into a new snapshot, `snapshot(generation)`; content files that no row
   * names (`live`) are left from an interrupted write or delete and are removed.
   */
  start(snapshot: (generation: number) => string, live: ReadonlySet<string>): void {
    if (this.#replayed > 0) {
      const generation = this.#generation + 1;
      this.#snapshotBytes = writeDurably(path.join(this.dir, SNAPSHOT_FILE), snapshot(generation));
      this.#generation = generation;
    }
    // Journals older than the snapshot are in it (left by a fold cut short).
    this.#dropJournalsBefore(this.#generation);
    this.#open(this.#generation);
    for (const name of fs.readdirSync(path.join(this.dir, CONTENT_DIR))) {
      if (!live.has(name)) fs.rmSync(path.join(this.dir, CONTENT_DIR, name), { force: true });
    }
    for (const name of fs.readdirSync(this.dir)) {
      if (name.endsWith('.tmp') && name.startsWith('las-emulator-state')) fs.rmSync(path.join(this.dir, name), { force: true });
    }
  }

  /**
   * Appends one line and syncs it. On failure the line is cut off again; when even that fails
   * the journal takes no more lines ({@link broken} says why).
   */
  append(line: string): void {
    if (this.#broken) throw new Error(this.#broken);
    const fd = this.#fd as number;
    const bytes = Buffer.from(`${line}\n`);
    try {
      for (let done = 0; done < bytes.length; ) done += fs.writeSync(fd, bytes, done, bytes.length - done);
      fs.fdatasyncSync(fd);
      this.#bytes += bytes.length;
    } catch (error) {
      try {
        fs.ftruncateSync(fd, this.#bytes);
        fs.fdatasyncSync(fd);
      } catch (undo) {
        this.#broken =
          `${path.join(this.dir, journalName(this.#generation))} could not be cut back after a failed write (${describe(undo)}), ` +
          'so the emulator saves nothing more: restart it';
        this.report(this.#broken);
      }
      throw error;
    }
  }

  /** Why the journal takes no more lines, once it does not. */
  get broken(): string | undefined {
    return this.#broken;
  }

  /** Writes `text` to a new content file (synced), and returns its name. */
  writeContent(id: string, text: string): string {
    const name = `${id.replace(/[^\w-]/g, '_')}.${randomBytes(6).toString('hex')}`;
    writeDurably(path.join(this.dir, CONTENT_DIR, name), text);
    return name;
  }

  /** The text of a content file. */
  readContent(name: string, owner: string): string {
    try {
      return fs.readFileSync(path.join(this.dir, CONTENT_DIR, name), 'utf8');
    } catch (error) {
      throw new Error(`The content of ${owner} (${path.join(this.dir, CONTENT_DIR, name)}) cannot be read: ${describe(error)}`, { cause: error });
    }
  }

  /** Removes a content file no row names any more (a leftover is removed at the next start). */
  removeContent(name: string): void {
    fs.rm(path.join(this.dir, CONTENT_DIR, name), { force: true }, () => {});
  }

  /** Whether the journal has grown enough to be folded into the snapshot. */
  get wantsFold(): boolean {
    return this.#folding === undefined && this.#broken === undefined && this.#bytes > Math.max(this.foldAfterBytes, this.#snapshotBytes);
  }

  /**
   * Folds the journal into a new snapshot in the background: `snapshot(generation)` is taken now,
   * written while requests go on. A failure is reported; the journals then stay, and nothing is lost.
   */
  fold(snapshot: (generation: number) => string): void {
    const generation = this.#generation + 1;
    const text = snapshot(generation);
    const older = this.#fd;
    this.#open(generation);
    if (older !== undefined) fs.closeSync(older);
    this.#folding = (async () => {
      try {
        this.#snapshotBytes = await writeDurablyAsync(path.join(this.dir, SNAPSHOT_FILE), text);
        this.#dropJournalsBefore(generation);
      } catch (error) {
        this.report(`could not fold the journal into ${path.join(this.dir, SNAPSHOT_FILE)} (the journal keeps everything): ${describe(error)}`);
      } finally {
        this.#folding = undefined;
      }
    })();
  }

  /** Waits for a fold under way, closes the journal and unlocks the directory. Never throws. */
  async close(): Promise<void> {
    await this.#folding;
    try {
      if (this.#fd !== undefined) fs.closeSync(this.#fd);
    } catch (error) {
      this.report(`could not close the journal: ${describe(error)}`);
    }
    this.#fd = undefined;
    this.#broken ??= 'the emulator is closed';
    this.release();
  }

  #open(generation: number): void {
    const fd = fs.openSync(path.join(this.dir, journalName(generation)), 'a', 0o600);
    try {
      this.#bytes = fs.fstatSync(fd).size;
      syncDir(this.dir);
    } catch (error) {
      fs.closeSync(fd);
      throw error;
    }
    this.#fd = fd;
    this.#generation = generation;
  }

  #dropJournalsBefore(generation: number): void {
    for (const name of fs.readdirSync(this.dir)) {
      const match = JOURNAL.exec(name);
      if (match && Number(match[1]) < generation) fs.rmSync(path.join(this.dir, name), { force: true });
    }
    syncDir(this.dir);
  }
}

// The snapshot, then every journal it does not already include, oldest first.
function read(dir: string, report: (line: string) => void): { state: SavedState; generation: number; snapshotBytes: number; replayed: number } {
  const state: SavedState = { seq: 0, meta: {}, tokens: new Map(), tables: new Map() };
  const snapshotFile = path.join(dir, SNAPSHOT_FILE);
  let generation = 0;
  let snapshotBytes = 0;
  let replayed = 0;
  const allJournals = fs
    .readdirSync(dir)
    .map((name) => ({ name, generation: Number(JOURNAL.exec(name)?.[1] ?? NaN) }))
    .filter((journal) => !Number.isNaN(journal.generation));
  if (fs.existsSync(snapshotFile)) {
    const damaged = (why: string, cause?: unknown) =>
      new Error(
        `${snapshotFile} is damaged (${why}), so the emulator's state cannot be read: restore it from a backup, or move ${dir} ` +
          'away to start afresh with a new organization and new credentials',
        { cause },
      );
    let snapshot: SnapshotV1 | SnapshotV2;
    try {
      const text = readText(snapshotFile);
      snapshotBytes = text.length;
      snapshot = JSON.parse(text) as SnapshotV1 | SnapshotV2;
    } catch (error) {
      throw damaged(describe(error), error);
    }
    if (typeof snapshot !== 'object' || snapshot === null || typeof snapshot.version !== 'number') throw damaged('it holds no format version');
    if (snapshot.version !== 1 && snapshot.version !== FORMAT_VERSION) {
      throw new Error(
        `${snapshotFile} was written by another version of the emulator (format ${String((snapshot as { version: unknown }).version)}, ` +
          `this one reads ${FORMAT_VERSION}); move ${dir} away to start afresh`,
      );
    }
    try {
      if (snapshot.version === 1) {
        // The format before journals: folded into a version 2 snapshot at once.
        replayed = 1;
        loadV1(state, snapshot);
      } else {
        generation = snapshot.generation;
        if (!Number.isInteger(generation) || generation < 0) throw new Error(`its generation is ${String(generation)}`);
        apply(state, { seq: snapshot.seq, meta: snapshot.meta, tokens: snapshot.tokens, put: snapshot.tables });
      }
    } catch (error) {
      throw damaged(describe(error), error);
    }
  } else {
    // No state file: a new directory, or one never folded yet (journal 0 holds everything since
    // the directory was new, and the journals after it continue it). Journals without journal 0,
    // or content with no journal, continue a state file that is gone: starting on without it
    // would lose what it held.
    const later = allJournals.some((journal) => journal.generation === 0)
      ? undefined
      : allJournals.sort((a, b) => a.generation - b.generation)[0];
    const content = fs.readdirSync(path.join(dir, CONTENT_DIR));
    if (later || (allJournals.length === 0 && content.length > 0)) {
      const held = later ? `${path.join(dir, later.name)} continues it` : `${path.join(dir, CONTENT_DIR)} holds content of it`;
      throw new Error(
        `${snapshotFile} is missing, but ${held}: the data directory is damaged. Put the state file back (from a backup), or ` +
          `move ${dir} away to start afresh with a new organization and new credentials`,
      );
    }
  }
  const journals = allJournals.filter((journal) => journal.generation >= generation).sort((a, b) => a.generation - b.generation);
  for (const journal of journals) {
    replayed += replay(state, path.join(dir, journal.name), report);
    generation = journal.generation;
  }
  return { state, generation, snapshotBytes, replayed };
}

// A line cut short by a crash mid-write was never answered, and can only be the last: skipped.
// Returns how many lines (the skipped one included) the journal holds.
function replay(state: SavedState, file: string, report: (line: string) => void): number {
  let text: string;
  try {
    text = readText(file);
  } catch (error) {
    throw new Error(`${file} is damaged (${describe(error)}); move it away to start from the state before it`, { cause: error });
  }
  const lines = text.split('\n');
  // After the last newline: '' when the file ends cleanly, else the start of a line never finished.
  const tail = lines.pop() as string;
  const skip = () => report(`${file}: skipped its last line, cut short by a crash while it was written (that change was never answered)`);
  if (tail) skip();
  for (const [index, line] of lines.entries()) {
    let entry: JournalEntry;
    try {
      entry = JSON.parse(line) as JournalEntry;
    } catch (error) {
      if (index < lines.length - 1 || tail) {
        throw new Error(`${file} is damaged at line ${index + 1} (${describe(error)}); move it away to start from the state before it`);
      }
      skip();
      break;
    }
    apply(state, entry);
  }
  return lines.length + (tail ? 1 : 0);
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a file the emulator wrote: UTF-8, or it throws (a byte that is not would else read as U+FFFD). */
function readText(file: string): string {
  return UTF8.decode(fs.readFileSync(file));
}

function apply(state: SavedState, entry: JournalEntry): void {
  state.seq = entry.seq;
  if (entry.meta) state.meta = entry.meta;
  for (const [token, grant] of entry.tokens ?? []) {
    if (grant === null) state.tokens.delete(token);
    else state.tokens.set(token, grant);
  }
  for (const [table, rows] of Object.entries(entry.put ?? {})) {
    const saved = tableOf(state, table);
    for (const { id, seq, file, row } of rows) saved.set(id, { id, seq, data: row.data, hidden: row.hidden, ...(file !== undefined && { file }) });
  }
  for (const [table, ids] of Object.entries(entry.del ?? {})) {
    const saved = tableOf(state, table);
    for (const id of ids) saved.delete(id);
  }
}

function loadV1(state: SavedState, snapshot: SnapshotV1): void {
  state.seq = snapshot.seq;
  state.meta = snapshot.meta ?? {};
  for (const [token, grant] of snapshot.tokens ?? []) state.tokens.set(token, grant);
  for (const [table, rows] of Object.entries(snapshot.tables ?? {})) {
    const saved = tableOf(state, table);
    for (const row of rows) saved.set(row.id, { id: row.id, seq: row.seq, data: row.data, hidden: row.hidden });
  }
}

function tableOf(state: SavedState, name: string): Map<string, SavedRow> {
  let table = state.tables.get(name);
  if (!table) state.tables.set(name, (table = new Map()));
  return table;
}

// Written aside, synced, renamed over the old one, the directory synced: all or nothing.
// Owner-only: the state holds client secrets and secret values.
function writeDurably(file: string, text: string): number {
  const temp = `${file}.${process.pid}.tmp`;
  const bytes = Buffer.from(text);
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    for (let done = 0; done < bytes.length; ) done += fs.writeSync(fd, bytes, done, bytes.length - done);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  syncDir(path.dirname(file));
  return bytes.length;
}

async function writeDurablyAsync(file: string, text: string): Promise<number> {
  const temp = `${file}.${process.pid}.tmp`;
  const bytes = Buffer.from(text);
  const handle = await fs.promises.open(temp, 'w', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.promises.rename(temp, file);
  syncDir(path.dirname(file));
  return bytes.length;
}

function syncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

