/**
 * The command-line flags of the emulator, defined once: the `las-emulator` bin parses them with
 * node:util, `las emulator start` (las-cli) declares them to commander, and both turn the values
 * into options of `startEmulator` here. Its own subpath, `las-emulator/flags`, loads nothing else:
 * `las --help` lists the flags without loading the emulator.
 */
/**
 * The API versions the emulator serves: the one list, read by the bins and the testing kit
 * (testing/api-version.ts).
 */
export const SERVED_API_VERSIONS = ['2021-09-23', '2024-11-29'] as const;

/** One flag of `las-emulator` and `las emulator start`. */
export interface EmulatorFlag {
  /** Its name without the dashes: `port`, `client-id`. */
  readonly name: string;
  /** What its value is called in the help (`N`, `DIR`); absent for a switch. */
  readonly value?: string;
  /** Its help, one line. */
  readonly description: string;
}

/** Every flag both front ends of the emulator take, in the order their help lists them. */
export const EMULATOR_FLAGS: readonly EmulatorFlag[] = [
  { name: 'port', value: 'N', description: 'port to listen on (default 0: a free port)' },
  { name: 'host', value: 'HOST', description: 'interface to listen on (default 127.0.0.1)' },
  {
    name: 'data',
    value: 'DIR',
    description: 'keep the state in DIR: every answered change survives a restart, or a crash (default: in memory); one emulator at a time per DIR',
  },
  { name: 'client-id', value: 'ID', description: "client id of the emulator's app client (default: random, or the one kept in DIR)" },
  { name: 'client-secret', value: 'SECRET', description: 'its client secret (default: random, or the one kept in DIR)' },
  {
    name: 'tls',
    description:
      "serve HTTPS, as the service's own clients expect, with a certificate for 127.0.0.1/localhost from a local authority " +
      'made at the first start (kept in DIR); prints the lines that make Node and Python trust it',
  },
  { name: 'cert', value: 'FILE', description: 'with --tls: serve this PEM certificate (chain) instead; clients trust FILE' },
  { name: 'key', value: 'FILE', description: 'with --tls: the PEM private key of --cert' },
  { name: 'quiet', description: 'do not print a line per request' },
  { name: 'api-version', value: 'V', description: `the API version to serve: ${SERVED_API_VERSIONS.join(' | ')} (default 2021-09-23; a DIR keeps the one it was made with)` },
];

/** The values given on a command line, by flag name: text for a flag with a value, `true` for a switch. */
export type EmulatorFlagValues = Readonly<Partial<Record<string, string | boolean>>>;

/** A flag's value that does not fit; the front ends show its message with their usage and exit 2. */
export class EmulatorFlagError extends Error {
  /** `'EmulatorFlagError'`. */
  override name = 'EmulatorFlagError';
}

/**
 * What the flags ask for: options of `startEmulator` (each as `EmulatorOptions` documents it), and
 * whether to log requests. Its own type, not imported: index.ts exports this module.
 */
export interface EmulatorFlagOptions {
  /** `--port`. */
  port: number;
  /** `--host`. */
  host?: string;
  /** `--data`. */
  dataDir?: string;
  /** `--client-id`. */
  clientId?: string;
  /** `--client-secret`. */
  clientSecret?: string;
  /** `--tls`. */
  tls: boolean;
  /** `--cert`. */
  certFile?: string;
  /** `--key`. */
  keyFile?: string;
  /** `--quiet`: no line per request. */
  quiet: boolean;
  /** `--api-version`: the version asked for (only one of {@link SERVED_API_VERSIONS}). */
  apiVersion?: (typeof SERVED_API_VERSIONS)[number];
}

/** Reads the flags' values (see {@link EMULATOR_FLAGS}); an {@link EmulatorFlagError} when one does not fit. */
export function emulatorOptionsFromFlags(values: EmulatorFlagValues): EmulatorFlagOptions {
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const port = text('port') === undefined ? 0 : Number(text('port'));
  if (!/^\d+$/.test(text('port') ?? '0') || port > 65535) {
    throw new EmulatorFlagError(`--port must be a port number (0 to 65535), got ${JSON.stringify(text('port'))}`);
  }
  const tls = values.tls === true;
  if (!tls && (text('cert') !== undefined || text('key') !== undefined)) throw new EmulatorFlagError('--cert and --key are served only with --tls');
  const apiVersion = text('api-version');
  if (apiVersion !== undefined && !(SERVED_API_VERSIONS as readonly string[]).includes(apiVersion)) {
    throw new EmulatorFlagError(`--api-version must be one of ${SERVED_API_VERSIONS.join(', ')}, got ${JSON.stringify(apiVersion)}`);
  }
  return {
    port,
    host: text('host'),
    dataDir: text('data'),
    clientId: text('client-id'),
    clientSecret: text('client-secret'),
    tls,
    certFile: text('cert'),
    keyFile: text('key'),
    quiet: values.quiet === true,
    ...(apiVersion !== undefined && { apiVersion: apiVersion as EmulatorFlagOptions['apiVersion'] }),
  };
}

/** The flags as a help lists them: `  --port N    port to listen on ...`, one a line. */
export function emulatorFlagsHelp(): string {
  const spec = (flag: EmulatorFlag) => `--${flag.name}${flag.value ? ` ${flag.value}` : ''}`;
  const width = Math.max(...EMULATOR_FLAGS.map((flag) => spec(flag).length)) + 2;
  return EMULATOR_FLAGS.map((flag) => `  ${spec(flag).padEnd(width)}${flag.description}`).join('\n');
}
