/**
 * The review screen's script: signs the reviewer in (authorization code with PKCE), takes the next
 * pending execution of the manual transition, shows its document and the fields read from it,
 * and sends the confirmed values back as the execution's output. Uses only the public API.
 */
import { Las, AuthorizationCodeCredentials, NotFoundError, type TransitionExecution, type TransitionHandle } from 'las-sdk';

interface Config {
  clientId: string;
  authEndpoint: string;
  apiEndpoint: string;
  transitionId: string;
}
interface Field {
  label: string;
  value: unknown;
  confidence?: number;
}
/** What the demo's workflow gives each review: a document and what a model read from it. */
interface ReviewInput {
  documentId: string;
  predictions?: Field[];
}

const HEARTBEAT_MS = 60_000;
const LOW_CONFIDENCE = 0.5;
const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const message = element<HTMLParagraphElement>('message');
const task = element<HTMLElement>('task');
const view = element<HTMLDivElement>('document');
const form = element<HTMLFormElement>('fields');
const inputs = element<HTMLDivElement>('inputs');
const confirm = element<HTMLButtonElement>('confirm');
const signOut = element<HTMLButtonElement>('sign-out');

main().catch(fail);

async function main(): Promise<void> {
  const { transitionId, ...endpoints } = (await (await fetch('config.json')).json()) as Config;
  const home = `${location.origin}/`;
  const credentials = new AuthorizationCodeCredentials({ ...endpoints, redirectUri: home });
  // Back from the sign-in page: exchange the code, and drop it from the address bar.
  if (await credentials.handleRedirect()) history.replaceState(null, '', '/');
  if (!credentials.isSignedIn()) {
    message.textContent = 'Signing in…';
    return credentials.signIn();
  }
  signOut.hidden = false;
  signOut.onclick = () => void credentials.signOut({ logoutUri: home }).catch(fail);
  const las = new Las({ credentials });
  await next(las, las.transitions.ref(transitionId));
}

/** Takes the next pending execution (`POST /transitions/{id}/executions`) and shows it, or says there is none. */
async function next(las: Las, transition: TransitionHandle): Promise<void> {
  task.hidden = true;
  message.textContent = 'Taking the next document…';
  let execution: TransitionExecution;
  try {
    execution = await transition.execute();
  } catch (error) {
    // The API answers 404 when no execution of a manual transition is pending.
    if (!(error instanceof NotFoundError)) throw error;
    message.textContent = 'No pending work.';
    return;
  }
  const input = execution.input as unknown as ReviewInput;
  const doc = await las.documents.get(input.documentId);
  const url = URL.createObjectURL(new Blob([bytes(doc.content ?? '')], { type: doc.contentType }));
  const shown = doc.contentType === 'application/pdf' ? Object.assign(document.createElement('iframe'), { title: 'Document' }) : Object.assign(document.createElement('img'), { alt: 'Document' });
  shown.src = url;
  view.replaceChildren(shown);
  inputs.replaceChildren(...(input.predictions ?? []).map(fieldInput));
  message.textContent = `Document ${doc.documentId}: confirm or correct the fields.`;
  task.hidden = false;
  // The API fails an execution that goes quiet for the transition's timeout: a person may take a while.
  const heartbeat = setInterval(() => void execution.heartbeat().catch(() => undefined), HEARTBEAT_MS);
  form.onsubmit = (event) => {
    event.preventDefault();
    confirm.disabled = true;
    const fields = Object.fromEntries([...new FormData(form)].map(([label, value]) => [label, String(value)]));
    message.textContent = 'Sending…';
    execution
      .succeed({ documentId: input.documentId, fields })
      .then(() => {
        clearInterval(heartbeat);
        URL.revokeObjectURL(url);
        return next(las, transition);
      })
      .catch(fail)
      .finally(() => {
        confirm.disabled = false;
      });
  };
}

function fieldInput(field: Field): HTMLLabelElement {
  const label = document.createElement('label');
  const confidence = document.createElement('small');
  if (field.confidence !== undefined) {
    confidence.textContent = ` ${Math.round(field.confidence * 100)} %`;
    confidence.classList.toggle('low', field.confidence < LOW_CONFIDENCE);
  }
  const input = Object.assign(document.createElement('input'), { name: field.label, value: String(field.value ?? '') });
  label.append(field.label, confidence, input);
  return label;
}

// The API gives document content as base64.
function bytes(base64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}

function fail(error: unknown): void {
  console.error(error);
  message.textContent = `Something went wrong: ${error instanceof Error ? error.message : String(error)}`;
}
