/**
 * The quickstart of API version 2024-11-29, the one the service speaks today
 * (`npm start -- --api-version 2024-11-29`): a dataset; two documents, the larger one's bytes put on
 * the file server; a model (no page size: the service sizes pages itself); a data bundle; a
 * training, waited for until it succeeded; an async prediction with the trained model; a workflow
 * whose manual step a person completes.
 *
 * With no `LAS_*` variables set it runs against an in-process emulator serving 2024-11-29 (no
 * account, no network; the testing kit's, whose clock this script moves on while it waits: a
 * training takes two minutes there, and none of your time). With `LAS_CLIENT_ID`,
 * `LAS_CLIENT_SECRET`, `LAS_AUTH_ENDPOINT` and `LAS_API_ENDPOINT` set it runs against that service
 * instead, where a training takes hours.
 */
import { readFile } from 'node:fs/promises';
import { Las } from '../src/index.js';
import { testEmulator } from 'las-emulator';

const API_VERSION = '2024-11-29';
const SERVICE_VARIABLES = ['LAS_CLIENT_ID', 'LAS_CLIENT_SECRET', 'LAS_AUTH_ENDPOINT', 'LAS_API_ENDPOINT'];
const useService = SERVICE_VARIABLES.every((name) => process.env[name]);

const emulator = useService ? undefined : await testEmulator({ apiVersion: API_VERSION });
const las = emulator ? emulator.las : new Las({ apiVersion: API_VERSION });
const pollInterval = emulator ? 50 : 60_000;
const lines: string[] = [];
const show = (label: string, text: string) => lines.push(`${label.padEnd(12)}${text}`);
const indent = (text: string) => lines.push(`${''.padEnd(14)}${text}`);
const cleanup: (() => Promise<unknown>)[] = [];

