/** `las secrets ...`: values transitions read, never shown again once stored. */
import type { Command } from 'commander';
import { defined, keyValues, nullable } from '../args.js';
import { group, leaf, run, type App } from '../define.js';
import { listOptions, pageOptions } from './shared.js';

/** Adds `las secrets`. */
export function registerSecrets(program: Command, app: App): void {
  const g = group(program, 'secrets', 'Secrets: values transitions read (write-only)');

  leaf(g, 'create', 'Store a secret (POST /secrets)')
    .requiredOption('--data <key=value...>', 'the secret values')
    .option('--name <name>', 'name', nullable)
    .option('--description <text>', 'description', nullable)
    .action(run(app, async (c, _, o) => {
      const data = keyValues(o.data as string[], '--data') as Record<string, string>;
      await c.print(await (await c.las()).secrets.create(data, defined({ name: o.name, description: o.description })));
    }));

  listOptions(leaf(g, 'list', 'List secrets, without their values (GET /secrets)')).action(run(app, async (c, _, o) => {
    await c.list('secrets', (await c.las()).secrets.list(pageOptions(o)), o);
  }));

  leaf(g, 'update <secretId>', 'Replace a secret\'s values, name or description; null clears (PATCH /secrets/{secretId})')
    .option('--data <key=value...>', 'the new secret values')
    .option('--name <name>', 'name', nullable)
    .option('--description <text>', 'description', nullable)
    .action(run(app, async (c, [id], o) => {
      const data = o.data ? (keyValues(o.data as string[], '--data') as Record<string, string>) : undefined;
      await c.print(await (await c.las()).secrets.update(id, defined({ data, name: o.name, description: o.description })));
    }));

  leaf(g, 'delete <secretId>', 'Delete a secret (DELETE /secrets/{secretId})').action(run(app, async (c, [id]) => {
    await c.print(await (await c.las()).secrets.delete(id));
  }));
}
