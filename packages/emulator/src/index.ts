/**
 * A local server that behaves like the LAS API: the token endpoint, every operation of the
 * spec with the service's validation and errors, state in memory or in a data directory, and
 * workflows run by an ASL interpreter. Predictions are simulated (see predictions.ts).
 *
 * ```ts
 * import { Las } from 'las-sdk';
 * import { startEmulator } from 'las-emulator';
 * const emu = await startEmulator();
 * const las = new Las({ credentials: emu.credentials });
 * await emu.close();
 * ```
 */
export { emulatorBanner, type BannerSource } from './banner.js';
export {
  EMULATOR_FLAGS,
  EmulatorFlagError,
  emulatorFlagsHelp,
  emulatorOptionsFromFlags,
  type EmulatorFlag,
  type EmulatorFlagOptions,
  type EmulatorFlagValues,
} from './flags.js';
export { DataDirInUseError } from './data-lock.js';
export { API_BASE_PATH, startEmulator, type Emulator, type EmulatorOptions } from './start.js';
export * from './testing/index.js';
