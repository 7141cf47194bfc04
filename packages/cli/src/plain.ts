/**
 * The plain commands of a kind of entity, from the SDK's kinds table (`kinds` of `las-sdk/api`):
 * `list`, `get`, `update`, `delete` (and `create` taking only flags) with their names, arguments,
 * help and flags derived from the kind's path, id field and schemas. A group registers them one by
 * one, in the order its help lists them, and keeps only what is its own.
 */
import type { Command } from 'commander';
import type { Kind, ObjectSchema, Schema } from 'las-sdk/api';
import { boolean, defined, integer, nullable, number } from './args.js';
import type { Context } from './context.js';
import { leaf, run, type App, type Handler, type Opts } from './define.js';
import { UsageError } from './errors.js';
import type { Pages } from './output.js';
import { download, listOptions, pageOptions } from './commands/shared.js';

/** What a plain command may say besides what the table gives. */
export interface PlainOptions {
  /** Its help before `(METHOD /path)`, when the derived one (`Get a model`) is not right. */
  readonly description?: string;
  /** Options of its own (a list's filters), added after the derived ones. */
  readonly options?: (command: Command) => Command;
  /** What its own options send (a list's filters, a delete's options), beside the derived ones. */
  readonly fields?: (o: Opts, c: Context) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** For `get`: `--download PATH` writes the entity's content to PATH and prints it without. */
  readonly download?: boolean;
  /** The API version only this command's call is of, said in its help; for `create` and `update` its body schema gives the flags (default: the seed's, 2021-09-23). */
  readonly version?: '2024-11-29';
}

/** A body field's flag: what its value is called in the help, and the help. Fields not listed read as their name. */
const FIELD_FLAGS: Readonly<Record<string, readonly [value: string, help: string]>> = {
  name: ['name', 'name'],
  description: ['text', 'description'],
  avatar: ['base64', 'avatar image, base64'],
  loginUrls: ['urls', 'allowed login URLs'],
  defaultLoginUrl: ['url', 'default login URL'],
  dataBundleIds: ['ids', 'the data bundles to train on'],
  deploymentEnvironmentId: ['id', 'the deployment environment to run it in (null: none)'],
  errorConfig: ['json', 'what happens on errors'],
  completedConfig: ['json', 'what runs after each execution'],
  operations: ['json', 'the operations [{ "type": ... }]'],
  metadata: ['json', 'your own data about it'],
};

/** A group's plain commands of `kind`, registered one at a time. */
export function plain(group: Command, app: App, kind: Kind, parent?: Kind) {
  const ids = parent ? [parent.idField, kind.idField] : [kind.idField];
  const suffix = (verb: string) => (parent ? `${verb}-${kebab(verb === 'list' ? kind.collection : singular(kind, parent))}` : verb);
  const label = words(singular(kind, parent));
  const plural = words(kind.collection);
  const path = `${kind.path}/{${kind.idField}}`;
  const args = (names: readonly string[]) => names.map((name) => `<${name}>`).join(' ');
  const helpOf = (options: PlainOptions, derived: string, method: string, at: string) =>
    `${options.description ?? derived} (${method} ${at}${options.version ? `; API ${options.version}` : ''})`;
  const collection = async (c: Context, parentId?: string) => {
    const las = (await c.las()) as unknown as Record<string, { ref(id: string): Record<string, unknown> }>;
    return (parent && parentId !== undefined ? las[parent.collection].ref(parentId)[kind.collection] : las[kind.collection]) as PlainCollection;
  };
  const split = (values: string[]) => (parent ? { parentId: values[0], id: values[1] } : { parentId: undefined, id: values[0] });
  const added = (command: Command, options: PlainOptions) => (options.options ? options.options(command) : command);
  // A command of one version only says so before its arguments are checked against the other's id forms.
  const checked = (command: Command, options: PlainOptions, handler: Handler) =>
    command.action(run(app, async (c, values, o) => {
      if (options.version) await requireVersion(c, `${group.name()} ${command.name()}`, options.version);
      await handler(c, values, o);
    }));

  return {
    /** `create` (or `create-<kind>` under a parent), its flags from the create schema. */
    create(options: PlainOptions = {}): Command {
      const schema = bodySchema(kind.create, options);
      const command = leaf(group, [suffix('create'), ...(parent ? [`<${parent.idField}>`] : [])].join(' '), helpOf(options, `Create ${article(label)}`, 'POST', kind.path));
      return checked(added(bodyFlags(command, schema), options), options, async (c, values: string[], o) => {
        const body = { ...(await bodyOf(c, schema, o)), ...(await options.fields?.(o, c)) };
        await c.print(await (await collection(c, values[0])).create(body));
      });
    },
    /** `list`, with `--max-results`, `--next-token` and `--all`. */
    list(options: PlainOptions = {}): Command {
      const derived = parent ? `List ${article(words(parent.name))}'s ${plural}` : `List ${plural}`;
      const command = listOptions(leaf(group, [suffix('list'), ...(parent ? [`<${parent.idField}>`] : [])].join(' '), helpOf(options, derived, 'GET', kind.path)));
      return checked(added(command, options), options, async (c, values: string[], o) => {
        const query = defined({ ...(await options.fields?.(o, c)), ...pageOptions(o) });
        await c.list((kind.list as { key: string }).key, (await collection(c, values[0])).list(query), o);
      });
    },
    /** `get`. */
    get(options: PlainOptions = {}): Command {
      const command = leaf(group, `${suffix('get')} ${args(ids)}`, helpOf(options, `Get ${article(label)}`, 'GET', path));
      if (options.download) command.option('--download <path>', `write the content to PATH (and print the ${label} without it)`);
      return checked(added(command, options), options, async (c, values: string[], o) => {
        const { parentId, id } = split(values);
        const entity = (await (await collection(c, parentId)).get(id)) as { content?: string };
        if (options.download) await download(entity, o.download as string | undefined);
        await c.print(entity);
      });
    },
    /** `update`, its flags from the update schema. */
    update(options: PlainOptions = {}): Command {
      const schema = bodySchema(kind.update, options);
      const command = leaf(group, `${suffix('update')} ${args(ids)}`, helpOf(options, `Update ${article(label)}`, 'PATCH', path));
      return checked(added(bodyFlags(command, schema), options), options, async (c, values: string[], o) => {
        const { parentId, id } = split(values);
        const body = { ...(await bodyOf(c, schema, o)), ...(await options.fields?.(o, c)) };
        await c.print(await (await collection(c, parentId)).update(id, body));
      });
    },
    /** `delete`. */
    delete(options: PlainOptions = {}): Command {
      const command = leaf(group, `${suffix('delete')} ${args(ids)}`, helpOf(options, `Delete ${article(label)}`, 'DELETE', path));
      return checked(added(command, options), options, async (c, values: string[], o) => {
        const { parentId, id } = split(values);
        const fields = await options.fields?.(o, c);
        await c.print(await (fields ? (await collection(c, parentId)).delete(id, fields) : (await collection(c, parentId)).delete(id)));
      });
    },
  };
}

