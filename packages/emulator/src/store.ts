import { randomBytes } from 'node:crypto';
import { describeError } from 'las-sdk/errors';
import { Clock } from './clock.js';
import { notFound } from './http-error.js';
import { FORMAT_VERSION, Journal, type SavedState } from './journal.js';
import type { JsonObject } from './json.js';
import { TrackedMap } from './tracked-map.js';

/** The collections the emulator keeps, one per kind of entity. */
export const TABLES = [
  'organizations',
  'appClients',
  'assets',
  'batches',
  'datasets',
  'documents',
  'models',
  'dataBundles',
  'predictions',
  'secrets',
  'users',
  'transitions',
  'transitionExecutions',
  'workflows',
  'workflowExecutions',
  'logs',
  'trainings',
  'transformations',
  'paymentMethods',
  'profiles',
  'plans',
  'roles',
  'deploymentEnvironments',
] as const;

/** Name of one of the {@link TABLES}. */
export type TableName = (typeof TABLES)[number];

/**
 * One stored entity: `data` is exactly what the API answers with; `hidden` holds what the API
 * never shows in full (document content, secret values, engine state), kept beside it.
 */
export interface Row {
  readonly id: string;
  /** Insertion order: lists and page tokens follow it, so a deletion never shifts a page. */
  readonly seq: number;
  data: JsonObject;
  hidden: JsonObject;
}

/** A bearer token handed out by the token endpoint. */
export interface TokenGrant {
  /** The app client the token was issued to: the `createdBy` of what it creates. */
  appClientId: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** Emulator-wide facts that are not entities. */
export interface StoreMeta {
  /** The API version the state was made under: a data directory is served under that one only. */
  apiVersion?: string;
  organizationId?: string;
  /** The app client whose credentials `startEmulator` hands out. */
  defaultAppClientId?: string;
}

/** What the files hold of a row: its JSON without the content, and the content's file. */
interface Image {
  seq: number;
  text: string;
  content?: { value: string; file: string };
}

/** Makes the image of a row, writing its content to a new file when it changed since `before`. */
type Imager = (row: Row, before: Image | undefined) => Image;

/** What one commit saves of a table. */
interface TableChanges {
  /** Journal records of the rows inserted or changed. */
  put: string[];
  /** Ids of the rows deleted. */
  del: string[];
  images: Map<string, Image>;
  /** Content files no row names once the commit is saved. */
  obsolete: string[];
}

/** One collection: rows by id, in insertion order. */
export class Table {
  readonly #rows = new Map<string, Row>();
  // With a data directory: what the files hold of each row, the rows handed out since the last
  // commit (any of them may have been changed in place), and the rows deleted since.
  readonly #saved = new Map<string, Image>();
  readonly #seen = new Set<Row>();
  readonly #removed = new Map<string, Row>();

  constructor(
    /** Name of the entity kind in messages ("Dataset"). */
    readonly what: string,
    private readonly store: Store,
  ) {}

  /** Number of rows. */
  get size(): number {
    return this.#rows.size;
  }

  /** The row stored under `id`, if any. */
  get(id: string): Row | undefined {
    return this.#see(this.#rows.get(id));
  }

  /** The row stored under `id`; a 404 naming it when there is none. */
  require(id: string): Row {
    const row = this.get(id);
    if (!row) throw notFound(this.what, id);
    return row;
  }

  /**
   * The row stored under `id` whose `field` is `parentId`: an entity under its parent's path
   * (`/models/{modelId}/dataBundles/{id}`); a 404 naming it when there is none or it is another's.
   */
  requireUnder(id: string, field: string, parentId: string): Row {
    const row = this.get(id);
    if (!row || row.data[field] !== parentId) throw notFound(this.what, id);
    return row;
  }

  /** Stores a new row. */
  insert(id: string, data: JsonObject, hidden: JsonObject = {}): Row {
    const row: Row = { id, seq: this.store.nextSeq(), data, hidden };
    this.#rows.set(id, row);
    this.store.touch();
    return this.#see(row) as Row;
  }

  /** Records that a row's data changed, so it is saved. */
  changed(): void {
    this.store.touch();
  }

