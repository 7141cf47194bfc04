/** The parts of a running emulator that a test emulator (testing/) works with, by emulator. */
import type { Context } from './context.js';
import type { Hooks } from './hooks.js';

/** One emulator's parts: what its handlers work with. */
export interface Internals extends Context {
  /** Empty until a test emulator fills them. */
  readonly hooks: Hooks;
}

/** The parts of each emulator `startEmulator` made (keyed by the `Emulator` it answered). */
export const internals = new WeakMap<object, Internals>();
