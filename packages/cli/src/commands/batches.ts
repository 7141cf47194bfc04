/** `las batches ...`: batches of documents. */
import type { Command } from 'commander';
import { defined, nullable } from '../args.js';
import { group, leaf, run, type App } from '../define.js';
import { kinds } from 'las-sdk/api';
import { plain } from '../plain.js';
import { deleteDocuments } from './shared.js';

/** Adds `las batches`. */
export function registerBatches(program: Command, app: App): void {
  const g = group(program, 'batches', 'Batches of documents');

  leaf(g, 'create', 'Create a batch (POST /batches)')
    .option('--name <name>', 'name', nullable)
    .option('--description <text>', 'description', nullable)
    .action(run(app, async (c, _, o) => {
      await c.print(await (await c.las()).batches.create(defined({ name: o.name, description: o.description })));
    }));

  const batches = plain(g, app, kinds.batch);
  batches.list();
  batches.update({ description: 'Update a batch\'s name or description; null clears' });

  batches.delete(deleteDocuments('batchId'));
}
