// Child process: serves the fake API, reports its URL over IPC, stops when told or orphaned.
import { startServer } from '../lib/api-server.js';

const { server, url } = await startServer();
const stop = () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.on('message', (message) => {
  if (message === 'stop') stop();
});
process.on('disconnect', stop);
process.send?.({ url });
