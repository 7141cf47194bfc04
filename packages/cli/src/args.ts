/**
 * Reading argument values: numbers, `null` that clears a field, JSON given inline, as a `.json`
 * file or `-` for stdin, and `KEY=VALUE` lists. Malformed values are {@link UsageError}s (exit 2)
 * naming the flag.
 */
import { readFile } from 'node:fs/promises';
import { InvalidArgumentError } from 'commander';
import { UsageError } from './errors.js';
import { readAll } from './io.js';

/** commander parser: a whole number (bounds are the SDK's to check). */
export function integer(value: string): number {
  if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number.');
  return Number(value);
}

/** commander parser: a finite number (bounds are the SDK's to check). */
export function number(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError('expected a number.');
  return n;
}

/** commander parser: a whole number >= 1 (a concurrency). */
export function positive(value: string): number {
  const n = integer(value);
  if (n < 1) throw new InvalidArgumentError('expected a whole number >= 1.');
  return n;
}

/** commander parser: a number of seconds (> 0). */
export function seconds(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number of seconds > 0.');
  return n;
}

/**
 * Stands for a literal `null` argument until {@link defined} makes it null: commander turns a
 * parser's null into an empty string.
 */
export const CLEAR = Symbol('null');

/** commander parser: text, where the literal `null` clears the field (see {@link CLEAR}). */
export function nullable(value: string): string | typeof CLEAR {
  return value === 'null' ? CLEAR : value;
}

/** commander parser: `true` or `false`. */
export function boolean(value: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new InvalidArgumentError('expected true or false.');
}

/**
 * A JSON argument: inline JSON, a path to a JSON file, or `-` for stdin. A value that parses as
 * JSON is JSON; otherwise it names a file.
 */
export async function readJson(value: string, flag: string, stdin: NodeJS.ReadableStream): Promise<unknown> {
  if (value === '-') return parse(await readAll(stdin), flag, 'stdin');
  const inline = tryParse(value);
  if (inline.ok) return inline.value;
  let text: string;
  try {
    text = await readFile(value, 'utf8');
  } catch (error) {
    // Text that starts like JSON was meant as JSON: say what is wrong with it, not that no such file exists.
    if (/^\s*[[{"]/.test(value)) throw new UsageError(`${flag}: the inline value is not valid JSON (${inline.error})`);
    const code = (error as { code?: string }).code;
    throw new UsageError(`${flag}: cannot read file ${JSON.stringify(value)}${code ? ` (${code})` : ''}; give inline JSON, a .json file or - for stdin`);
  }
  return parse(text, flag, value);
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

function parse(text: string, flag: string, source: string): unknown {
  const parsed = tryParse(text);
  if (!parsed.ok) throw new UsageError(`${flag}: ${source} is not valid JSON (${parsed.error})`);
  return parsed.value;
}

/** {@link readJson} for arguments that must be a JSON object. */
export async function readJsonObject(value: string, flag: string, stdin: NodeJS.ReadableStream): Promise<Record<string, unknown>> {
  const json = await readJson(value, flag, stdin);
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new UsageError(`${flag}: expected a JSON object`);
  return json as Record<string, unknown>;
}

/** `KEY=VALUE` pairs as an object; the value `null` becomes null when `allowNull`. */
export function keyValues(pairs: readonly string[], flag: string, allowNull = false): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`${flag}: expected KEY=VALUE, got ${JSON.stringify(pair)}`);
    const value = pair.slice(at + 1);
    out[pair.slice(0, at)] = allowNull && value === 'null' ? null : value;
  }
  return out;
}

/** `label=value` pairs as a document's ground truth (`null` clears a value). */
export function groundTruthFields(pairs: readonly string[]): { label: string; value: string | null }[] {
  return Object.entries(keyValues(pairs, '--ground-truth-fields', true)).map(([label, value]) => ({ label, value }));
}

/** `options` without its undefined values (the SDK sends what is there), {@link CLEAR} as null. */
export function defined<T extends Record<string, unknown>>(options: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(options)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, value === CLEAR ? null : value]),
  ) as Partial<T>;
}
