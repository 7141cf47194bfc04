/** The parts of a running emulator that a test emulator (testing/) works with, by emulator. */
import type { Hooks } from './hooks.js';
import type { Store } from './store.js';
import type { WorkflowEngine } from './workflow-engine.js';

/** One emulator's parts. */
export interface Internals {
  readonly store: Store;
  readonly engine: WorkflowEngine;
  /** Empty until a test emulator fills them. */
  readonly hooks: Hooks;
}

/** The parts of each emulator `startEmulator` made (keyed by the `Emulator` it answered). */
export const internals = new WeakMap<object, Internals>();
