/** What a started emulator prints: where it listens, and its credentials as `export` lines a shell can eval. */
import type { Emulator } from './index.js';

/** The lines `las-emulator` and `las emulator start` print once the emulator listens. */
export function emulatorBanner(emulator: Emulator): string {
  const { credentials } = emulator;
  return [
    `LAS emulator listening on ${emulator.url} (predictions are simulated)`,
    `  API endpoint:   ${emulator.apiEndpoint}`,
    `  Token endpoint: POST ${emulator.url}/token`,
    `  Organization:   ${emulator.organizationId}`,
    `  State:          ${emulator.dataDir ?? 'in memory (pass --data DIR to keep it)'}`,
    '',
    'Credentials (eval these in a shell, or pass them to new Credentials()):',
    `export LAS_CLIENT_ID=${credentials.clientId}`,
    `export LAS_CLIENT_SECRET=${credentials.clientSecret}`,
    `export LAS_AUTH_ENDPOINT=${credentials.authEndpoint}`,
    `export LAS_API_ENDPOINT=${credentials.apiEndpoint}`,
    '',
    'Press Ctrl+C to stop.',
  ].join('\n');
}
