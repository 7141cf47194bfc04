/** `las documents ...`: pdfs and images, with their ground truth. */
import type { Command } from 'commander';
import { defined, groundTruthFields, integer } from '../args.js';
import type { Context } from '../context.js';
import { group, leaf, run, type App, type Opts } from '../define.js';
import { UsageError } from '../errors.js';
import { kinds } from 'las-sdk/api';
import { plain } from '../plain.js';
import { pageOptions } from './shared.js';

/** Adds `las documents`. */
export function registerDocuments(program: Command, app: App): void {
  const g = group(program, 'documents', 'Documents: pdfs and images, with ground truth');

  groundTruthOptions(leaf(g, 'create <path>', 'Upload a document (POST /documents); its type is detected unless --content-type says'))
    .option('--content-type <type>', 'application/pdf | image/jpeg | image/png | image/tiff')
    .option('--consent-id <id>', 'consent id')
    .option('--batch-id <id>', 'batch to put it in')
    .option('--dataset-id <id>', 'dataset to put it in')
    .option('--retention-in-days <days>', 'days it is kept', integer)
    .action(run(app, async (c, [path], o) => {
      const options = defined({
        contentType: o.contentType,
        consentId: o.consentId,
        batchId: o.batchId,
        datasetId: o.datasetId,
        retentionInDays: o.retentionInDays,
        groundTruth: await groundTruth(c, o),
      });
      await c.print(await (await c.las()).documents.create(path, options));
    }));

  const documents = plain(g, app, kinds.document);
  documents.list({ description: 'List documents, optionally of some batches, consents or datasets', options: filterOptions, fields: filters });

  documents.get({ description: 'Get a document with its content', download: true });

  groundTruthOptions(leaf(g, 'update <documentId>', 'Update a document\'s ground truth, dataset or retention (PATCH /documents/{documentId})'))
    .option('--dataset-id <id>', 'move it to this dataset')
    .option('--retention-in-days <days>', 'days it is kept', integer)
    .action(run(app, async (c, [id], o) => {
      const options = defined({ datasetId: o.datasetId, retentionInDays: o.retentionInDays, groundTruth: await groundTruth(c, o) });
      await c.print(await (await c.las()).documents.update(id, options));
    }));

  documents.delete();

  filterOptions(leaf(g, 'delete-all', 'Delete every document matching the filters, page after page (DELETE /documents); with --max-results, one page'))
    .option('-m, --max-results <n>', 'delete one page of this many, and print its nextToken', integer)
    .option('-n, --next-token <token>', 'the page to start at')
    .action(run(app, async (c, _, o) => {
      const las = await c.las();
      const deleted = await las.documents.deleteMany({ ...filters(o), ...pageOptions(o), deleteAll: o.maxResults === undefined });
      await c.page('documents', deleted.documents, deleted.nextToken);
    }));
}

function groundTruthOptions(command: Command): Command {
  return command
    .option('--ground-truth-fields <label=value...>', 'ground truth as label=value pairs (null clears a value)')
    .option('--ground-truth <json>', 'ground truth as JSON [{ "label", "value" }], a .json file, or - for stdin');
}

async function groundTruth(c: Context, o: Opts): Promise<{ label: string; value: string | boolean | null }[] | undefined> {
  if (o.groundTruthFields && o.groundTruth) throw new UsageError('give --ground-truth-fields or --ground-truth, not both');
  if (o.groundTruthFields) return groundTruthFields(o.groundTruthFields as string[]);
  const json = await c.json(o.groundTruth as string | undefined, '--ground-truth');
  if (json !== undefined && !Array.isArray(json)) throw new UsageError('--ground-truth: expected a JSON list of { "label", "value" }');
  return json as { label: string; value: string | boolean | null }[] | undefined;
}

function filterOptions(command: Command): Command {
  return command
    .option('--batch-id <ids...>', 'of these batches')
    .option('--consent-id <ids...>', 'of these consents')
    .option('--dataset-id <ids...>', 'of these datasets');
}

function filters(o: Opts): { batchId?: string[]; consentId?: string[]; datasetId?: string[] } {
  return defined({ batchId: o.batchId as string[] | undefined, consentId: o.consentId as string[] | undefined, datasetId: o.datasetId as string[] | undefined });
}

