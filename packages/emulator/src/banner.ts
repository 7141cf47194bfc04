/** What a started emulator prints: where it listens, and its credentials as `export` lines a shell can eval. */
import type { Credentials } from 'las-sdk';

/** What the banner shows of a running emulator: an `Emulator` (not imported: index.ts exports the banner). */
export interface BannerSource {
  /** The auth endpoint's URL. */
  readonly url: string;
  /** The API's base URL. */
  readonly apiEndpoint: string;
  /** The organization served. */
  readonly organizationId: string;
  /** Where the state is kept, when persisted. */
  readonly dataDir: string | undefined;
  /** With TLS: the certificate file clients trust. */
  readonly caFile: string | undefined;
  /** The API version served: clients must speak it. */
  readonly apiVersion: string;
  /** The credentials handed out. */
  readonly credentials: Pick<Credentials, 'clientId' | 'clientSecret' | 'authEndpoint'>;
}

/** Stands in for the api key older clients of the service insist on; the emulator never checks it. */
export const PLACEHOLDER_API_KEY = 'ignored-by-the-emulator';

/** The lines `las-emulator` and `las emulator start` print once the emulator listens. */
export function emulatorBanner(emulator: BannerSource): string {
  const { credentials, caFile } = emulator;
  return [
    `LAS emulator listening on ${emulator.url} (predictions are simulated)`,
    `  API endpoint:   ${emulator.apiEndpoint}`,
    `  Token endpoint: POST ${emulator.url}/token`,
    `  API version:    ${emulator.apiVersion}`,
    `  Organization:   ${emulator.organizationId}`,
    `  State:          ${emulator.dataDir ?? 'in memory (pass --data DIR to keep it)'}`,
    ...(caFile === undefined ? [] : [`  Certificate:    ${caFile} (what clients trust)`]),
    '',
    'Credentials (eval these in a shell, or pass them to new Credentials()):',
    exportLine('LAS_CLIENT_ID', credentials.clientId),
    exportLine('LAS_CLIENT_SECRET', credentials.clientSecret),
    ...(caFile === undefined ? plainAuth(emulator) : tlsLines(emulator, caFile)),
    exportLine('LAS_API_VERSION', emulator.apiVersion),
    '',
    'Press Ctrl+C to stop.',
  ].join('\n');
}

function plainAuth(emulator: BannerSource): string[] {
  return [exportLine('LAS_AUTH_ENDPOINT', emulator.credentials.authEndpoint), exportLine('LAS_API_ENDPOINT', emulator.apiEndpoint)];
}

// The service's clients build `https://{auth endpoint}/token` from a bare host; las-sdk takes that form too.
function tlsLines(emulator: BannerSource, caFile: string): string[] {
  return [
    exportLine('LAS_AUTH_ENDPOINT', new URL(emulator.url).host),
    exportLine('LAS_API_ENDPOINT', emulator.apiEndpoint),
    '# A placeholder: older clients refuse to start without an api key; the emulator ignores it.',
    exportLine('LAS_API_KEY', PLACEHOLDER_API_KEY),
    '# Trust the emulator\'s certificate: Node (read when a process starts) and Python requests.',
    exportLine('NODE_EXTRA_CA_CERTS', caFile),
    exportLine('REQUESTS_CA_BUNDLE', caFile),
  ];
}

// Quoted for the shell only when needed (a path with a space), so the usual lines stay plain.
function exportLine(name: string, value: string): string {
  return `export ${name}=${/^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`}`;
}
