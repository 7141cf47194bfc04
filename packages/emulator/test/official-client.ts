/**
 * The service's JavaScript client, `@lucidtech/las-sdk-node`, unmodified, against an emulator
 * over HTTPS: run as its own process with `NODE_EXTRA_CA_CERTS` (read when Node starts) and the
 * `LAS_*` variables the emulator prints, plus `LAS_ORGANIZATION_ID` and `DOCUMENT_ID` (a document
 * made beforehand: this client uploads content to a file server the API spec does not have).
 * Prints one JSON line: what each step gave back, for the test to check.
 */
import { Client, ClientCredentials } from '@lucidtech/las-sdk-node';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const client = new Client(new ClientCredentials(env('LAS_API_ENDPOINT'), env('LAS_CLIENT_ID'), env('LAS_CLIENT_SECRET'), env('LAS_AUTH_ENDPOINT')));
const seen: Record<string, unknown> = {};
const PDF_BASE64 = Buffer.from('%PDF-1.4 official client').toString('base64');

async function workflow(): Promise<void> {
  const transition = await client.createTransition('manual', { name: 'review' });
  const spec = {
    language: 'ASL',
    version: '1.0.0',
    definition: { StartAt: 'Review', States: { Review: { Type: 'Task', Resource: transition.transitionId, End: true } } },
  };
  const created = await client.createWorkflow('review', spec as never, { description: 'by the official client' });
  seen.workflowGot = (await client.getWorkflow(created.workflowId)).name;
  seen.workflowListed = (await client.listWorkflows()).workflows.some((w) => w.workflowId === created.workflowId);
  seen.workflowUpdated = (await client.updateWorkflow(created.workflowId, { name: 'renamed' })).name;
  seen.transitionUpdated = (await client.updateTransition(transition.transitionId, { description: 'manual review' })).description;
  seen.transitionListed = (await client.listTransitions()).transitions.some((t) => t.transitionId === transition.transitionId);

  const run = await client.executeWorkflow(created.workflowId, { invoice: 42 });
  const task = await client.executeTransition(transition.transitionId);
  seen.taskInput = task.input;
  await client.sendHeartbeat(transition.transitionId, task.executionId);
  seen.taskGot = (await client.getTransitionExecution(transition.transitionId, task.executionId)).status;
  const done = await client.updateTransitionExecution(transition.transitionId, task.executionId, { status: 'succeeded', output: { approved: true } });
  seen.taskStatus = done.status;
  seen.taskListed = (await client.listTransitionExecutions(transition.transitionId, { status: 'succeeded' })).executions.length;
  const finished = await client.getWorkflowExecution(created.workflowId, run.executionId);
  seen.workflowExecution = { status: finished.status, output: finished.output };
  seen.executionsListed = (await client.listWorkflowExecutions(created.workflowId)).executions.length;
  seen.logStarted = typeof (await client.getLog(done.logId as string)).logId;
  seen.executionDeleted = (await client.deleteWorkflowExecution(created.workflowId, run.executionId)).executionId === run.executionId;
  seen.workflowDeleted = (await client.deleteWorkflow(created.workflowId)).workflowId === created.workflowId;
  seen.transitionDeleted = (await client.deleteTransition(transition.transitionId)).transitionId === transition.transitionId;
}

async function collections(): Promise<void> {
  const organizationId = env('LAS_ORGANIZATION_ID');
  seen.organization = (await client.updateOrganization(organizationId, { description: 'official' })).description;
  seen.organizationGot = (await client.getOrganization(organizationId)).organizationId === organizationId;

  const appClient = await client.createAppClient({ name: 'official' });
  seen.appClient = [
    (await client.updateAppClient(appClient.appClientId, { name: 'renamed' })).name,
    (await client.listAppClients()).appClients.some((a) => a.appClientId === appClient.appClientId),
    (await client.deleteAppClient(appClient.appClientId)).appClientId === appClient.appClientId,
  ];

  const asset = await client.createAsset(PDF_BASE64, { name: 'asset' } as never);
  seen.asset = [
    (await client.getAsset(asset.assetId)).content,
    (await client.updateAsset(asset.assetId, { name: 'renamed' } as never)).name,
    (await client.listAssets()).assets.some((a) => a.assetId === asset.assetId),
    (await client.deleteAsset(asset.assetId)).assetId === asset.assetId,
  ];

  const dataset = await client.createDataset({ name: 'official' } as never);
  seen.dataset = [
    (await client.getDataset(dataset.datasetId)).name,
    (await client.updateDataset(dataset.datasetId, { description: 'changed' } as never)).description,
    (await client.listDatasets()).datasets.some((d) => d.datasetId === dataset.datasetId),
  ];

  const documentId = env('DOCUMENT_ID');
  seen.document = [
    (await client.getDocument(documentId)).documentId === documentId,
    (await client.updateDocument(documentId, { datasetId: dataset.datasetId } as never)).datasetId === dataset.datasetId,
    (await client.listDocuments({ datasetId: dataset.datasetId } as never)).documents.length,
  ];

  const model = await client.createModel({ total: { type: 'amount', maxLength: 10 } } as never, { width: 300, height: 300, name: 'official' } as never);
  const prediction = await client.createPrediction(documentId, model.modelId);
  seen.prediction = [prediction.predictions?.[0]?.label, (await client.listPredictions()).predictions.length > 0];
  const bundle = await client.createDataBundle(model.modelId, [dataset.datasetId], { name: 'bundle' } as never);
  seen.dataBundle = [
    (await client.updateDataBundle(model.modelId, bundle.dataBundleId, { name: 'renamed' } as never)).name,
    (await client.listDataBundles(model.modelId)).dataBundles.length,
    (await client.deleteDataBundle(model.modelId, bundle.dataBundleId)).dataBundleId === bundle.dataBundleId,
  ];
  seen.model = [
    (await client.getModel(model.modelId)).name,
    (await client.updateModel(model.modelId, { status: 'active' } as never)).status,
    (await client.listModels()).models.some((m) => m.modelId === model.modelId),
    (await client.deleteModel(model.modelId)).modelId === model.modelId,
  ];
  seen.documentDeleted = (await client.deleteDocument(documentId)).documentId === documentId;
  seen.datasetDeleted = (await client.deleteDataset(dataset.datasetId)).datasetId === dataset.datasetId;

  const secret = await client.createSecret({ token: 'value' }, { name: 'secret' } as never);
  seen.secret = [
    (await client.updateSecret(secret.secretId, { description: 'changed' } as never)).description,
    (await client.listSecrets()).secrets.some((s) => s.secretId === secret.secretId),
  ];

  const user = await client.createUser('official@example.com', { name: 'Official' } as never);
  seen.user = [
    (await client.getUser(user.userId) as { email?: string }).email,
    (await client.updateUser(user.userId, { name: 'Renamed' } as never) as { name?: string }).name,
    (await client.listUsers()).users.some((u) => u.userId === user.userId),
    (await client.deleteUser(user.userId)).userId === user.userId,
  ];
}

try {
  await workflow();
  await collections();
  process.stdout.write(`${JSON.stringify(seen)}\n`);
} catch (error) {
  const response = (error as { response?: { status?: number; data?: unknown; config?: { method?: string; url?: string } } }).response;
  const where = response ? `${response.config?.method?.toUpperCase()} ${response.config?.url} -> ${response.status} ${JSON.stringify(response.data)}` : String(error);
  process.stderr.write(`official client failed after ${JSON.stringify(Object.keys(seen))}: ${where}\n`);
  process.exitCode = 1;
}
