/** `las secrets ...`: values transitions read, never shown again once stored. */
import type { Command } from 'commander';
import { defined, keyValues, nullable } from '../args.js';
import { group, leaf, run, type App } from '../define.js';
import { kinds } from 'las-sdk/api';
import { plain } from '../plain.js';

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

  const secrets = plain(g, app, kinds.secret);
  secrets.list({ description: 'List secrets, without their values' });

  leaf(g, 'update <secretId>', 'Replace a secret\'s values, name or description; null clears (PATCH /secrets/{secretId})')
    .option('--data <key=value...>', 'the new secret values')
    .option('--name <name>', 'name', nullable)
    .option('--description <text>', 'description', nullable)
    .action(run(app, async (c, [id], o) => {
      const data = o.data ? (keyValues(o.data as string[], '--data') as Record<string, string>) : undefined;
      await c.print(await (await c.las()).secrets.update(id, defined({ data, name: o.name, description: o.description })));
    }));

  secrets.delete();
}
