/** `las assets ...`: files transitions use (a manual transition's UI, ...). */
import type { Command } from 'commander';
import { defined, nullable } from '../args.js';
import { group, leaf, run, type App } from '../define.js';
import { kinds } from 'las-sdk/api';
import { plain } from '../plain.js';

/** Adds `las assets`. */
export function registerAssets(program: Command, app: App): void {
  const g = group(program, 'assets', 'Assets: files transitions use');

  leaf(g, 'create <path>', 'Upload a file as an asset (POST /assets)')
    .option('--name <name>', 'name', nullable)
    .option('--description <text>', 'description', nullable)
    .action(run(app, async (c, [path], o) => {
      await c.print(await (await c.las()).assets.create(path, defined({ name: o.name, description: o.description })));
    }));

  const assets = plain(g, app, kinds.asset);
  assets.list();

  assets.get({ description: 'Get an asset with its content', download: true });

  leaf(g, 'update <assetId>', 'Update an asset\'s content, name or description; null clears (PATCH /assets/{assetId})')
    .option('--content <path>', 'file of the new content')
    .option('--name <name>', 'name', nullable)
    .option('--description <text>', 'description', nullable)
    .action(run(app, async (c, [id], o) => {
      await c.print(await (await c.las()).assets.update(id, defined({ content: o.content, name: o.name, description: o.description })));
    }));

  assets.delete();
}
