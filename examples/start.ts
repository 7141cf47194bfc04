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
const USAGE = `npm start [-- --api-version ${Object.keys(QUICKSTARTS).join(' | ')}]`;

let version: string;
try {
  version = parseArgs({ options: { 'api-version': { type: 'string', default: '2021-09-23' } } }).values['api-version'];
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\nUsage: ${USAGE}`);
  process.exit(2);
}
if (!Object.hasOwn(QUICKSTARTS, version)) {
  console.error(`There is no quickstart of API version ${JSON.stringify(version)}.\nUsage: ${USAGE}`);
  process.exit(2);
}
await import(QUICKSTARTS[version]);
