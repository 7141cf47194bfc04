/** `las predictions ...`: models run on documents. */
import type { Command } from 'commander';
import { boolean, defined, integer } from '../args.js';
import { group, leaf, run, type App } from '../define.js';
import { kinds } from 'las-sdk/api';
import { plain } from '../plain.js';

/** Adds `las predictions`. */
export function registerPredictions(program: Command, app: App): void {
  const g = group(program, 'predictions', 'Predictions: a model run on a document');

  leaf(g, 'create <documentId> <modelId>', 'Run a model on a document (POST /predictions)')
    .option('--max-pages <n>', 'pages to read (1-3)', integer)
    .option('--auto-rotate <bool>', 'rotate pages upright first: true | false', boolean)
    .option('--image-quality <quality>', 'LOW | HIGH')
    .action(run(app, async (c, [documentId, modelId], o) => {
      const options = defined({ documentId, modelId, maxPages: o.maxPages, autoRotate: o.autoRotate, imageQuality: o.imageQuality });
      await c.print(await (await c.las()).predictions.create(options as { documentId: string; modelId: string }));
    }));

  const predictions = plain(g, app, kinds.prediction);
  predictions.list();
  predictions.get({ version: '2024-11-29' });
}
