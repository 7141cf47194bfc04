/**
 * The code under test in these examples: what an app built on las-sdk might hold. Your own app
 * imports `las-sdk`; the examples import the sources of this repository.
 */
import type { Las, TransitionExecution } from 'las-sdk';

/** Uploads an invoice into a dataset; the SDK retries the service's 503s on its own. */
export async function uploadInvoice(las: Las, content: Uint8Array, datasetId: string): Promise<string> {
  const document = await las.documents.create(content, { datasetId });
  return document.documentId;
}

/**
 * A worker step: takes the next execution of a docker transition, heartbeats it once it has
 * started the (slow) work, and reports `{ total }` when `work` resolves.
 */
export async function runNext(las: Las, transitionId: string, work: (input: Record<string, unknown>) => Promise<{ total: string }>): Promise<TransitionExecution> {
  const execution = await las.transitions.ref(transitionId).execute();
  await execution.heartbeat();
  return execution.succeed(await work(execution.input ?? {}));
}

/** A review screen's "approve": the next manual review, approved with the predicted total or a correction. */
export async function approveNext(las: Las, transitionId: string, correction?: string): Promise<TransitionExecution> {
  const review = await las.transitions.ref(transitionId).execute();
  const predicted = (review.input as { total?: string } | undefined)?.total;
  return review.succeed({ approved: true, total: correction ?? predicted ?? null });
}
