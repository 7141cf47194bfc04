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
 * as many as fit in `width` characters.
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
  const cells = plain.map((item) => columns.map((key) => show(item[key], CELL_WIDTH)));
  // Each column takes its widest cell plus a border and padding; the first always shows.
  let used = 1;
  let fit = 0;
  while (fit < columns.length) {
    const columnWidth = Math.max(columns[fit].length, ...cells.map((row) => row[fit].length)) + 3;
    if (fit > 0 && used + columnWidth > width) break;
    used += columnWidth;
    fit++;
  }
  return render(columns.slice(0, fit), cells.map((row) => row.slice(0, fit)));
}

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
  const text = value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

function indent(text: string, by: string): string {
  return text.replace(/^/gm, by);
}