  /** Removes and returns the row stored under `id`. */
  delete(id: string): Row | undefined {
    const row = this.#rows.get(id);
    if (row) {
      this.#rows.delete(id);
      if (this.store.persistent) this.#removed.set(id, row);
      this.store.touch();
    }
    return row;
  }

  /** Every row, oldest first. */
  rows(): Row[] {
    const rows = [...this.#rows.values()];
    if (this.store.persistent) for (const row of rows) this.#seen.add(row);
    return rows;
  }

  /** The rows `keep` accepts, oldest first. */
  filter(keep: (row: Row) => boolean): Row[] {
    const rows: Row[] = [];
    for (const row of this.#rows.values()) if (keep(row)) rows.push(this.#see(row) as Row);
    return rows;
  }

  /** Puts back a row as it was saved (at start, in seq order). */
  restore(row: Row, image: Image): void {
    this.#rows.set(row.id, row);
    this.#saved.set(row.id, image);
  }

  /** What changed since the last commit. */
  collect(imageOf: Imager): TableChanges {
    const changes: TableChanges = { put: [], del: [], images: new Map(), obsolete: [] };
    for (const row of this.#seen) {
      if (this.#rows.get(row.id) !== row) continue;
      const before = this.#saved.get(row.id);
      const after = imageOf(row, before);
      if (after.text === before?.text && after.content?.file === before.content?.file) continue;
      changes.images.set(row.id, after);
      changes.put.push(record(row.id, after));
      if (before?.content && before.content.file !== after.content?.file) changes.obsolete.push(before.content.file);
    }
    for (const id of this.#removed.keys()) {
      const before = this.#saved.get(id);
      if (!before || this.#rows.has(id)) continue;
      changes.del.push(id);
      if (before.content) changes.obsolete.push(before.content.file);
    }
    return changes;
  }

  /** Takes `changes` as saved. */
  accept(changes: TableChanges): void {
    for (const [id, image] of changes.images) this.#saved.set(id, image);
    for (const id of changes.del) this.#saved.delete(id);
    this.forget();
  }

  /** Puts every row back as the files hold it: inserted rows go, deleted ones return, changed ones are reverted. */
  undo(): void {
    for (const row of this.#seen) {
      const before = this.#saved.get(row.id);
      if (this.#rows.get(row.id) !== row) continue;
      if (!before) {
        this.#rows.delete(row.id);
        continue;
      }
      const { data, hidden } = JSON.parse(before.text) as { data: JsonObject; hidden: JsonObject };
      if (before.content) hidden.content = before.content.value;
      row.data = data;
      row.hidden = hidden;
    }
    let returned = false;
    for (const [id, row] of this.#removed) {
      if (this.#saved.has(id) && !this.#rows.has(id)) {
        this.#rows.set(id, row);
        returned = true;
      }
    }
    if (returned) {
      const rows = [...this.#rows.values()].sort((a, b) => a.seq - b.seq);
      this.#rows.clear();
      for (const row of rows) this.#rows.set(row.id, row);
    }
    this.forget();
  }

  /** Forgets the rows handed out so far (after a commit, or a request that changed nothing). */
  forget(): void {
    this.#seen.clear();
    this.#removed.clear();
  }

  /** The saved rows as snapshot records. */
  records(): string[] {
    return [...this.#saved].map(([id, image]) => record(id, image));
  }

  /** Puts `rows` in place of every row (a test emulator's reset; for a store in memory). */
  replaceAll(rows: readonly Row[]): void {
    this.#rows.clear();
    for (const row of rows) this.#rows.set(row.id, row);
    this.store.touch();
  }

  #see(row: Row | undefined): Row | undefined {
    if (row && this.store.persistent) this.#seen.add(row);
    return row;
  }
}

function record(id: string, image: Image): string {
  const file = image.content ? `,"file":${JSON.stringify(image.content.file)}` : '';
  return `{"id":${JSON.stringify(id)},"seq":${image.seq}${file},"row":${image.text}}`;
}

const WHAT: Record<TableName, string> = {
  organizations: 'Organization',
  appClients: 'App client',
  assets: 'Asset',
  batches: 'Batch',
  datasets: 'Dataset',
  documents: 'Document',
  models: 'Model',
  dataBundles: 'Data bundle',
  predictions: 'Prediction',
  secrets: 'Secret',
  users: 'User',
  transitions: 'Transition',
  transitionExecutions: 'Transition execution',
  workflows: 'Workflow',
  workflowExecutions: 'Workflow execution',
  logs: 'Log',
  trainings: 'Training',
  transformations: 'Transformation',
  paymentMethods: 'Payment method',
  profiles: 'Profile',
  plans: 'Plan',
  roles: 'Role',
  deploymentEnvironments: 'Deployment environment',
};

/** A change that could not be saved: it was undone, and the request answers 500 with this message. */
export class SaveError extends Error {
  override name = 'SaveError';
}

/** Options of {@link Store.open}. */
export interface StoreOptions {
  /** Hears of what goes wrong on disk. Default: stderr, which the bin's `--quiet` does not silence. */
  report?: (line: string) => void;
  /** Journal size past which it is folded into the snapshot (when also past the snapshot's size). */
  foldAfterBytes?: number;
}

// Where failures on disk go unless told otherwise.
function toStderr(line: string): void {
  process.stderr.write(`las-emulator: ${line}\n`);
}

/**
 * All state of one emulator, in memory; with a data directory also on disk (see journal.ts): each
 * {@link commit} appends what changed to the journal and syncs it, so a restart (or a crash) finds
 * every answered change. What a failed commit changed is undone in memory.
 */
export class Store {
  readonly tables: Record<TableName, Table>;
  meta: StoreMeta = {};
  readonly tokens = new TrackedMap<string, TokenGrant>();
  /** This emulator's time, and the work due at a time. */
  readonly clock = new Clock();
  readonly #journal: Journal | undefined;
  readonly #report: (line: string) => void;
  #seq = 0;
  #savedSeq = 0;
  #savedMeta = '{}';
  #dirty = false;

  private constructor(journal: Journal | undefined, report: (line: string) => void) {
    this.#journal = journal;
    this.#report = report;
    this.tables = Object.fromEntries(TABLES.map((name) => [name, new Table(WHAT[name], this)])) as Record<TableName, Table>;
  }

  /** A store in memory, or loaded from (and saved to) `dataDir` when given, which it locks until {@link close}. */
  static open(dataDir?: string, options: StoreOptions = {}): Store {
    const report = options.report ?? toStderr;
    if (dataDir === undefined) return new Store(undefined, report);
    const { journal, state } = Journal.open(dataDir, report, options.foldAfterBytes);
    const store = new Store(journal, report);
    try {
      store.#restore(journal, state);
    } catch (error) {
      void journal.close();
      throw error;
    }
    return store;
  }

  /** Whether the state is saved to a data directory. */
  get persistent(): boolean {
    return this.#journal !== undefined;
  }

  /** A new id `las:<kind>:<32 hex>`. */
  newId(kind: string): string {
    return `las:${kind}:${randomBytes(16).toString('hex')}`;
  }

  /** The next insertion number. */
  nextSeq(): number {
    return ++this.#seq;
  }

  /** Marks the state changed: the next {@link commit} saves it. */
  touch(): void {
    this.#dirty = true;
  }

  /**
   * Saves what changed since the last commit, synced to disk before it returns. When that fails
   * the change is undone in memory, reported, and returned as a {@link SaveError}; it never throws.
   */
  commit(): SaveError | undefined {
    const journal = this.#journal;
    if (!journal || !this.#dirty) {
      for (const name of TABLES) this.tables[name].forget();
      return undefined;
    }
    this.#dirty = false;
    const written: string[] = [];
    const imageOf: Imager = (row, before) => image(row, before, (text) => {
      const file = journal.writeContent(row.id, text);
      written.push(file);
      return file;
    });
    let changes: [TableName, TableChanges][];
    try {
      changes = TABLES.map((name) => [name, this.tables[name].collect(imageOf)]);
      const meta = JSON.stringify(this.meta);
      const tokens = this.tokens.changes().map(([token, grant]) => [token, grant ?? null]);
      const put = changes.filter(([, c]) => c.put.length).map(([name, c]) => `"${name}":[${c.put.join(',')}]`);
      const del = changes.filter(([, c]) => c.del.length).map(([name, c]) => [name, c.del]);
      const parts = [`"seq":${this.#seq}`];
      if (meta !== this.#savedMeta) parts.push(`"meta":${meta}`);
      if (tokens.length) parts.push(`"tokens":${JSON.stringify(tokens)}`);
      if (put.length) parts.push(`"put":{${put.join(',')}}`);
      if (del.length) parts.push(`"del":${JSON.stringify(Object.fromEntries(del))}`);
      if (parts.length > 1) journal.append(`{${parts.join(',')}}`);
      this.#savedMeta = meta;
    } catch (error) {
      for (const name of TABLES) this.tables[name].undo();
      this.tokens.undo();
      this.meta = JSON.parse(this.#savedMeta) as StoreMeta;
      this.#seq = this.#savedSeq;
      for (const file of written) journal.removeContent(file);
      const reason = describeError(error);
      this.#report(`could not save a change in ${journal.dir}, so it was undone and its request answered 500: ${reason}`);
      if (journal.broken) {
        return new SaveError(
          `The emulator could not save this change in ${journal.dir} (${reason}), nor cut off what it had written of it: it ` +
            'saves nothing more, and after a restart this change may or may not be there',
        );
      }
      return new SaveError(`The emulator could not save this change in ${journal.dir}, so it was not made: ${reason}`);
    }
    for (const [name, tableChanges] of changes) {
      this.tables[name].accept(tableChanges);
      for (const file of tableChanges.obsolete) journal.removeContent(file);
    }
    this.tokens.accept();
    this.#savedSeq = this.#seq;
    if (journal.wantsFold) {
      try {
        journal.fold((generation) => this.#snapshot(generation));
      } catch (error) {
        this.#report(`could not start folding the journal (it keeps everything): ${describeError(error)}`);
      }
    }
    return undefined;
  }

  /** Waits for what is being written, closes the files and unlocks the data directory. Never throws. */
  async close(): Promise<void> {
    await this.#journal?.close();
  }

  #restore(journal: Journal, state: SavedState): void {
    const now = this.clock.now();
    this.#seq = this.#savedSeq = state.seq;
    this.meta = state.meta as StoreMeta;
    this.#savedMeta = JSON.stringify(this.meta);
    for (const [token, grant] of state.tokens) {
      if ((grant as unknown as TokenGrant).expiresAt > now) this.tokens.set(token, grant as unknown as TokenGrant);
    }
    this.tokens.accept();
    const live = new Set<string>();
    // A version 1 state holds its content inline: it moves to content files here.
    const imageOf: Imager = (row, before) => image(row, before, (text) => journal.writeContent(row.id, text));
    for (const name of TABLES) {
      const saved = [...(state.tables.get(name)?.values() ?? [])].sort((a, b) => a.seq - b.seq);
      for (const { id, seq, data, hidden, file } of saved) {
        if (file !== undefined) hidden.content = journal.readContent(file, `${WHAT[name]} ${id}`);
        const row: Row = { id, seq, data, hidden };
        const before = file === undefined ? undefined : { seq, text: '', content: { value: hidden.content as string, file } };
        const after = imageOf(row, before);
        if (after.content) live.add(after.content.file);
        this.tables[name].restore(row, after);
      }
    }
    journal.start((generation) => this.#snapshot(generation), live);
  }

  // The saved state (not what a request may be changing) as a snapshot: records already serialized.
  #snapshot(generation: number): string {
    const now = this.clock.now();
    const tokens = JSON.stringify([...this.tokens].filter(([, grant]) => grant.expiresAt > now));
    const tables = TABLES.map((name) => `"${name}":[${this.tables[name].records().join(',')}]`).join(',');
    return `{"version":${FORMAT_VERSION},"generation":${generation},"seq":${this.#savedSeq},"meta":${this.#savedMeta},"tokens":${tokens},"tables":{${tables}}}`;
  }
}

// The row's JSON with `hidden.content` (document and asset bytes) left out and kept in a file of its
// own, written once: a commit never copies the bytes of unchanged content.
function image(row: Row, before: Image | undefined, writeContent: (text: string) => string): Image {
  const { content, ...rest } = row.hidden;
  if (typeof content !== 'string') return { seq: row.seq, text: JSON.stringify({ data: row.data, hidden: row.hidden }) };
  const file = before?.content?.value === content ? before.content.file : writeContent(content);
  return { seq: row.seq, text: JSON.stringify({ data: row.data, hidden: rest }), content: { value: content, file } };
}
