/** The testing kit: `testEmulator()` and what it takes and answers. */
export { testEmulator, type TestClock, type TestEmulator, type TestEmulatorOptions } from './test-emulator.js';
export type { FailOptions } from './faults.js';
export type { PredictionScript, ScriptedDocument, ScriptedField } from './predict-with.js';
export { ELIDED, type RecordedRequest } from './requests.js';
export type {
  SeedAppClient,
  SeedDataBundle,
  SeedDataset,
  SeedDocument,
  SeededIds,
  SeedModel,
  SeedSecret,
  SeedSpec,
  SeedTransition,
  SeedUser,
  SeedWorkflow,
} from './seed.js';
