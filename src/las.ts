import { resolveCredentials } from './auth/resolve.js';
import type { Credentials } from './auth/credentials.js';
import type { TokenProvider } from './auth/token-provider.js';
import { Session } from './http/session.js';
import { AppClients } from './resources/app-clients.js';
import { Assets } from './resources/assets.js';
import { Batches } from './resources/batches.js';
import { Datasets } from './resources/datasets.js';
import { Documents } from './resources/documents.js';
import { Logs } from './resources/logs.js';
import { Models } from './resources/models.js';
import { Organizations } from './resources/organizations.js';
import { Predictions } from './resources/predictions.js';
import { Secrets } from './resources/secrets.js';
import { Transitions } from './resources/transitions.js';
import { Users } from './resources/users.js';
import { Workflows } from './resources/workflows.js';

/** Options of {@link Las}. */
export interface LasOptions {
  /** Explicit credentials; otherwise resolved from the environment, then the credentials file. */
  credentials?: Credentials;
  /** Section of the credentials file to use. Default `default`. */
  profile?: string;
  /** Any source of bearer tokens; replaces the credentials' own token requests. */
  tokenProvider?: TokenProvider;
  /** API base URL; overrides the credentials' `apiEndpoint`. */
  apiEndpoint?: string;
  /** Retries per request (429/503 for every method, other failures for GET/PUT/DELETE). Default 3. */
  maxRetries?: number;
  /** Milliseconds per attempt. Default 60 000. */
  timeout?: number;
  /** Milliseconds for a whole call, retries included. Default 300 000. */
  totalTimeout?: number;
  /** Custom fetch (tests, proxies). */
  fetch?: typeof fetch;
}

/** The LAS client: one shared session and a collection per kind of entity. */
export class Las {
  /** App clients: `las.appClients.create()`, ... */
  readonly appClients: AppClients;
  /** Assets: files transitions use. */
  readonly assets: Assets;
  /** Batches of documents. */
  readonly batches: Batches;
  /** Datasets of documents to train on. */
  readonly datasets: Datasets;
  /** Documents: pdfs and images. */
  readonly documents: Documents;
  /** Logs of transition executions. */
  readonly logs: Logs;
  /** Models, with their data bundles. */
  readonly models: Models;
  /** The organization. */
  readonly organizations: Organizations;
  /** Predictions of models on documents. */
  readonly predictions: Predictions;
  /** Secrets for transitions. */
  readonly secrets: Secrets;
  /** Transitions (workflow steps), with their executions. */
  readonly transitions: Transitions;
  /** Users of the organization. */
  readonly users: Users;
  /** Workflows, with their executions. */
  readonly workflows: Workflows;

  /**
   * Resolves credentials (explicit, then `LAS_*` environment variables, then
   * `~/.lucidtech/credentials.cfg`) and builds the session every collection shares.
   */
  constructor(options: LasOptions = {}) {
    const needsCredentials = !(options.tokenProvider && options.apiEndpoint);
    const credentials = needsCredentials
      ? resolveCredentials({ credentials: options.credentials, profile: options.profile, fetch: options.fetch })
      : options.credentials;
    const session = new Session({
      apiEndpoint: (options.apiEndpoint ?? credentials?.apiEndpoint) as string,
      apiKey: credentials?.apiKey,
      tokenProvider: options.tokenProvider ?? (credentials as Credentials),
      fetch: options.fetch,
      timeout: options.timeout,
      totalTimeout: options.totalTimeout,
      maxRetries: options.maxRetries,
    });
    this.appClients = new AppClients(session);
    this.assets = new Assets(session);
    this.batches = new Batches(session);
    this.datasets = new Datasets(session);
    this.documents = new Documents(session);
    this.logs = new Logs(session);
    this.models = new Models(session);
    this.organizations = new Organizations(session);
    this.predictions = new Predictions(session);
    this.secrets = new Secrets(session);
    this.transitions = new Transitions(session);
    this.users = new Users(session);
    this.workflows = new Workflows(session);
  }
}
