import { DEFAULT_API_VERSION, SERVICE_API_VERSION, isServiceEndpoint, takesApiKey, versionProblem, type ApiVersion } from './api/versions/index.js';
import { AuthorizationCodeCredentials } from './auth/authorization-code.js';
import { Credentials, TOKEN_VIA } from './auth/credentials.js';
import { defaultCredentials, environmentLogLevel } from '#platform/environment.js';
import { proxyTransport } from '#platform/transport.js';
import type { TokenProvider } from './auth/token-provider.js';
import { ValidationError } from './errors.js';
import { logLevelFromEnv, type Logger, type LogLevel, type RequestHooks } from './http/log.js';
import { JsonBytes } from './http/document-body.js';
import { Session, type Method, type SessionDefaults } from './http/session.js';
import { isPlainObject } from './schema/index.js';
import { checkOptions, option, type OptionCheck } from './options.js';
import { AppClients } from './resources/app-clients.js';
import { Assets } from './resources/assets.js';
import { Batches } from './resources/batches.js';
import { Datasets } from './resources/datasets.js';
import { DeploymentEnvironments } from './resources/deployment-environments.js';
import { Documents } from './resources/documents.js';
import { Logs } from './resources/logs.js';
import { Models } from './resources/models.js';
import { Organizations } from './resources/organizations.js';
import { PaymentMethods } from './resources/payment-methods.js';
import { Plans } from './resources/plans.js';
import { Predictions } from './resources/predictions.js';
import { Profiles } from './resources/profiles.js';
import { Roles } from './resources/roles.js';
import { Secrets } from './resources/secrets.js';
import { Transitions } from './resources/transitions.js';
import { Users } from './resources/users.js';
import { Workflows } from './resources/workflows.js';

