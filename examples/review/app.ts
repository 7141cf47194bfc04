/**
 * The review screen's script: signs the reviewer in (authorization code with PKCE), takes the next
 * pending execution of the manual transition (or gets back the one they had), shows its document
 * and the fields read from it, checks them against the model's field config, and sends the
 * reviewer's decision: Confirm (succeeded, with the fields), Reject (rejected, with the reason) or
 * Skip (retry: handed back). Uses only the public API.
 */
import {
  Las,
  AuthorizationCodeCredentials,
  ConnectionError,
  InvalidCredentialsError,
  MissingCredentialsError,
  NotFoundError,
  ServerError,
  TimeoutError,
  type TransitionExecution,
  type TransitionHandle,
} from 'las-sdk';
import { checkFields, fieldInput, labelsToShow, type Field, type FieldSpec } from './fields.js';
import { KeptWork, keepEdits, keptEdits } from './kept.js';

interface Config {
  clientId: string;
  authEndpoint: string;
  apiEndpoint: string;
  transitionId: string;
}
/** What the demo's workflow gives each review: a document, what a model read from it, and the model. */
interface ReviewInput {
  documentId: string;
  predictions?: Field[];
  modelId?: string;
}
/** The document on screen and what to do with it. */
interface Review {
  execution: TransitionExecution;
  input: ReviewInput;
  fieldConfig: Record<string, FieldSpec>;
  stop(): void;
}

const HEARTBEAT_MS = 60_000;
const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const message = element<HTMLParagraphElement>('message');
const alert = element<HTMLDivElement>('alert');
const alertText = element<HTMLParagraphElement>('alert-text');
const alertAction = element<HTMLButtonElement>('alert-action');
const task = element<HTMLElement>('task');
const title = element<HTMLHeadingElement>('task-title');
const view = element<HTMLDivElement>('document');
const form = element<HTMLFormElement>('fields');
const inputs = element<HTMLDivElement>('inputs');
const rejectArea = element<HTMLDivElement>('reject-area');
const reason = element<HTMLTextAreaElement>('reason');
const reasonProblem = element<HTMLParagraphElement>('reason-problem');
const buttons = [...document.querySelectorAll<HTMLButtonElement>('#task button')];
const signOut = element<HTMLButtonElement>('sign-out');

let credentials: AuthorizationCodeCredentials | undefined;
let current: Review | undefined;

main().catch((error: unknown) => fail(error, () => location.reload()));

async function main(): Promise<void> {
  const { transitionId, ...endpoints } = (await (await fetch('config.json')).json()) as Config;
  const home = `${location.origin}/`;
  const signedIn = new AuthorizationCodeCredentials({ ...endpoints, redirectUri: home });
  credentials = signedIn;
  const cancelled = new URLSearchParams(location.search).get('error') === 'access_denied';
  try {
    // Back from the sign-in page: exchange the code, and drop it from the address bar.
    if (await signedIn.handleRedirect()) history.replaceState(null, '', '/');
  } catch (error) {
    console.error(error);
    history.replaceState(null, '', '/');
    showProblem(cancelled ? 'You cancelled the sign-in.' : 'The sign-in did not complete.', 'Sign in again', () => signedIn.signIn());
    return;
  }
  if (!signedIn.isSignedIn()) {
    say('Signing in…');
    return signedIn.signIn();
  }
  const las = new Las({ credentials: signedIn });
  const transition = las.transitions.ref(transitionId);
  const kept = new KeptWork(signedIn.user?.sub, transitionId);
  signOut.hidden = false;
  signOut.onclick = () => void leave(home, kept);
  wire(las, transition, kept);
  await next(las, transition, kept);
}

