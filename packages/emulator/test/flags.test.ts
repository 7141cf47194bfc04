/**
 * The emulator's flags, one list for its two front ends: the `las-emulator` bin here, `las emulator
 * start` in packages/cli/test/emulator.test.ts.
 */
import { EMULATOR_FLAGS, emulatorOptionsFromFlags, EmulatorFlagError } from '../src/flags.js';
import { killBins, spawnBin, startBin, stopBin } from './bin.js';

afterEach(killBins);

test('las-emulator --help lists every flag of the one list, the union of what both front ends took', async () => {
  const bin = spawnBin(['--help']);
  expect(await bin.exited).toBe(0);
  // The flags of serving; `exec`'s own follow its usage line.
  const serving = bin.output().split('Usage: las-emulator exec')[0];
  const listed = [...serving.matchAll(/^ {2}--([a-z-]+)/gm)].map((match) => match[1]);
  expect(listed).toEqual(EMULATOR_FLAGS.map((flag) => flag.name));
  expect(listed).toEqual(expect.arrayContaining(['port', 'host', 'data', 'client-id', 'client-secret', 'tls', 'cert', 'key', 'quiet']));
}, 60_000);

test('las-emulator --client-id and --client-secret are the credentials it prints', async () => {
  const bin = await startBin(['--port', '0', '--client-id', 'my-client', '--client-secret', 'my-secret', '--quiet']);
  expect({ id: bin.credentials.clientId, secret: bin.credentials.clientSecret }).toEqual({ id: 'my-client', secret: 'my-secret' });
  expect(await stopBin(bin)).toBe(0);
}, 60_000);

test.each([['--port', 'abc'], ['--port', '-1'], ['--port', '70000'], ['--cert', 'c.pem'], ['--no-such-flag']])('las-emulator %s ... exits 2 with its usage', async (...args) => {
  const bin = spawnBin(args);
  expect(await bin.exited).toBe(2);
  expect(bin.output()).toContain('Usage: las-emulator');
}, 60_000);

describe('emulatorOptionsFromFlags', () => {
  it('maps each flag to its option of startEmulator', () => {
    const values = { port: '8080', host: '0.0.0.0', data: '/d', 'client-id': 'i', 'client-secret': 's', tls: true, cert: 'c', key: 'k', quiet: true };
    expect(emulatorOptionsFromFlags(values)).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/d',
      clientId: 'i',
      clientSecret: 's',
      tls: true,
      certFile: 'c',
      keyFile: 'k',
      quiet: true,
    });
  });

  it('takes no flag as a free port in memory, logging requests', () => {
    expect(emulatorOptionsFromFlags({})).toEqual({ port: 0, tls: false, quiet: false });
  });

  it.each(['', ' 80', '1e3', '0x50', '65536', 'NaN'])('refuses --port %j with an EmulatorFlagError', (port) => {
    expect(() => emulatorOptionsFromFlags({ port })).toThrow(EmulatorFlagError);
  });
});