try {
  // 1. A dataset and two documents in it. The invoice (3 KB) goes inline in POST /documents; the
  //    larger scan (over 256 KiB) is created first and its bytes then PUT to the answered fileUrl.
  const dataset = await las.datasets.create({ name: 'Quickstart 2024 invoices', description: 'Created by examples/quickstart-2024.ts' });
  cleanup.push(() => dataset.delete());
  show('Dataset', `${dataset.datasetId}  "${dataset.name}"`);

  const groundTruth = [
    { label: 'total_amount', value: '1234.50' },
    { label: 'due_date', value: '2021-10-31' },
  ];
  const invoice = await las.documents.create(new URL('./invoice.pdf', import.meta.url), {
    datasetId: dataset.datasetId,
    name: 'invoice.pdf',
    metadata: { source: 'quickstart' },
    groundTruth,
  });
  cleanup.push(() => invoice.delete());
  show('Document', `${invoice.documentId}  invoice.pdf, ${invoice.contentType}, inline`);

  const scan = await las.documents.create(await largeScan(), { datasetId: dataset.datasetId, name: 'scan.pdf', groundTruth });
  cleanup.push(() => scan.delete());
  const stored = await scan.bytes();
  show('Document', `${scan.documentId}  scan.pdf, ${scan.contentType}, ${stored.byteLength.toLocaleString('en-US')} bytes on the file server`);

  // 2. A model, a data bundle of the dataset, and a training on it.
  const model = await las.models.create({
    name: 'Quickstart 2024 invoice reader',
    fieldConfig: {
      total_amount: { type: 'amount', description: 'The total to pay', maxLength: 12 },
      due_date: { type: 'date', description: 'When it is due', maxLength: 10 },
    },
  });
  cleanup.push(() => model.delete());
  show('Model', `${model.modelId}  ${Object.keys(model.fieldConfig).join(', ')} (${model.status})`);

  const bundle = await model.dataBundles.create({ name: 'Quickstart 2024 bundle', datasetIds: [dataset.datasetId] });
  show('Data bundle', `${bundle.dataBundleId}  ${bundle.status}`);

  let training = await model.trainings.create({ name: 'Quickstart 2024 training', dataBundleIds: [bundle.dataBundleId] });
  const statuses = [training.status];
  while (!['succeeded', 'failed', 'cancelled'].includes(String(training.status))) {
    await pause();
    training = await training.refresh();
    if (statuses.at(-1) !== training.status) statuses.push(training.status);
  }
  show('Training', `${training.trainingId}  ${statuses.join(' -> ')}`);
  if (training.status !== 'succeeded') throw new Error(`the training ended ${training.status}`);
  const trained = await model.update({ trainingId: training.trainingId });
  indent(`the model predicts with it now (${trained.status})`);

  // 3. An async prediction: answered at once as pending, then waited for.
  const asked = await las.predictions.create({ documentId: invoice.documentId, modelId: model.modelId, async: true });
  const askedStatus = asked.status;
  const prediction = await waitingFor(asked.wait({ pollInterval, timeout: emulator ? 30_000 : 15 * 60_000 }));
  show('Prediction', `${prediction.predictionId}  ${askedStatus} -> ${prediction.status}${emulator ? ' (simulated)' : ''}`);
  for (const field of prediction.predictions ?? []) indent(`${field.label.padEnd(15)} = ${String(field.value).padEnd(22)} confidence ${field.confidence}`);

  // 4. A workflow with one manual step: a person reviews the prediction.
  const review = await las.transitions.create('manual', { name: 'Review invoice' });
  cleanup.push(() => review.delete());
  const workflow = await las.workflows.create(
    {
      language: 'ASL',
      version: '1.0.0',
      definition: { StartAt: 'Review', States: { Review: { Type: 'Task', Resource: review.transitionId, End: true } } },
    },
    { name: 'Quickstart 2024 review flow' },
  );
  cleanup.push(() => workflow.delete());
  show('Workflow', `${workflow.workflowId}  Review (manual)`);

  const run = await workflow.execute({ documentId: invoice.documentId, predictionId: prediction.predictionId });
  show('Execution', `${run.executionId}  ${run.status}`);

  // 5. The person at the review screen takes the next document waiting for review and confirms it.
  const task = await review.execute();
  const decision = { documentId: invoice.documentId, approved: true, reviewedBy: 'a person' };
  const reviewed = await task.succeed(decision);
  indent(`Review: ${reviewed.executionId} ${reviewed.status} ${JSON.stringify(decision)}`);

  const done = await waitingFor(run.wait({ pollInterval, timeout: emulator ? 30_000 : 15 * 60_000 }));
  show('Execution', `${done.executionId}  ${done.status}`);
  show('Output', JSON.stringify(done.output));

  const target = emulator ? `the local emulator at ${emulator.url} (no account, no network; trainings and predictions simulated)` : process.env.LAS_API_ENDPOINT;
  console.log(`las-sdk quickstart, API version ${las.apiVersion}, against ${target}\n\n${lines.join('\n')}\n`);
  if (done.status !== 'succeeded') process.exitCode = 1;
} finally {
  for (const undo of cleanup.reverse()) await undo().catch(() => undefined);
  await emulator?.close();
}

/** The invoice padded to 300 KiB with a PDF comment: over 256 KiB, so its bytes go to the file server. */
async function largeScan(): Promise<Uint8Array> {
  const pdf = await readFile(new URL('./invoice.pdf', import.meta.url));
  const padding = Buffer.from(`%${'-'.repeat(300 * 1024 - pdf.byteLength - 2)}\n`);
  return new Uint8Array(Buffer.concat([pdf, padding]));
}

/** One poll interval; on the emulator its clock moves a minute on too (what takes minutes there). */
async function pause(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, pollInterval));
  await emulator?.clock.advance(60_000);
}

/** `waiting` settled; on the emulator its clock moves on meanwhile, a few seconds each poll. */
async function waitingFor<T>(waiting: Promise<T>): Promise<T> {
  if (!emulator) return waiting;
  let settled = false;
  const result = waiting.finally(() => (settled = true));
  while (!settled) {
    await emulator.clock.advance(5_000);
    await Promise.race([result.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, pollInterval))]);
  }
  return result;
}
