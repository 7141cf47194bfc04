/** `las models ...`: models and their data bundles. */
import type { Command } from 'commander';
import { defined, integer, nullable } from '../args.js';
import type { Context } from '../context.js';
import type { CreateModelOptions } from 'las-sdk';
import { group, leaf, run, type App, type Opts } from '../define.js';
import { kinds } from 'las-sdk/api';
import { plain } from '../plain.js';

/** Adds `las models`. */
export function registerModels(program: Command, app: App): void {
  const g = group(program, 'models', 'Models, and the data bundles they train on');

  modelOptions(leaf(g, 'create', 'Create a model (POST /models)'))
    .action(run(app, async (c, _, o) => {
      const options = await modelFields(c, o);
      await c.print(await (await c.las()).models.create(options as unknown as CreateModelOptions));
    }));

  const models = plain(g, app, kinds.model);
  models.list();
  models.get();

  modelOptions(leaf(g, 'update <modelId>', 'Update a model; null clears name or description (PATCH /models/{modelId})'))
    .option('--status <status>', 'training | inactive | active (as the API allows)')
    .action(run(app, async (c, [id], o) => {
      const options = { ...(await modelFields(c, o)), ...defined({ status: o.status }) };
      await c.print(await (await c.las()).models.update(id, options));
    }));

  models.delete();

  leaf(g, 'create-data-bundle <modelId>', 'Bundle datasets for training a model (POST /models/{modelId}/dataBundles)')
    .option('--dataset-ids <ids...>', 'the datasets to bundle')
    .option('--name <name>', 'name', nullable)
    .option('--description <text>', 'description', nullable)
    .action(run(app, async (c, [id], o) => {
      const bundles = (await c.las()).models.ref(id).dataBundles;
      await c.print(await bundles.create(defined({ datasetIds: o.datasetIds, name: o.name, description: o.description })));
    }));

  const bundles = plain(g, app, kinds.dataBundle, kinds.model);
  bundles.list();
  bundles.get({ version: '2024-11-29' });
  bundles.update({ description: 'Update a data bundle\'s name or description; null clears' });
  bundles.delete();

  leaf(g, 'list-all-data-bundles', 'List the data bundles of every model (GET /models, then GET /models/{modelId}/dataBundles each)').action(
    run(app, async (c) => {
      const las = await c.las();
      async function* everyBundle() {
        for await (const model of las.models.list()) yield* model.dataBundles.list();
      }
      await c.listAll('dataBundles', everyBundle());
    }),
  );

  const trainings = plain(g, app, kinds.training, kinds.model);
  trainings.create({ version: '2024-11-29' });
  trainings.list({ version: '2024-11-29' });
  trainings.get({ version: '2024-11-29' });
  trainings.update({ version: '2024-11-29' });
}

function modelOptions(command: Command): Command {
  return command
    .option('--width <pixels>', 'width documents are scaled to', integer)
    .option('--height <pixels>', 'height documents are scaled to', integer)
    .option('--field-config <json>', 'the fields to read, as JSON, a .json file, or - for stdin')
    .option('--preprocess-config <json>', 'preprocessing, as JSON, a .json file, or - for stdin')
    .option('--name <name>', 'name', nullable)
    .option('--description <text>', 'description', nullable);
}

async function modelFields(c: Context, o: Opts) {
  return defined({
    width: o.width as number | undefined,
    height: o.height as number | undefined,
    fieldConfig: (await c.object(o.fieldConfig, '--field-config')) as never,
    preprocessConfig: (await c.object(o.preprocessConfig, '--preprocess-config')) as never,
    name: o.name as string | null | undefined,
    description: o.description as string | null | undefined,
  });
}
