/** `las models ...`: models and their data bundles. */
import type { Command } from 'commander';
import { defined, integer, nullable } from '../args.js';
import type { Context } from '../context.js';
import type { CreateModelOptions } from 'las-sdk';
import { group, leaf, run, type App, type Opts } from '../define.js';
import { listOptions, pageOptions } from './shared.js';

/** Adds `las models`. */
export function registerModels(program: Command, app: App): void {
  const g = group(program, 'models', 'Models, and the data bundles they train on');

  modelOptions(leaf(g, 'create', 'Create a model (POST /models)'))
    .action(run(app, async (c, _, o) => {
      const options = await modelFields(c, o);
      await c.print(await (await c.las()).models.create(options as unknown as CreateModelOptions));
    }));

  listOptions(leaf(g, 'list', 'List models (GET /models)')).action(run(app, async (c, _, o) => {
    await c.list('models', (await c.las()).models.list(pageOptions(o)), o);
  }));

  leaf(g, 'get <modelId>', 'Get a model (GET /models/{modelId})').action(run(app, async (c, [id]) => {
    await c.print(await (await c.las()).models.get(id));
  }));

  modelOptions(leaf(g, 'update <modelId>', 'Update a model; null clears name or description (PATCH /models/{modelId})'))
    .option('--status <status>', 'training | inactive | active (as the API allows)')
    .action(run(app, async (c, [id], o) => {
      const options = { ...(await modelFields(c, o)), ...defined({ status: o.status }) };
      await c.print(await (await c.las()).models.update(id, options));
    }));

  leaf(g, 'delete <modelId>', 'Delete a model (DELETE /models/{modelId})').action(run(app, async (c, [id]) => {
    await c.print(await (await c.las()).models.delete(id));
  }));

  leaf(g, 'create-data-bundle <modelId>', 'Bundle datasets for training a model (POST /models/{modelId}/dataBundles)')
    .option('--dataset-ids <ids...>', 'the datasets to bundle')
    .option('--name <name>', 'name', nullable)
    .option('--description <text>', 'description', nullable)
    .action(run(app, async (c, [id], o) => {
      const bundles = (await c.las()).models.ref(id).dataBundles;
      await c.print(await bundles.create(defined({ datasetIds: o.datasetIds, name: o.name, description: o.description })));
    }));

  listOptions(leaf(g, 'list-data-bundles <modelId>', 'List a model\'s data bundles (GET /models/{modelId}/dataBundles)')).action(
    run(app, async (c, [id], o) => {
      await c.list('dataBundles', (await c.las()).models.ref(id).dataBundles.list(pageOptions(o)), o);
    }),
  );

  leaf(g, 'update-data-bundle <modelId> <dataBundleId>', 'Update a data bundle\'s name or description; null clears (PATCH /models/{modelId}/dataBundles/{dataBundleId})')
    .option('--name <name>', 'name', nullable)
    .option('--description <text>', 'description', nullable)
    .action(run(app, async (c, [id, bundleId], o) => {
      const bundles = (await c.las()).models.ref(id).dataBundles;
      await c.print(await bundles.update(bundleId, defined({ name: o.name, description: o.description })));
    }));

  leaf(g, 'delete-data-bundle <modelId> <dataBundleId>', 'Delete a data bundle (DELETE /models/{modelId}/dataBundles/{dataBundleId})').action(
    run(app, async (c, [id, bundleId]) => {
      await c.print(await (await c.las()).models.ref(id).dataBundles.delete(bundleId));
    }),
  );

  leaf(g, 'list-all-data-bundles', 'List the data bundles of every model (GET /models, then GET /models/{modelId}/dataBundles each)').action(
    run(app, async (c) => {
      const las = await c.las();
      async function* everyBundle() {
        for await (const model of las.models.list()) yield* model.dataBundles.list();
      }
      await c.listAll('dataBundles', everyBundle());
    }),
  );
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
