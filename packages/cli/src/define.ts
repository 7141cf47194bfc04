/**
 * Building the command tree: a group per kind of entity, a leaf per operation, every leaf taking
 * the global options, and its handler called with a {@link Context}.
 */
import { Command, Option } from 'commander';
import type { CliIo } from './io.js';
import { Context, type Globals } from './context.js';
import { FORMATS, type Format } from './output.js';
import { seconds } from './args.js';

/** What a handler gets besides the context: the positional arguments (a variadic one as an array) and the options. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- values are typed by the flags declared beside each handler
export type Opts = Record<string, any>;
/** A leaf command's work. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as Opts: positional values are strings or, variadic, string arrays
export type Handler = (c: Context, args: any[], opts: Opts) => Promise<void>;

/** What the tree is built for: the streams of this run, and the context of the command that ran. */
export interface App {
  readonly io: CliIo;
  /** Set when a leaf's handler starts. */
  context?: Context;
}

/**
 * The API versions `--api-version` takes: the SDK's `API_VERSIONS`, written out so that `las --help`
 * does not load the SDK (a test holds them equal).
 */
export const API_VERSIONS = ['2021-09-23', '2024-11-29'] as const;

/** The options of every command, shown in `las --help`, taken by every leaf too (hidden in its help). */
export function addGlobalOptions(command: Command, hidden: boolean, except: readonly string[] = []): Command {
  const options = [
    new Option('-p, --profile <name>', 'section of the credentials file (~/.lucidtech/credentials.cfg)'),
    new Option('-o, --output <format>', 'json | table | ids (default: table for lists on a terminal, else json)').choices(FORMATS),
    new Option('-v, --verbose', 'log requests on stderr: -v info, -vv debug (secrets redacted)').argParser((_: string, previous: number | undefined) => (previous ?? 0) + 1),
    new Option('--api-endpoint <url>', 'API base URL, overriding the credentials\''),
    new Option('--timeout <seconds>', 'seconds per request attempt').argParser(seconds),
    new Option('--api-version <version>', 'API version to speak (default: LAS_API_VERSION, else api_version in the credentials file, else 2021-09-23)').choices(API_VERSIONS),
  ];
  for (const option of options) {
    if (except.includes(option.attributeName())) continue;
    command.addOption(hidden ? option.hideHelp() : option);
  }
  return command;
}

/** A group of commands (`las datasets ...`). */
export function group(program: Command, name: string, description: string): Command {
  return program.command(name).description(description).enablePositionalOptions();
}

/**
 * A leaf command: `spec` is commander's `name <arg> [arg...]`, `description` its help. Options are
 * added by the caller; then {@link App} wires the handler with `.action(run(app, handler))`.
 */
export function leaf(parent: Command, spec: string, description: string, except: readonly string[] = []): Command {
  const command = parent.command(spec).description(description);
  command.addHelpText('after', '\nGlobal options (-p, -o, -v, --api-endpoint, --timeout, --api-version): see las --help');
  return addGlobalOptions(command, true, except);
}

/** Wraps a handler as a commander action: builds the context from the command's and the program's options. */
export function run(app: App, handler: Handler) {
  return async (...params: unknown[]): Promise<void> => {
    const command = params.at(-1) as Command;
    const opts = params.at(-2) as Opts;
    const context = new Context(app.io, globalsOf(command));
    app.context = context;
    await handler(context, params.slice(0, -2), opts);
  };
}

/** A leaf's global options: its own, else those given before the group. */
function globalsOf(command: Command): Globals {
  const own = command.opts();
  let root = command;
  while (root.parent) root = root.parent;
  const top = root.opts();
  const pick = <K extends string>(key: K) => (own[key] ?? top[key]) as unknown;
  return {
    profile: pick('profile') as string | undefined,
    verbose: ((own.verbose as number | undefined) ?? 0) + ((top.verbose as number | undefined) ?? 0),
    output: pick('output') as Format | undefined,
    apiEndpoint: pick('apiEndpoint') as string | undefined,
    apiVersion: pick('apiVersion') as Globals['apiVersion'],
    // A leaf with its own --timeout (workflows wait) takes it for itself: only the one before the group counts here.
    timeout: (command.options.some((o) => o.attributeName() === 'timeout' && !o.hidden) ? top.timeout : pick('timeout')) as number | undefined,
  };
}