/** Options of {@link Las}; `V`, the API version, is what `apiVersion` names (see {@link Las} for what it does to the client's type). */
export interface LasOptions<V extends ApiVersion = ApiVersion> {
  /** Explicit credentials (an app client's, or a person's sign-in); otherwise resolved from the environment, then the credentials file. */
  credentials?: Credentials | AuthorizationCodeCredentials;
  /** Section of the credentials file to use. Default `default`. */
  profile?: string;
  /** Any source of bearer tokens; replaces the credentials' own token requests. */
  tokenProvider?: TokenProvider;
  /** API base URL; overrides the credentials' `apiEndpoint`. */
  apiEndpoint?: string;
  /**
   * The API version the client speaks: `2021-09-23` (the seed SDK's) or `2024-11-29` (the
   * service's today). Default: the credentials' (`LAS_API_VERSION`, `api_version` in the
   * credentials file), else `2021-09-23`. Each call is checked against it before it is sent.
   */
  apiVersion?: V;
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

/** What {@link LasClient.withOptions} may change: a client's defaults, not its credentials. */
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
  apiVersion: option.apiVersion,
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

// The collections of a client, one per property of LasCollections: a Batches for `batches`, ...
// The compiler insists each property has its class; bind() builds them in this order.
const COLLECTIONS = {
  appClients: AppClients,
  assets: Assets,
  batches: Batches,
  datasets: Datasets,
  deploymentEnvironments: DeploymentEnvironments,
  documents: Documents,
  logs: Logs,
  models: Models,
  organizations: Organizations,
  paymentMethods: PaymentMethods,
  plans: Plans,
  predictions: Predictions,
  profiles: Profiles,
  roles: Roles,
  secrets: Secrets,
  transitions: Transitions,
  users: Users,
  workflows: Workflows,
} satisfies { [K in keyof EveryCollection]-?: new (session: Session) => EveryCollection[K] };
type EveryCollection = LasCollections<ApiVersion> & Collections2021 & Collections2024;

/**
 * The collections of a client of API version `V`, each over its session. Both versions have
 * these; {@link Collections2021} and {@link Collections2024} hold those of one version alone.
 */
export interface LasCollections<V extends ApiVersion> {
  /** App clients: `las.appClients.create()`, ... */
  readonly appClients: AppClients;
  /** Assets: files transitions use. */
  readonly assets: Assets;
  /** Datasets of documents to train on. */
  readonly datasets: Datasets;
  /** Documents: pdfs and images. */
  readonly documents: Documents<V>;
  /** Logs of transition executions. */
  readonly logs: Logs;
  /** Models, with their data bundles. */
  readonly models: Models<V>;
  /** The organization. */
  readonly organizations: Organizations;
  /** Predictions of models on documents. */
  readonly predictions: Predictions;
  /** Secrets for transitions. */
  readonly secrets: Secrets;
  /** Transitions (workflow steps), with their executions. */
  readonly transitions: Transitions<V>;
  /** Users of the organization. */
  readonly users: Users<V>;
  /** Workflows, with their executions. */
  readonly workflows: Workflows;
}

/** The collections only API version 2021-09-23 has: not in the type of a `Las<'2024-11-29'>`. */
export interface Collections2021 {
  /** Batches of documents (removed from the service on 2021-10-12: group documents by dataset). */
  readonly batches: Batches;
}

/** The collections only API version 2024-11-29 has. */
export interface Collections2024 {
  /** Deployment environments: where trained models run (2024-11-29). */
  readonly deploymentEnvironments: DeploymentEnvironments;
  /** Payment methods of the organization (2024-11-29). */
  readonly paymentMethods: PaymentMethods;
  /** Plans the service offers (2024-11-29). */
  readonly plans: Plans;
  /** People's profiles (2024-11-29). */
  readonly profiles: Profiles;
  /** Roles: what users and app clients may do (2024-11-29). */
  readonly roles: Roles;
}

/** What every client has, whatever its API version: its version, `withOptions`, and the collections of both versions. */
export interface LasClient<V extends ApiVersion> extends LasCollections<V> {
  /** The API version this client speaks; every call is checked against it before it is sent. */
  readonly apiVersion: [V] extends ['2024-11-29'] ? V : ApiVersion;
  /**
   * A client with the same credentials and token provider (one token serves both) and these
   * defaults instead of this client's; `headers` are added to its headers. Checked like the
   * constructor's options.
   */
  withOptions(defaults: LasDefaults): Las<V>;
}

/**
 * The LAS client: one shared session and a collection per kind of entity. Its type follows the API
 * version chosen in code: `new Las({ apiVersion: '2024-11-29' })` is a `Las<'2024-11-29'>`, whose
 * type has only that version's collections and option fields (no `batches`, no `width` on
 * `models.create`). A `Las` (`Las<'2021-09-23'>`, what `new Las()` is: the environment or the
 * credentials file may choose the version at run time) has every call of both versions in its
 * type. Whatever the type, every call is checked against the client's version before it is sent.
 */
export type Las<V extends ApiVersion = '2021-09-23'> = LasClient<V> & ([V] extends ['2024-11-29'] ? Collections2024 : Collections2021 & Collections2024);

/** The constructor of {@link Las}: `new Las(options)`. */
export interface LasConstructor {
  /**
   * Resolves credentials (explicit, then `LAS_*` environment variables, then
   * `~/.lucidtech/credentials.cfg`) and builds the session every collection shares. Unknown or
   * invalid options are refused with a {@link ValidationError} naming the option.
   */
  new <V extends ApiVersion = '2021-09-23'>(options?: LasOptions<V>): Las<V>;
}

// The session of each client, out of sight (JSON.stringify(las), console.log(las)).
const sessions = new WeakMap<object, Session>();
// Loggers already told that the service speaks another version than the default: once each.
const warnedLoggers = new WeakSet<object>();

/**
 * The LAS client: `new Las(options)` (see {@link LasConstructor}). Its collections are set on each
 * instance by `bind()`; its type is the type {@link Las}.
 */
// A class expression named Las (the name util.inspect shows), typed as the generic constructor.
export const Las = class Las {
  declare readonly apiVersion: ApiVersion;

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
    const chosenVersion = options.apiVersion ?? (credentials instanceof Credentials ? credentials.apiVersion : undefined);
    const apiVersion = chosenVersion ?? DEFAULT_API_VERSION;
    const apiEndpoint = (options.apiEndpoint ?? credentials?.apiEndpoint) as string;
    const logLevel = options.logLevel ?? logLevelFromEnv(environmentLogLevel());
    const session = new Session({
      apiEndpoint,
      apiKey: credentials instanceof Credentials && takesApiKey(apiVersion) ? credentials.apiKey : undefined,
      checkRequest: versionCheck(apiVersion),
      apiVersion,
      tokenProvider: options.tokenProvider ?? tokensVia(credentials as Credentials | AuthorizationCodeCredentials, fetch),
      fetch,
      timeout: options.timeout,
      totalTimeout: options.totalTimeout,
      maxRetries: options.maxRetries,
      logLevel,
      logger: options.logger,
      hooks: options.hooks,
    });
    // A logger that does not log warnings is not counted as told: a later client may log to it at `warn`.
    const warns = logLevel === undefined || logLevel === 'debug' || logLevel === 'info' || logLevel === 'warn';
    if (chosenVersion === undefined && warns && isServiceEndpoint(apiEndpoint)) warnOfDefaultVersion(session, options.logger ?? console);
    bind(this, session, apiVersion);
  }

