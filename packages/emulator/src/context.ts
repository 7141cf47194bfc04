import type { ApiVersion } from 'las-sdk/api';
import type { Hooks } from './hooks.js';
import type { Store } from './store.js';
import type { WorkflowEngine } from './workflow-engine.js';

/** What every handler works with: the state, the engine that runs workflows over it, the API version served. */
export interface Context {
  /** The API version this emulator serves: the shapes of its answers and the ids it issues follow it. */
  readonly apiVersion: ApiVersion;
  readonly store: Store;
  readonly engine: WorkflowEngine;
  /** What a test emulator plugged in. */
  readonly hooks?: Hooks;
}
