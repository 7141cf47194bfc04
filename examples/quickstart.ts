/**
 * The quickstart (`npm start`): a dataset, a document, a model and a prediction, then a workflow of
 * two manual steps that a small worker in this script completes.
 *
 * With no `LAS_*` variables set it runs against an in-process emulator (no account, no network;
 * its predictions are simulated). With `LAS_CLIENT_ID`, `LAS_CLIENT_SECRET`, `LAS_AUTH_ENDPOINT`
 * and `LAS_API_ENDPOINT` set it runs against that service instead; set `LAS_MODEL_ID` there to
 * predict with a trained model rather than the new, untrained one.
 */
import { Las, type Transition } from '../src/index.js';
import { startEmulator, type Emulator } from 'las-emulator';

const SERVICE_VARIABLES = ['LAS_CLIENT_ID', 'LAS_CLIENT_SECRET', 'LAS_AUTH_ENDPOINT', 'LAS_API_ENDPOINT'];
const useService = SERVICE_VARIABLES.every((name) => process.env[name]);

const emulator: Emulator | undefined = useService ? undefined : await startEmulator();
const las = emulator ? new Las({ credentials: emulator.credentials }) : new Las();
const lines: string[] = [];
const show = (label: string, text: string) => lines.push(`${label.padEnd(12)}${text}`);
const cleanup: (() => Promise<unknown>)[] = [];

try {
  // 1. A dataset and a document in it.
  const dataset = await las.datasets.create({ name: 'Quickstart invoices', description: 'Created by examples/quickstart.ts' });
  cleanup.push(() => dataset.delete());
  show('Dataset', `${dataset.datasetId}  "${dataset.name}"`);

  const document = await las.documents.create(new URL('./invoice.pdf', import.meta.url), {
    datasetId: dataset.datasetId,
    groundTruth: [
      { label: 'total_amount', value: '1234.50' },
      { label: 'due_date', value: '2021-10-31' },
    ],
  });
  cleanup.push(() => document.delete());
  show('Document', `${document.documentId}  ${document.contentType}, ground truth for ${document.groundTruth?.length ?? 0} fields`);

  // 2. A model and a prediction with it.
  const model = process.env.LAS_MODEL_ID
    ? await las.models.get(process.env.LAS_MODEL_ID)
    : await las.models.create({
        name: 'Quickstart invoice reader',
        width: 300,
        height: 300,
        fieldConfig: {
          total_amount: { type: 'amount', maxLength: 12 },
          due_date: { type: 'date', maxLength: 10 },
          supplier_name: { type: 'all', maxLength: 40 },
        },
      });
  if (!process.env.LAS_MODEL_ID) cleanup.push(() => model.delete());
  show('Model', `${model.modelId}  ${Object.keys(model.fieldConfig).join(', ')} (${model.status})`);

  let totalAmount = 1234.5;
  try {
    const prediction = await document.predict(model.modelId);
    show('Prediction', `${prediction.predictionId}  in ${prediction.inferenceTime} s${emulator ? ' (simulated)' : ''}`);
    for (const field of prediction.predictions) {
      lines.push(`${''.padEnd(14)}${field.label.padEnd(15)} = ${String(field.value).padEnd(22)} confidence ${field.confidence}`);
      if (field.label === 'total_amount' && Number.isFinite(Number(field.value))) totalAmount = Number(field.value);
    }
  } catch (error) {
    // A new model on the service is untrained: say so and go on with the workflow.
    show('Prediction', `not made: ${error instanceof Error ? error.message : String(error)}`);
  }

  // 3. Two manual steps and a workflow over them: Check, then Approve when the amount is large.
  const check = await las.transitions.create('manual', { name: 'Check invoice' });
  cleanup.push(() => check.delete());
  const approve = await las.transitions.create('manual', { name: 'Approve payment' });
  cleanup.push(() => approve.delete());
  const workflow = await las.workflows.create(
    {
      language: 'ASL',
      version: '1.0.0',
      definition: {
        StartAt: 'Check',
        States: {
          Check: { Type: 'Task', Resource: check.transitionId, ResultPath: '$.check', Next: 'Large amount?' },
          'Large amount?': {
            Type: 'Choice',
            Choices: [{ Variable: '$.check.needsApproval', BooleanEquals: true, Next: 'Approve' }],
            Default: 'Done',
          },
          Approve: { Type: 'Task', Resource: approve.transitionId, ResultPath: '$.approval', Next: 'Done' },
          Done: { Type: 'Succeed' },
        },
      },
    },
    { name: 'Quickstart invoice flow' },
  );
  cleanup.push(() => workflow.delete());
  show('Workflow', `${workflow.workflowId}  Check -> Large amount? -> Approve -> Done`);

  // 4. Workers: each takes the pending executions of its step, heartbeats while working, reports the result.
  const handled: string[] = [];
  const workers = new AbortController();
  const pollInterval = emulator ? 50 : 2000;
  const working = Promise.all([
    check.work<{ totalAmount: number }>(
      ({ totalAmount }) => record(handled, check, { needsApproval: Number(totalAmount) > 1000, checkedBy: 'quickstart worker' }),
      { signal: workers.signal, pollInterval, maxPollInterval: pollInterval },
    ),
    approve.work(() => record(handled, approve, { approved: true, approvedBy: 'quickstart worker' }), {
      signal: workers.signal,
      pollInterval,
      maxPollInterval: pollInterval,
    }),
  ]);

  // 5. Run the workflow and wait for it.
  const started = Date.now();
  const run = await workflow
    .execute({ documentId: document.documentId, totalAmount })
    .then((execution) => execution.wait({ timeout: emulator ? 30_000 : 15 * 60_000, pollInterval }));
  workers.abort();
  await working;

  show('Execution', `${run.executionId}  ${run.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const step of handled) lines.push(`${''.padEnd(14)}${step}`);
  show('Output', JSON.stringify(run.output));
  const logs = await las.logs.list({ workflowExecutionId: run.executionId });
  show('Logs', `${logs.items.length} logs, one per step: ${logs.items.map((log) => `${log.events?.length ?? 0} events`).join(', ')}`);

  const target = emulator ? `the local emulator at ${emulator.url} (no account, no network; predictions simulated)` : process.env.LAS_API_ENDPOINT;
  console.log(`las-sdk quickstart against ${target}\n\n${lines.join('\n')}\n`);
  if (run.status !== 'succeeded') process.exitCode = 1;
} finally {
  for (const undo of cleanup.reverse()) await undo().catch(() => undefined);
  await emulator?.close();
}

function record<T extends Record<string, unknown>>(handled: string[], step: Transition, output: T): T {
  handled.push(`${step.name}: ${JSON.stringify(output)}`);
  return output;
}
