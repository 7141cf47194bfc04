/** `las emulator start`: the local LAS emulator, as `las-emulator` serves it. */
import type { Command } from 'commander';
import { EMULATOR_FLAGS, EmulatorFlagError, emulatorOptionsFromFlags, type EmulatorFlagValues } from 'las-emulator/flags';
import { group, leaf, run, type App, type Opts } from '../define.js';
import { UsageError } from '../errors.js';

/** Adds `las emulator`. */
export function registerEmulator(program: Command, app: App): void {
  const g = group(program, 'emulator', 'The local LAS emulator, for trying things out and for tests');

  // Its own --api-version (the version to serve) stands in for the global one.
  const start = leaf(g, 'start', 'Serve the emulator until Ctrl+C; prints export LAS_... lines to eval in another shell (request lines go to stderr)', ['apiVersion']);
  // The flags of the las-emulator bin, from the one list of them.
  for (const flag of EMULATOR_FLAGS) start.option(flag.value === undefined ? `--${flag.name}` : `--${flag.name} <${flag.value.toLowerCase()}>`, flag.description);
  start.action(run(app, async (c, _, o) => {
    const { quiet, ...options } = emulatorOptions(o);
    const { startEmulator, emulatorBanner } = await import('las-emulator');
    const emulator = await startEmulator({ ...options, log: quiet ? undefined : (line) => c.note(line) });
    c.io.stdout.write(`${emulatorBanner(emulator)}\n`);
    const signal = c.signal;
    await new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true }));
    await emulator.close();
    c.note('LAS emulator stopped');
  }));
}

/** The emulator's options from commander's values (`clientId` for `--client-id`); a bad one is a usage error. */
function emulatorOptions(o: Opts): ReturnType<typeof emulatorOptionsFromFlags> {
  const values: EmulatorFlagValues = Object.fromEntries(EMULATOR_FLAGS.map((flag) => [flag.name, o[flag.name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())]]));
  try {
    return emulatorOptionsFromFlags(values);
  } catch (error) {
    if (error instanceof EmulatorFlagError) throw new UsageError(error.message);
    throw error;
  }
}