/** Takes the execution the reviewer had, or the next pending one, and shows it; or says there is none. */
async function next(las: Las, transition: TransitionHandle, kept: KeptWork, done = ''): Promise<void> {
  current?.stop();
  current = undefined;
  task.hidden = true;
  say(`${done} Taking the next document…`.trim());
  const execution = await take(transition, kept);
  if (!execution) {
    say(`${done} No pending work.`.trim());
    message.focus();
    return;
  }
  const input = execution.input as unknown as ReviewInput;
  const [doc, model] = await Promise.all([las.documents.get(input.documentId), input.modelId ? las.models.get(input.modelId) : undefined]);
  const fieldConfig = (model?.fieldConfig ?? {}) as Record<string, FieldSpec>;
  const url = URL.createObjectURL(new Blob([bytes(doc.content ?? '')], { type: doc.contentType }));
  const shown =
    doc.contentType === 'application/pdf'
      ? Object.assign(document.createElement('iframe'), { title: 'The document (PDF)' })
      : Object.assign(document.createElement('img'), { alt: 'The document' });
  shown.src = url;
  // Phone browsers show no PDF inside a page: a link opens it in their viewer.
  const link = Object.assign(document.createElement('a'), { href: url, target: '_blank', rel: 'noopener', textContent: 'Open the document in a new tab' });
  view.replaceChildren(shown, ...(doc.contentType === 'application/pdf' ? [link] : []));
  const predictions = input.predictions ?? [];
  const edits = keptEdits(execution.executionId);
  inputs.replaceChildren(
    ...labelsToShow(predictions, fieldConfig).map((label) => {
      const read = predictions.find((field) => field.label === label);
      const value = Object.hasOwn(edits, label) ? edits[label] : String(read?.value ?? '');
      return fieldInput(label, value, Object.hasOwn(fieldConfig, label) ? fieldConfig[label] : undefined, read?.confidence);
    }),
  );
  title.textContent = `Document ${doc.documentId}`;
  closeReject();
  hideProblem();
  say(`${done} Confirm or correct the fields, then Confirm. Reject a document that cannot be used; Skip hands it to someone else.`.trim());
  task.hidden = false;
  // The API fails an execution that goes quiet for the transition's timeout: a person may take a while.
  const heartbeat = setInterval(() => void execution.heartbeat().catch(() => undefined), HEARTBEAT_MS);
  current = {
    execution,
    input,
    fieldConfig,
    stop: () => {
      clearInterval(heartbeat);
      URL.revokeObjectURL(url);
    },
  };
  (inputs.querySelector('input') ?? title).focus();
}

