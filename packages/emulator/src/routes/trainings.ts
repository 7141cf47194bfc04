/** Trainings of a model (2024-11-29): pending, running, succeeded on the emulator's clock. */
import type { Serving } from './kind-routes.js';

/** How trainings are served. */
export const trainings: Serving = { table: 'trainings' };
