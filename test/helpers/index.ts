/**
 * The tests' one toolbox (as stripe-node's testUtils): the test client's credentials, the nock
 * lifecycle that fails a test leaving an interceptor unused (`useApiMock`), the scripted local
 * server (`startServer`), the API fixtures, `runNode()` and `thrown()`.
 */
export * from './api.js';
export * from './credentials.js';
export * from './fixtures.js';
export * from './process.js';
export * from './server.js';
export * from './thrown.js';
