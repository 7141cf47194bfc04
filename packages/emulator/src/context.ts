import type { Hooks } from './hooks.js';
import type { Store } from './store.js';
import type { WorkflowEngine } from './workflow-engine.js';

/** What every handler works with: the state, and the engine that runs workflows over it. */
export interface Context {
  readonly store: Store;
  readonly engine: WorkflowEngine;
  /** What a test emulator plugged in. */
  readonly hooks?: Hooks;
}
