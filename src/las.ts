import { AuthorizationCodeCredentials } from './auth/authorization-code.js';
import { Credentials, TOKEN_VIA } from './auth/credentials.js';
import { defaultCredentials, environmentLogLevel } from '#platform/environment.js';
import { proxyTransport } from '#platform/transport.js';
import type { TokenProvider } from './auth/token-provider.js';
import { ValidationError } from './errors.js';
import { logLevelFromEnv, type Logger, type LogLevel, type RequestHooks } from './http/log.js';
import { Session, type SessionDefaults } from './http/session.js';
import { checkOptions, option, type OptionCheck } from './options.js';
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
  /** Custom fetch (tests, custom TLS): replaces the SDK's transport, so `proxy` cannot be given with it. */
  fetch?: typeof fetch;
  /**
   * An HTTP(S) proxy for every request, token requests included (CONNECT for https), or `false` for
   * none. Default: `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY` where the runtime allows. Refused where the
   * runtime cannot use one (a browser, workerd); see the README's runtime table.
   */
  proxy?: string | URL | false;
  /**
   * What is logged: `debug` (also each retry, token fetches, page walks), `info` (one line per
   * call), `warn`, `error` (a hook that threw), `off`. Default: the environment's `LAS_LOG`, else `warn`.
   */
  logLevel?: LogLevel;
  /** Where log lines go: any `{ debug, info, warn, error }`. Default `console`. */
  logger?: Logger;
  /** Called around each call: `onRequest`, `onRetry`, `onResponse`. */
  hooks?: RequestHooks;
}

/** What {@link Las.withOptions} may change: a client's defaults, not its credentials. */
export type LasDefaults = Pick<LasOptions, 'timeout' | 'totalTimeout' | 'maxRetries' | 'logLevel' | 'logger' | 'hooks'> & {
  /** Headers sent with every request, added to the client's. `Authorization` and `X-Api-Key` are refused. */
  headers?: Record<string, string>;
};

// One line per option: the compiler insists every option of LasOptions has its check.
const LAS_OPTIONS = {
  credentials: (value) => (value instanceof AuthorizationCodeCredentials ? undefined : option.instanceOf(Credentials, 'a Credentials or AuthorizationCodeCredentials instance')(value)),
  profile: option.text,
  tokenProvider: option.tokenProvider,
  apiEndpoint: option.httpUrl,
  maxRetries: option.retries,
  timeout: option.milliseconds,
  totalTimeout: option.milliseconds,
  fetch: option.function,
  proxy: option.proxy,
  logLevel: option.logLevel,
  logger: option.logger,
  hooks: option.hooks,
} satisfies Record<keyof LasOptions, OptionCheck>;

const LAS_DEFAULTS = {
  maxRetries: option.retries,
  timeout: option.milliseconds,
  totalTimeout: option.milliseconds,
  headers: option.headers,
  logLevel: option.logLevel,
  logger: option.logger,
  hooks: option.hooks,
} satisfies Record<keyof LasDefaults, OptionCheck>;

// The session of each client, out of sight (JSON.stringify(las), console.log(las)).
const sessions = new WeakMap<Las, Session>();

/** The LAS client: one shared session and a collection per kind of entity. */
export class Las {
  /** App clients: `las.appClients.create()`, ... */
  declare readonly appClients: AppClients;
  /** Assets: files transitions use. */
  declare readonly assets: Assets;
  /** Batches of documents. */
  declare readonly batches: Batches;
  /** Datasets of documents to train on. */
  declare readonly datasets: Datasets;
  /** Documents: pdfs and images. */
  declare readonly documents: Documents;
  /** Logs of transition executions. */
  declare readonly logs: Logs;
  /** Models, with their data bundles. */
  declare readonly models: Models;
  /** The organization. */
  declare readonly organizations: Organizations;
  /** Predictions of models on documents. */
  declare readonly predictions: Predictions;
  /** Secrets for transitions. */
  declare readonly secrets: Secrets;
  /** Transitions (workflow steps), with their executions. */
  declare readonly transitions: Transitions;
  /** Users of the organization. */
  declare readonly users: Users;
  /** Workflows, with their executions. */
  declare readonly workflows: Workflows;

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
    if (options.proxy !== undefined && options.fetch !== undefined) {
      throw new ValidationError('new Las: proxy and fetch cannot be given together: a custom fetch sends its own way, so give it the proxy');
    }
    const fetch = options.fetch ?? (options.proxy === undefined ? undefined : proxyTransport(options.proxy === false ? false : String(options.proxy)));
    const credentials = options.credentials ?? (needsCredentials ? defaultCredentials({ profile: options.profile, fetch }) : undefined);
    const session = new Session({
      apiEndpoint: (options.apiEndpoint ?? credentials?.apiEndpoint) as string,
      apiKey: credentials instanceof Credentials ? credentials.apiKey : undefined,
      tokenProvider: options.tokenProvider ?? tokensVia(credentials as Credentials | AuthorizationCodeCredentials, fetch),
      fetch,
      timeout: options.timeout,
      totalTimeout: options.totalTimeout,
      maxRetries: options.maxRetries,
      logLevel: options.logLevel ?? logLevelFromEnv(environmentLogLevel()),
      logger: options.logger,
      hooks: options.hooks,
    });
    bind(this, session);
  }

  /**
   * A client with the same credentials and token provider (one token serves both) and these
   * defaults instead of this client's; `headers` are added to its headers. Checked like the
   * constructor's options.
   */
  withOptions(defaults: LasDefaults): Las {
    const checked: SessionDefaults = checkOptions('las.withOptions', defaults, LAS_DEFAULTS);
    const client = Object.create(Las.prototype) as Las;
    bind(client, (sessions.get(this) as Session).withDefaults(checked));
    return client;
  }
}

/** Gives `las` its collections over `session`. */
function bind(las: Las, session: Session): void {
  sessions.set(las, session);
  Object.assign(las, {
    appClients: new AppClients(session),
    assets: new Assets(session),
    batches: new Batches(session),
    datasets: new Datasets(session),
    documents: new Documents(session),
    logs: new Logs(session),
    models: new Models(session),
    organizations: new Organizations(session),
    predictions: new Predictions(session),
    secrets: new Secrets(session),
    transitions: new Transitions(session),
    users: new Users(session),
    workflows: new Workflows(session),
  } satisfies Omit<Las, 'withOptions'>);
}

// Explicit credentials without a fetch of their own request their tokens through the Las fetch,
// as credentials resolved from the environment or the file do.
function tokensVia(credentials: Credentials | AuthorizationCodeCredentials, fetch: typeof globalThis.fetch | undefined): TokenProvider {
  if (fetch === undefined || !(credentials instanceof Credentials)) return credentials;
  return { getAccessToken: async () => credentials[TOKEN_VIA](fetch), invalidate: (token) => credentials.invalidate(token) };
}
