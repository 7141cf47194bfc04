/** The streams and environment a run of the CLI works with: the process's, or a test's. */

/** A stream the CLI writes to; `isTTY` and `columns` as a terminal's stream has them. */
export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** What {@link run} reads and writes. */
export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  /** Read for JSON arguments given as `-`. */
  stdin: NodeJS.ReadableStream;
  /** Environment: credentials (`LAS_*`), `HOME` for the upload manifests. */
  env: Record<string, string | undefined>;
  /** Aborted on Ctrl+C or SIGTERM: long jobs stop taking work and report what they finished. */
  signal?: AbortSignal;
}

/** Reads a whole stream as UTF-8 text. */
export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer | string>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