/** The execution kept from before (a reload, another tab) if it is still running, else a new one. */
async function take(transition: TransitionHandle, kept: KeptWork): Promise<TransitionExecution | undefined> {
  const executionId = kept.executionId;
  if (executionId !== undefined) {
    const had = await transition.executions.get(executionId).catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    });
    if (had?.status === 'running') return had;
    kept.forget(executionId);
  }
  try {
    const taken = await transition.execute();
    kept.keep(taken.executionId);
    return taken;
  } catch (error) {
    // The API answers 404 when no execution of a manual transition is pending.
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

/** The buttons of the task: Confirm, Reject, Skip; and keeping the edits as they are typed. */
function wire(las: Las, transition: TransitionHandle, kept: KeptWork): void {
  const send = (update: (review: Review) => Promise<unknown>, done: string) => {
    const review = current;
    if (!review) return;
    const attempt = (): void => {
      busy(true);
      say('Sending…');
      update(review)
        .then(() => {
          kept.forget(review.execution.executionId);
          return next(las, transition, kept, done);
        })
        .catch(async (error: unknown) => {
          // Finished meanwhile (in another tab, or it waited past the transition's timeout): move on.
          const now = await review.execution.refresh().catch(() => undefined);
          if (now && now.status !== 'running') {
            kept.forget(review.execution.executionId);
            return next(las, transition, kept, 'That document was already dealt with elsewhere, or waited too long.');
          }
          fail(error, attempt);
        })
        .catch((error: unknown) => fail(error, () => void next(las, transition, kept)))
        .finally(() => busy(false));
    };
    attempt();
  };
  inputs.oninput = (event) => {
    if (current) keepEdits(current.execution.executionId, values());
    clearProblem(event.target as HTMLInputElement);
  };
  reason.oninput = () => clearProblem(reason, reasonProblem);
  form.onsubmit = (event) => {
    event.preventDefault();
    const review = current;
    if (!review) return;
    const wrong = checkFields(form, review.fieldConfig);
    if (wrong) {
      say('Some fields need a look before this can be confirmed.');
      wrong.focus();
      return;
    }
    send((it) => it.execution.succeed({ documentId: it.input.documentId, fields: values() }), 'Saved: the document is confirmed.');
  };
  element<HTMLButtonElement>('skip').onclick = () => send((it) => it.execution.update('retry'), 'Skipped: the document is handed back for someone else.');
  element<HTMLButtonElement>('reject').onclick = () => {
    rejectArea.hidden = false;
    reason.focus();
  };
  element<HTMLButtonElement>('cancel-reject').onclick = () => {
    closeReject();
    element<HTMLButtonElement>('reject').focus();
  };
  element<HTMLButtonElement>('send-reject').onclick = () => {
    const why = reason.value.trim();
    reasonProblem.hidden = why !== '';
    reason.toggleAttribute('aria-invalid', why === '');
    if (why === '') {
      reason.focus();
      return;
    }
    send((it) => it.execution.update('rejected', { error: { message: why } }), 'Rejected: the document is sent back with your reason.');
  };
}

/** Sign-out: hands the execution on screen back, then signs out (revoking the sign-in). */
async function leave(home: string, kept: KeptWork): Promise<void> {
  signOut.disabled = true;
  say('Signing out…');
  const review = current;
  if (review) {
    current = undefined;
    review.stop();
    // Handed back so another reviewer can take it; if that fails it is left to the transition's timeout.
    await review.execution.update('retry').catch((error: unknown) => console.error(error));
    kept.forget(review.execution.executionId);
  }
  try {
    await credentials?.signOut({ logoutUri: home });
  } catch (error) {
    console.error(error);
    task.hidden = true;
    showProblem('You are signed out on this device, but the server could not be told. Close the browser to be sure.', 'Sign in', () => credentials?.signIn());
  } finally {
    signOut.disabled = false;
  }
}

function values(): Record<string, string> {
  return Object.fromEntries([...new FormData(form)].map(([label, value]) => [label, String(value).trim()]));
}

// A problem shown is taken back as soon as the reviewer changes the value; Confirm checks again.
function clearProblem(input: HTMLInputElement | HTMLTextAreaElement, problem = document.getElementById(`${input.id}-problem`)): void {
  input.removeAttribute('aria-invalid');
  if (problem) problem.hidden = true;
}

function closeReject(): void {
  rejectArea.hidden = true;
  reason.value = '';
  reasonProblem.hidden = true;
  reason.removeAttribute('aria-invalid');
}

function busy(on: boolean): void {
  for (const button of buttons) button.disabled = on;
}

function say(text: string): void {
  message.textContent = text;
}

function showProblem(text: string, action: string, run: () => unknown): void {
  say('');
  alertText.textContent = text;
  alertAction.textContent = action;
  alertAction.onclick = () => {
    hideProblem();
    void Promise.resolve()
      .then(run)
      .catch((error: unknown) => fail(error, run));
  };
  alert.hidden = false;
  alertAction.focus();
}

function hideProblem(): void {
  alert.hidden = true;
}

/** Says what went wrong in words for the reviewer (details to the console), with a way on. */
function fail(error: unknown, retry: () => unknown): void {
  console.error(error);
  if (error instanceof MissingCredentialsError || error instanceof InvalidCredentialsError) {
    showProblem('Your sign-in has ended. Sign in again to carry on: your edits are kept.', 'Sign in again', () => credentials?.signIn());
  } else if (error instanceof ConnectionError || error instanceof TimeoutError) {
    showProblem('Could not reach the server. Check your connection, then try again.', 'Try again', retry);
  } else if (error instanceof ServerError) {
    showProblem('The server had a problem. Try again in a moment.', 'Try again', retry);
  } else {
    showProblem('Something went wrong. Try again, or reload the page.', 'Try again', retry);
  }
}

// The API gives document content as base64.
function bytes(base64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}
