/**
 * Run as `node --import tsx test/layers/record-modules.mjs <module>`: imports `<module>` (a path
 * from the repository root) and prints, as one JSON line, the URL of every module loaded on the way.
 * A module hook sees each ESM load; the hook thread answers a last message after all the URLs it
 * sent, so none is missed.
 */
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';

const hooks = `
let port;
export function initialize(data) {
  port = data.port;
  port.on('message', () => port.postMessage({ done: true }));
}
export async function load(url, context, next) {
  port.postMessage({ url });
  return next(url, context);
}`;

const { port1, port2 } = new MessageChannel();
const urls = [];
const done = new Promise((resolve) => {
  port1.on('message', (message) => (message.done ? resolve() : urls.push(message.url)));
});
register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { port: port2 }, transferList: [port2] });
await import(pathToFileURL(process.argv[2]).href);
port1.postMessage('flush');
await done;
port1.close();
process.stdout.write(`${JSON.stringify(urls)}\n`);
