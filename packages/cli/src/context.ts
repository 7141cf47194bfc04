/**
 * What a command runs with: the global options, the streams, and the one place the CLI builds its
 * SDK client (loaded only when a command needs it, so `las --version` and `--help` stay fast).
 */
import type { Las } from 'las-sdk';
import { readJson, readJsonObject } from './args.js';
import type { CliIo } from './io.js';
import { printAll, printList, printOne, printPage, type Format, type Pages } from './output.js';

/** The options every command takes (docs/cli.md "Conventions"). */
export interface Globals {
  /** Section of the credentials file. */
  profile?: string;
  /** 0 quiet (warnings), 1 `-v` info, 2 `-vv` debug. */
  verbose: number;
  /** `--output`; undefined picks the default for what is printed and where. */
  output?: Format;
  /** Overrides the credentials' API endpoint. */
  apiEndpoint?: string;
  /** Seconds per request attempt. */
  timeout?: number;
  /** `--api-version`; undefined leaves the choice to the SDK (LAS_API_VERSION, the credentials file, the seed's). */
  apiVersion?: '2021-09-23' | '2024-11-29';
}

/**
 * Builds the SDK client the global options describe, credentials resolved from `env`. The SDK is
 * imported here, at the first command that calls the API.
 */
export async function createLas(globals: Globals, env: CliIo['env']): Promise<Las> {
  const level = globals.verbose >= 2 ? 'debug' : globals.verbose === 1 ? 'info' : undefined;
  const { Las: LasClient, resolveCredentials } = await import('las-sdk');
  return new LasClient({
    credentials: resolveCredentials({ env: env as NodeJS.ProcessEnv, ...(globals.profile !== undefined && { profile: globals.profile }) }),
    ...(globals.apiEndpoint !== undefined && { apiEndpoint: globals.apiEndpoint }),
    ...(globals.apiVersion !== undefined && { apiVersion: globals.apiVersion }),
    ...(globals.timeout !== undefined && { timeout: Math.round(globals.timeout * 1000) }),
    ...(level && { logLevel: level, logger: { debug: console.error, info: console.error, warn: console.warn, error: console.error } }), // stdout holds the output
  });
}

/** One command's run: its globals, its streams, and helpers every command uses. */
export class Context {
  #las: Promise<Las> | undefined;

  constructor(
    readonly io: CliIo,
    readonly globals: Globals,
  ) {}

  /** The SDK client (built once per run). */
  async las(): Promise<Las> {
    this.#las ??= createLas(this.globals, this.io.env);
    return this.#las;
  }

  /** Aborted on Ctrl+C or SIGTERM. */
  get signal(): AbortSignal | undefined {
    return this.io.signal;
  }

  /** Whether stdout is a terminal. */
  get interactive(): boolean {
    return this.io.stdout.isTTY === true;
  }

  /** Prints an entity (or any JSON value): json unless `--output` says otherwise. */
  async print(value: unknown): Promise<void> {
    await printOne(this.io.stdout, this.globals.output ?? 'json', value);
  }

  /** Prints a list under the API's `key`: a table on a terminal, json otherwise, unless `--output` says. */
  async list<T extends { readonly id?: string }>(key: string, pages: Pages<T>, options: { all?: boolean }): Promise<void> {
    await printList(this.io.stdout, this.#listFormat(), key, pages, options.all === true);
  }

  /** Prints every item of `items` under the API's `key`, as `list` with `--all` does. */
  async listAll(key: string, items: AsyncIterable<{ readonly id?: string }>): Promise<void> {
    await printAll(this.io.stdout, this.#listFormat(), key, items);
  }

  /** Prints items that are one page of a list (what a bulk delete returned), as {@link list} would. */
  async page(key: string, items: readonly { readonly id?: string }[], nextToken: string | undefined): Promise<void> {
    await printPage(this.io.stdout, this.#listFormat(), key, items, nextToken);
  }

  #listFormat(): Format {
    return this.globals.output ?? (this.interactive ? 'table' : 'json');
  }

  /** A JSON argument (inline, a .json file, or `-` for stdin); undefined stays undefined. */
  async json(value: string | undefined, flag: string): Promise<unknown> {
    return value === undefined ? undefined : readJson(value, flag, this.io.stdin);
  }

  /** A JSON argument that must be an object. */
  async object(value: string | undefined, flag: string): Promise<Record<string, unknown> | undefined> {
    return value === undefined ? undefined : readJsonObject(value, flag, this.io.stdin);
  }

  /** A line on stderr, for people (progress, summaries). */
  note(line: string): void {
    this.io.stderr.write(`${line}\n`);
  }
}
