/**
 * Printing results as `--output` says: `json` (the API's data, `JSON.stringify(x, null, 2)`),
 * `table`, or `ids` (one id a line). A list prints `{ "<items key>": [...], "nextToken": ... }`;
 * with `--all` it walks every page and prints each item as it arrives (json and ids).
 */
import type { OutStream } from './io.js';

/** The `--output` formats. */
export const FORMATS = ['json', 'table', 'ids'] as const;
/** One of {@link FORMATS}. */
export type Format = (typeof FORMATS)[number];

/** Anything with an id, as every entity has. */
interface WithId {
  readonly id?: string;
}

/** What a list command hands to {@link printList}: the SDK's PagePromise. */
export interface Pages<T> extends PromiseLike<{ items: T[]; nextToken: string | undefined }>, AsyncIterable<T> {}

const CELL_WIDTH = 40;
/** A shrunk column keeps at least this many characters. */
const MIN_CELL_WIDTH = 8;
// No rule between rows: a list reads as lines.
const ROWS_WITHOUT_RULES = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/** Prints one entity (or any JSON value). */
export async function printOne(out: OutStream, format: Format, value: unknown): Promise<void> {
  if (format === 'ids') {
    const id = (value as WithId | undefined)?.id;
    if (id !== undefined) out.write(`${id}\n`);
    return;
  }
  if (format === 'table' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const rows = Object.entries(toPlain(value) as Record<string, unknown>).map(([key, cell]) => [key, show(cell, 100)]);
    out.write(`${await render(undefined, rows)}\n`);
    return;
  }
  out.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Prints a list page, or with `all` every item of every page, under the API's `key`. */
export async function printList<T extends WithId>(out: OutStream, format: Format, key: string, pages: Pages<T>, all: boolean): Promise<void> {
  if (!all) {
    const page = await pages;
    await printPage(out, format, key, page.items, page.nextToken);
    return;
  }
  await printAll(out, format, key, pages);
}

/** Prints every item of `items` (the pages of a list, walked) under the API's `key`, each as it arrives (json and ids). */
export async function printAll(out: OutStream, format: Format, key: string, items: AsyncIterable<WithId>): Promise<void> {
  if (format === 'table') {
    // A table's columns fit every row: it waits for the last page.
    const all: WithId[] = [];
    for await (const item of items) all.push(item);
    out.write(`${await table(all, out.columns)}\n`);
    return;
  }
  if (format === 'ids') {
    for await (const item of items) out.write(`${item.id}\n`);
    return;
  }
  // The same text as JSON.stringify({ [key]: items, nextToken: null }, null, 2), an item at a time.
  out.write(`{\n  ${JSON.stringify(key)}: [`);
  let first = true;
  for await (const item of items) {
    out.write(`${first ? '\n' : ',\n'}${indent(JSON.stringify(item, null, 2), '    ')}`);
    first = false;
  }
  out.write(`${first ? ']' : '\n  ]'},\n  "nextToken": null\n}\n`);
}

/** Prints one page of items under the API's `key`. */
export async function printPage(out: OutStream, format: Format, key: string, items: readonly WithId[], nextToken: string | undefined): Promise<void> {
  if (format === 'ids') for (const item of items) out.write(`${item.id}\n`);
  else if (format === 'table') out.write(`${await table(items, out.columns)}\n${nextToken ? `nextToken: ${nextToken}\n` : ''}`);
  else out.write(`${JSON.stringify({ [key]: items, nextToken: nextToken ?? null }, null, 2)}\n`);
}

/**
 * A table of `items`: a column per key whose values are not objects, in the order keys appear,
 * within `width` characters. Ids and names are never cut: they take the width they need; the
 * other columns shrink first (their cells cut with "…"), and those that still do not fit are left
 * out from the right.
 */
export async function table(items: readonly object[], width = 160): Promise<string> {
  const plain = items.map((item) => toPlain(item) as Record<string, unknown>);
  const columns: string[] = [];
  for (const item of plain) {
    for (const [key, value] of Object.entries(item)) {
      if (!columns.includes(key) && (value === null || typeof value !== 'object')) columns.push(key);
    }
  }
  if (plain.length === 0) return '(none)';
  const texts = plain.map((item) => columns.map((key) => text(item[key])));
  const whole = columns.map((key, i) => i === 0 || isKept(key, texts.map((row) => row[i])));
  // What each column needs: kept ones all of it, the others at most CELL_WIDTH.
  const widths = columns.map((key, i) => {
    const widest = Math.max(key.length, ...texts.map((row) => row[i].length));
    return whole[i] ? widest : Math.min(widest, CELL_WIDTH);
  });
  // A border and two spaces of padding per column, and the closing border.
  const total = () => widths.reduce((sum, w) => sum + w + 3, 1);
  const shrinkable = columns.map((_, i) => i).filter((i) => !whole[i]);
  let over = total() - width;
  for (const i of shrinkable) {
    if (over <= 0) break;
    const cut = Math.min(over, widths[i] - Math.min(widths[i], Math.max(columns[i].length, MIN_CELL_WIDTH)));
    widths[i] -= cut;
    over -= cut;
  }
  // Still too wide: leave out shrinkable columns, the last first.
  const shown = columns.map(() => true);
  for (const i of [...shrinkable].reverse()) {
    if (over <= 0) break;
    shown[i] = false;
    over -= widths[i] + 3;
  }
  const keep = columns.map((_, i) => i).filter((i) => shown[i]);
  return render(
    keep.map((i) => columns[i]),
    texts.map((row) => keep.map((i) => cut(row[i], widths[i]))),
  );
}

/**
 * Columns never cut: ids (`id`, `documentId`, ..., and any column of ids such as `createdBy`), names
 * and paths, what a reader looks up or copies.
 */
function isKept(key: string, cells: readonly string[]): boolean {
  if (key === 'id' || key.endsWith('Id') || key === 'name' || key === 'path') return true;
  const filled = cells.filter((cell) => cell !== '' && cell !== 'null');
  return filled.length > 0 && filled.every((cell) => LAS_ID.test(cell));
}

const LAS_ID = /^las:[a-z-]+:\S+$/;

async function render(head: string[] | undefined, rows: string[][]): Promise<string> {
  const { default: Table } = await import('cli-table3');
  // No colours: the output may be a file, and a table is read, not styled.
  const t = new Table({ ...(head && { head }), style: { head: [], border: [] }, chars: ROWS_WITHOUT_RULES });
  t.push(...rows);
  return t.toString();
}

function toPlain(value: object): unknown {
  return JSON.parse(JSON.stringify(value));
}

function show(value: unknown, width: number): string {
  return cut(text(value), width);
}

function text(value: unknown): string {
  return value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
}

function cut(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

function indent(text: string, by: string): string {
  return text.replace(/^/gm, by);
}
