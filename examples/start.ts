/**
 * `npm start [-- --api-version V]`: the quickstart of API version V, the seed's (2021-09-23,
 * examples/quickstart.ts) unless told otherwise, or the service's today (2024-11-29,
 * examples/quickstart-2024.ts).
 */
import { parseArgs } from 'node:util';

const QUICKSTARTS: Record<string, string> = {
  '2021-09-23': './quickstart.js',
  '2024-11-29': './quickstart-2024.js',
};

let version: string | undefined;
try {
  version = parseArgs({ options: { 'api-version': { type: 'string' } } }).values['api-version'];
} catch (error) {
  version = `(${error instanceof Error ? error.message : String(error)})`;
}
const quickstart = QUICKSTARTS[version ?? '2021-09-23'];
if (quickstart === undefined || !Object.hasOwn(QUICKSTARTS, version ?? '2021-09-23')) {
  console.error(`npm start: give --api-version ${Object.keys(QUICKSTARTS).join(' or ')}, or nothing (got ${version})`);
  process.exit(2);
}
await import(quickstart);
