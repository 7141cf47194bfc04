/**
 * `run(argv, io)`: one run of `las`, in process. The bin calls it with the process's streams;
 * tests call it with their own. Resolves to the exit code (docs/cli.md "Exit codes").
 */
import { CommanderError } from 'commander';
import { EXIT, describeFailure } from './errors.js';
import type { CliIo } from './io.js';
import { buildProgram } from './program.js';
import type { App } from './define.js';

export type { CliIo, OutStream } from './io.js';

/** Runs `las` with `argv` (without node and the script) and returns its exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const app: App = { io };
  const program = buildProgram(app);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    // commander has printed its one line already (unknown option, missing argument, ...), or the help.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const { code, lines } = describeFailure(error, app.context?.globals.verbose ?? 0);
    for (const line of lines) io.stderr.write(`${line}\n`);
    return code;
  }
}
