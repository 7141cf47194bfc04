import { AuthorizationCodeCredentials } from './auth/authorization-code.js';
import { Credentials, TOKEN_VIA } from './auth/credentials.js';
import { resolveCredentials } from './auth/resolve.js';
import type { TokenProvider } from './auth/token-provider.js';
import { ValidationError } from './errors.js';
import { Session } from './http/session.js';
import { checkOptions, MAX_TIMEOUT_MS, option, type OptionCheck } from './options.js';
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
  /** Explicit credentials (an app client's, or a person's sign-in); otherwise resolved from the environment, then the credentials file. */
  credentials?: Credentials | AuthorizationCodeCredentials;
  /** Section of the credentials file to use. Default `default`. */
  profile?: string;
  /** Any source of bearer tokens; replaces the credentials' own token requests. */
  tokenProvider?: TokenProvider;
  /** API base URL; overrides the credentials' `apiEndpoint`. */
  apiEndpoint?: string;
  /** Retries per request (429/503 for every method, other failures for GET/PUT/DELETE), 0 to 10. Default 3. */
  maxRetries?: number;
  /** Milliseconds per attempt, a whole number from 1. Default 60 000. */
  timeout?: number;
  /** Milliseconds for a whole call, retries included, a whole number from 1. Default 300 000. */
  totalTimeout?: number;
  /** Custom fetch (tests, proxies). */
  fetch?: typeof fetch;
}

/** The most retries per request `maxRetries` takes: beyond it, a failing call would stall for minutes. */
const MAX_RETRIES = 10;

// One line per option: the compiler insists every option of LasOptions has its check.
const LAS_OPTIONS = {
  credentials: (value) => (value instanceof AuthorizationCodeCredentials ? undefined : option.instanceOf(Credentials, 'a Credentials or AuthorizationCodeCredentials instance')(value)),
  profile: option.text,
  tokenProvider: option.tokenProvider,
  apiEndpoint: option.httpUrl,
  maxRetries: option.integer(0, MAX_RETRIES),
  timeout: option.integer(1, MAX_TIMEOUT_MS, 'milliseconds'),
  totalTimeout: option.integer(1, MAX_TIMEOUT_MS, 'milliseconds'),
  fetch: option.function,
} satisfies Record<keyof LasOptions, OptionCheck>;

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
   * `~/.lucidtech/credentials.cfg`) and builds the session every collection shares. Unknown or
   * invalid options are refused with a {@link ValidationError} naming the option.
   */
  constructor(lasOptions: LasOptions = {}) {
    const options = checkOptions('new Las', lasOptions, LAS_OPTIONS);
    const needsCredentials = !(options.tokenProvider && options.apiEndpoint);
    if (options.profile !== undefined && !(needsCredentials && !options.credentials)) {
      throw new ValidationError(
        'new Las: profile picks a section of the credentials file, which is not read when credentials, or tokenProvider and apiEndpoint, are given',
      );
    }
    const credentials =
      options.credentials ?? (needsCredentials ? resolveCredentials({ profile: options.profile, fetch: options.fetch }) : undefined);
    const session = new Session({
      apiEndpoint: (options.apiEndpoint ?? credentials?.apiEndpoint) as string,
      apiKey: credentials instanceof Credentials ? credentials.apiKey : undefined,
      tokenProvider: options.tokenProvider ?? tokensVia(credentials as Credentials | AuthorizationCodeCredentials, options.fetch),
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

// Explicit credentials without a fetch of their own request their tokens through the Las fetch,
// as credentials resolved from the environment or the file do.
function tokensVia(credentials: Credentials | AuthorizationCodeCredentials, fetch: typeof globalThis.fetch | undefined): TokenProvider {
  if (fetch === undefined || !(credentials instanceof Credentials)) return credentials;
  return { getAccessToken: async () => credentials[TOKEN_VIA](fetch), invalidate: (token) => credentials.invalidate(token) };
}