/** Refuses, as a usage error, to run `command` of `version` on a client of the other version. */
async function requireVersion(c: Context, command: string, version: string): Promise<void> {
  const speaks = (await c.las()).apiVersion;
  if (speaks !== version) {
    throw new UsageError(`${command} is a command of API version ${version}, not of ${speaks}: choose it with --api-version ${version}, LAS_API_VERSION or api_version in the credentials file`);
  }
}

/** What the SDK's collections have in common, as the plain commands call them. */
interface PlainCollection {
  create(body: Record<string, unknown>): Promise<unknown>;
  list(query: Record<string, unknown>): Pages<{ readonly id?: string }>;
  get(id: string): Promise<unknown>;
  update(id: string, body: Record<string, unknown>): Promise<unknown>;
  delete(id: string, options?: Record<string, unknown>): Promise<unknown>;
}

function bodySchema(schema: ObjectSchema | undefined, options: PlainOptions): ObjectSchema {
  if (!schema) throw new Error('the kinds table gives this kind no such body');
  return (options.version && schema.variants?.[options.version]) || schema;
}

/** How a field's value is read from the command line. */
type Reader = 'text' | 'nullable' | 'integer' | 'number' | 'boolean' | 'list' | 'json' | 'object';

function readerOf(schema: Schema): Reader {
  if (schema.kind === 'optional') return readerOf(schema.inner);
  if (schema.kind === 'nullable') {
    const inner = readerOf(schema.inner);
    return inner === 'text' ? 'nullable' : inner;
  }
  if (schema.kind === 'string' || schema.kind === 'custom') return 'text';
  if (schema.kind === 'number') return schema.integer ? 'integer' : 'number';
  if (schema.kind === 'boolean') return 'boolean';
  if (schema.kind === 'array' && readerOf(schema.items) === 'text') return 'list';
  if (schema.kind === 'object' || schema.kind === 'record') return 'object';
  return 'json';
}

const PARSERS: Partial<Record<Reader, (value: string) => unknown>> = { nullable, integer, number, boolean };

/** A flag per field of `schema`: `--login-urls <urls...>`, parsed as the field's type asks. */
function bodyFlags(command: Command, schema: ObjectSchema): Command {
  for (const [field, fieldSchema] of Object.entries(schema.properties)) {
    const reader = readerOf(fieldSchema);
    const json = reader === 'json' || reader === 'object';
    const [value, help] = FIELD_FLAGS[field] ?? [json ? 'json' : reader === 'boolean' ? 'bool' : kebab(field), words(field)];
    const spec = `--${kebab(field)} <${value}${reader === 'list' ? '...' : ''}>`;
    const fullHelp = json ? `${help}, as JSON, a .json file, or - for stdin` : reader === 'boolean' ? `${help}: true | false` : help;
    const parser = PARSERS[reader];
    if (parser) command.option(spec, fullHelp, parser);
    else command.option(spec, fullHelp);
  }
  return command;
}

/** The body the flags of {@link bodyFlags} give: the fields given, JSON ones read. */
async function bodyOf(c: Context, schema: ObjectSchema, o: Opts): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = {};
  for (const [field, fieldSchema] of Object.entries(schema.properties)) {
    const reader = readerOf(fieldSchema);
    const flag = `--${kebab(field)}`;
    body[field] = reader === 'object' ? await c.object(o[field] as string | undefined, flag) : reader === 'json' ? await c.json(o[field] as string | undefined, flag) : o[field];
  }
  return defined(body);
}

/** The kind's name as people read it under `parent`: `execution` for a workflow's executions. */
function singular(kind: Kind, parent: Kind | undefined): string {
  const name = parent && kind.name.startsWith(parent.name) ? kind.name.slice(parent.name.length) : kind.name;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function words(camel: string): string {
  return camel.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`);
}

function kebab(camel: string): string {
  return words(camel).replaceAll(' ', '-');
}

function article(noun: string): string {
  return `${/^[aeio]/.test(noun) ? 'an' : 'a'} ${noun}`;
}
