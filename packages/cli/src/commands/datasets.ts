/** `las datasets ...`: datasets, and the long jobs that fill and fetch them. */
import { Option, type Command } from 'commander';
import { defined, integer, nullable, positive } from '../args.js';
import { group, leaf, run, type App } from '../define.js';
import { kinds } from 'las-sdk/api';
import { plain } from '../plain.js';
import { deleteDocuments } from './shared.js';

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

  const datasets = plain(g, app, kinds.dataset);
  datasets.list();
  datasets.get();
  datasets.update({ description: 'Update a dataset\'s name or description; null clears' });

  datasets.delete(deleteDocuments('datasetId'));

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

  const transformations = plain(g, app, kinds.transformation, kinds.dataset);
  transformations.create({ version: '2024-11-29' });
  transformations.list({ version: '2024-11-29', options: (command) => command.option('--status <statuses...>', 'only these statuses'), fields: (o) => ({ status: o.status }) });
  transformations.delete({ version: '2024-11-29' });
}
