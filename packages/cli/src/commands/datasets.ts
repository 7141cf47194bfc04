/** `las datasets ...`: datasets, and the long jobs that fill and fetch them. */
import { Option, type Command } from 'commander';
import { defined, integer, nullable, positive } from '../args.js';
import { group, leaf, run, type App } from '../define.js';
import { listOptions, pageOptions } from './shared.js';

/** Adds `las datasets`. */
export function registerDatasets(program: Command, app: App): void {
  const g = group(program, 'datasets', 'Datasets of documents to train models on');

  leaf(g, 'create', 'Create a dataset (POST /datasets)')
    .option('--name <name>', 'name', nullable)
    .option('--description <text>', 'description', nullable)
    .option('--retention-in-days <days>', 'days documents are kept', integer)
    .action(run(app, async (c, _, o) => {
      const las = await c.las();
      await c.print(await las.datasets.create(defined({ name: o.name, description: o.description, retentionInDays: o.retentionInDays })));
    }));

  listOptions(leaf(g, 'list', 'List datasets (GET /datasets)')).action(run(app, async (c, _, o) => {
    const las = await c.las();
    await c.list('datasets', las.datasets.list(pageOptions(o)), o);
  }));

  leaf(g, 'get <datasetId>', 'Get a dataset (GET /datasets/{datasetId})').action(run(app, async (c, [id]) => {
    await c.print(await (await c.las()).datasets.get(id));
  }));

  leaf(g, 'update <datasetId>', 'Update a dataset\'s name or description; null clears (PATCH /datasets/{datasetId})')
    .option('--name <name>', 'name', nullable)
    .option('--description <text>', 'description', nullable)
    .action(run(app, async (c, [id], o) => {
      await c.print(await (await c.las()).datasets.update(id, defined({ name: o.name, description: o.description })));
    }));

  leaf(g, 'delete <datasetId>', 'Delete a dataset (DELETE /datasets/{datasetId})')
    .option('--delete-documents', 'delete its documents first (DELETE /documents?datasetId=...)')
    .action(run(app, async (c, [id], o) => {
      await c.print(await (await c.las()).datasets.delete(id, { deleteDocuments: o.deleteDocuments === true }));
    }));

  leaf(g, 'create-documents <datasetId> <paths...>', 'Upload files and folders into a dataset, with progress; ground truth from <name>.json beside each file')
    .addOption(new Option('--concurrency <n>', 'documents uploaded at once').argParser(positive).default(8))
    .option('--no-resume', 'upload again what an earlier run uploaded (default: skip it, by content hash)')
    .option('--ground-truth-ext <ext>', 'extension of the ground truth files beside the documents', '.json')
    .action(run(app, async (c, [id, paths], o) => {
      const { createDocuments } = await import('../jobs/create-documents.js');
      await createDocuments(c, id, paths, { concurrency: o.concurrency, resume: o.resume, groundTruthExt: o.groundTruthExt });
    }));

  leaf(g, 'get-documents <datasetId> <dir>', 'Download a dataset\'s documents into DIR (<id>.<ext> and <id>.json), with progress; a re-run skips what is there')
    .addOption(new Option('--concurrency <n>', 'documents downloaded at once').argParser(positive).default(8))
    .action(run(app, async (c, [id, dir], o) => {
      const { getDocuments } = await import('../jobs/get-documents.js');
      await getDocuments(c, id, dir, { concurrency: o.concurrency });
    }));
}
