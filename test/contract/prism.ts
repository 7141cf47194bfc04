import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { dirname, join } from 'node:path';

/** A running Prism mock server. */
export interface Prism {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** The last lines Prism printed (for failure messages). */
  output(): string;
  /** Stops Prism and waits for its process to exit. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartPrismOptions {
  /** Path of the OpenAPI document to serve. */
  spec: string;
  /** Seed of the dynamic (faker) answers, so a run is repeatable. Default 1. */
  seed?: number;
  /** How long to wait for the port to open. Default 45 000 ms. */
  timeout?: number;
}

const HOST = '127.0.0.1';
const OUTPUT_LINES = 40;

/**
 * Starts `prism mock --dynamic --seed N` on a free 127.0.0.1 port serving `spec`, and resolves
 * once the port accepts connections (Prism's log lines are not a stable contract; the port is).
 * On any failure the process is killed before the promise rejects: nothing is left running.
 */
export async function startPrism(options: StartPrismOptions): Promise<Prism> {
  const timeout = options.timeout ?? 45_000;
  const deadline = Date.now() + timeout;
  // A port found free can be taken before Prism binds it: try a few.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const prism = launch(options.spec, options.seed ?? 1, port);
    try {
      await waitForPort(prism.child, port, deadline);
      return prism.handle;
    } catch (error) {
      await prism.handle.stop();
      const inUse = /EADDRINUSE/.test(prism.handle.output());
      if (!inUse || attempt >= 3 || Date.now() >= deadline) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`Prism did not start on ${HOST}:${port}: ${reason}\n--- prism output ---\n${prism.handle.output()}`);
      }
    }
  }
}

function launch(spec: string, seed: number, port: number): { child: ChildProcess; handle: Prism } {
  // The CLI through node itself: npx would add a second process and a second of start-up.
  const child = spawn(process.execPath, [prismBin(), 'mock', '--dynamic', '--seed', String(seed), '-h', HOST, '-p', String(port), spec], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - OUTPUT_LINES));
  };
  // Always drained: a full pipe would stall Prism mid-request.
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('error', (error) => lines.push(`spawn error: ${error.message}`));

  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  // If the test process ends without afterAll (a crash), do not leave Prism behind.
  const onExit = () => child.kill('SIGKILL');
  process.once('exit', onExit);

  let stopping: Promise<void> | undefined;
  const handle: Prism = {
    url: `http://${HOST}:${port}`,
    output: () => lines.join('\n'),
    stop() {
      stopping ??= (async () => {
        process.removeListener('exit', onExit);
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const killed = setTimeout(() => child.kill('SIGKILL'), 3_000);
          await exited;
          clearTimeout(killed);
        }
        child.stdout?.destroy();
        child.stderr?.destroy();
      })();
      return stopping;
    },
  };
  return { child, handle };
}

/** The prism-cli entry point, from the installed package (the devDependency, not a global). */
function prismBin(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('@stoplight/prism-cli/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin.prism;
  return join(dirname(manifestPath), bin);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(child: ChildProcess, port: number, deadline: number): Promise<void> {
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`prism exited (${child.exitCode ?? child.signalCode}) before listening`);
    }
    if (await canConnect(port)) {
      // Something else may own the port: the connection only counts while our Prism still runs.
      if (child.exitCode === null && child.signalCode === null) return;
      continue;
    }
    if (Date.now() >= deadline) throw new Error('timed out waiting for the port');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

