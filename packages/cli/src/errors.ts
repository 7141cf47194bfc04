/**
 * How a run ends: each failure becomes an exit code and one line on stderr (docs/cli.md "Exit codes").
 * Imports only the SDK's errors module, which imports nothing, so start-up stays light.
 */
import { ApiError, ContentError, LasError, ValidationError, WaitAbortedError, describeError } from 'las-sdk/errors';

/** Exit codes of `las`. */
export const EXIT = { ok: 0, refused: 1, usage: 2, timedOut: 124, interrupted: 130 } as const;

/** The command line itself is wrong: a malformed JSON argument, an unreadable file, a bad KEY=VALUE. Exit 2. */
export class UsageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UsageError';
  }
}

/** A run stopped by Ctrl+C or SIGTERM. Exit 130. */
export class InterruptedError extends Error {
  /** The signal's name, `SIGINT` for Ctrl+C. */
  readonly by: string;

  constructor(by = 'SIGINT') {
    super(`stopped by ${by}`);
    this.name = 'InterruptedError';
    this.by = by;
  }
}

/** Ends a run with `code` after the command has printed what it had to say (e.g. a failed upload's summary). */
export class ExitCode extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
    this.name = 'ExitCode';
  }
}

/** The exit code and the lines on stderr for anything a command threw (the SDK's messages name ids as typed). */
export function describeFailure(error: unknown, verbosity: number): { code: number; lines: string[] } {
  if (error instanceof ExitCode) return { code: error.code, lines: [] };
  const stack = verbosity >= 2 && error instanceof Error && error.stack ? [error.stack] : [];
  if (error instanceof UsageError) return { code: EXIT.usage, lines: [`las: ${error.message}`, ...stack] };
  if (error instanceof InterruptedError || error instanceof WaitAbortedError) {
    return { code: EXIT.interrupted, lines: [`las: ${error.message}`, ...stack] };
  }
  // A bad id or option, or content that cannot be read, is the caller's to fix, as a usage error is.
  if (error instanceof ValidationError || error instanceof ContentError) {
    return { code: EXIT.usage, lines: [`las: ${error.name}: ${error.message}`, ...stack] };
  }
  if (error instanceof ApiError) {
    const id = error.requestId ? ` (request id ${error.requestId})` : '';
    return { code: EXIT.refused, lines: [`las: ${error.name} ${error.status}: ${error.message}${id}`, ...stack] };
  }
  if (error instanceof LasError) return { code: EXIT.refused, lines: [`las: ${error.name}: ${oneLine(error.message)}`, ...stack] };
  const name = error instanceof Error ? `${error.name}: ` : '';
  return { code: EXIT.refused, lines: [`las: ${name}${oneLine(describeError(error))}`, ...stack] };
}

// MissingCredentialsError lists every source it tried, a line each: keep them on one line.
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, '; ');
}
