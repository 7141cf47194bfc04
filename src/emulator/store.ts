import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { notFound } from './http-error.js';
import type { JsonObject } from './json.js';

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
  organizationId?: string;
  /** The app client whose credentials `startEmulator` hands out. */
  defaultAppClientId?: string;
}

const FILE_NAME = 'las-emulator-state.json';
const FORMAT_VERSION = 1;

/** One collection: rows by id, in insertion order. */
export class Table {
  readonly #rows = new Map<string, Row>();

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
    return this.#rows.get(id);
  }

  /** The row stored under `id`; a 404 naming it when there is none. */
  require(id: string): Row {
    const row = this.#rows.get(id);
    if (!row) throw notFound(this.what, id);
    return row;
  }

  /** Stores a new row. */
  insert(id: string, data: JsonObject, hidden: JsonObject = {}): Row {
    const row: Row = { id, seq: this.store.nextSeq(), data, hidden };
    this.#rows.set(id, row);
    this.store.touch();
    return row;
  }

  /** Puts a row back as it was saved (seq kept). */
  restore(row: Row): void {
    this.#rows.set(row.id, row);
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
      this.store.touch();
    }
    return row;
  }

  /** Every row, oldest first. */
  rows(): Row[] {
    return [...this.#rows.values()];
  }

  /** The rows `keep` accepts, oldest first. */
  filter(keep: (row: Row) => boolean): Row[] {
    return this.rows().filter(keep);
  }
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
};

/**
 * All state of one emulator: in memory, and with a data directory also in one JSON file there,
 * rewritten atomically after each change so a restart (or a crash) finds the last answered state.
 */
export class Store {
  readonly tables: Record<TableName, Table>;
  meta: StoreMeta = {};
  readonly tokens = new Map<string, TokenGrant>();
  readonly #file: string | undefined;
  #seq = 0;
  #dirty = false;

  private constructor(dataDir: string | undefined) {
    this.#file = dataDir === undefined ? undefined : path.join(dataDir, FILE_NAME);
    this.tables = Object.fromEntries(TABLES.map((name) => [name, new Table(WHAT[name], this)])) as Record<TableName, Table>;
  }

  /** A store in memory, or loaded from (and saved to) `dataDir` when given. */
  static open(dataDir?: string): Store {
    const store = new Store(dataDir);
    if (dataDir !== undefined) {
      fs.mkdirSync(dataDir, { recursive: true });
      store.#load();
    }
    return store;
  }

  /** Where the state is saved, if anywhere. */
  get file(): string | undefined {
    return this.#file;
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

  /** Saves the state if it changed and a data directory is set: temp file, then rename. */
  commit(): void {
    if (!this.#dirty || this.#file === undefined) return;
    const now = Date.now();
    const snapshot = {
      version: FORMAT_VERSION,
      seq: this.#seq,
      meta: this.meta,
      tokens: [...this.tokens].filter(([, grant]) => grant.expiresAt > now),
      tables: Object.fromEntries(TABLES.map((name) => [name, this.tables[name].rows()])),
    };
    const temp = `${this.#file}.${process.pid}.tmp`;
    // Owner-only: the state holds client secrets and secret values.
    fs.writeFileSync(temp, JSON.stringify(snapshot), { mode: 0o600 });
    fs.renameSync(temp, this.#file);
    this.#dirty = false;
  }

  #load(): void {
    const file = this.#file as string;
    if (!fs.existsSync(file)) return;
    const snapshot = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      version: number;
      seq: number;
      meta: StoreMeta;
      tokens: [string, TokenGrant][];
      tables: Partial<Record<TableName, Row[]>>;
    };
    if (snapshot.version !== FORMAT_VERSION) {
      throw new Error(`${file} was written by another version of the emulator (format ${snapshot.version}); move it away to start afresh`);
    }
    this.#seq = snapshot.seq;
    this.meta = snapshot.meta ?? {};
    for (const [token, grant] of snapshot.tokens ?? []) this.tokens.set(token, grant);
    for (const name of TABLES) {
      const rows = [...(snapshot.tables[name] ?? [])].sort((a, b) => a.seq - b.seq);
      for (const row of rows) this.tables[name].restore(row);
    }
  }
}