  withOptions(defaults: LasDefaults): object {
    const checked: SessionDefaults = checkOptions('las.withOptions', defaults, LAS_DEFAULTS);
    const client = Object.create(Las.prototype) as object;
    bind(client, (sessions.get(this) as Session).withDefaults(checked), this.apiVersion);
    return client;
  }
} as unknown as LasConstructor;

/** Gives `las` its version and its collections over `session`: one of each of {@link COLLECTIONS}. */
function bind(las: object, session: Session, apiVersion: ApiVersion): void {
  sessions.set(las, session);
  // Read-only: the session's check was built for this version, so changing it could only mislead.
  Object.defineProperty(las, 'apiVersion', { value: apiVersion, enumerable: true });
  Object.assign(las, Object.fromEntries(Object.entries(COLLECTIONS).map(([name, cls]) => [name, new cls(session)])));
}

/**
 * The check of every request against `version` (see src/api/versions): a call, body field or
 * enum value only the other version has is a {@link ValidationError}, and nothing is sent.
 */
function versionCheck(version: ApiVersion): (method: Method, path: string, body: unknown) => void {
  return (method, path, body) => {
    const fields = body instanceof JsonBytes ? body.fields : body;
    const problem = versionProblem(version, { method, path, body: isPlainObject(fields) ? fields : undefined });
    if (problem) throw new ValidationError(`${problem} (this client speaks API version ${version}: see the apiVersion option of new Las); nothing was sent`);
  };
}

/** Tells, once per logger, that the client speaks the seed's version to a service that speaks another by now. */
function warnOfDefaultVersion(session: Session, logger: object): void {
  if (warnedLoggers.has(logger)) return;
  warnedLoggers.add(logger);
  session.telemetry.warn(
    `las-sdk: no API version was chosen, so this client speaks ${DEFAULT_API_VERSION} (the seed SDK's); the service speaks ${SERVICE_API_VERSION} today. ` +
      `Choose one with new Las({ apiVersion }), LAS_API_VERSION or api_version in the credentials file (see "Which API version" in the README).`,
  );
}

// Explicit credentials without a fetch of their own request their tokens through the Las fetch,
// as credentials resolved from the environment or the file do.
function tokensVia(credentials: Credentials | AuthorizationCodeCredentials, fetch: typeof globalThis.fetch | undefined): TokenProvider {
  if (fetch === undefined || !(credentials instanceof Credentials)) return credentials;
  return { getAccessToken: async () => credentials[TOKEN_VIA](fetch), invalidate: (token) => credentials.invalidate(token) };
}
