/**
 * Simulated trainings (2024-11-29). A training is `pending` for {@link TRAINING_PENDING_MS}, then
 * `running` for {@link TRAINING_RUNNING_MS}, then `succeeded`, on the emulator's clock: its status
 * is read off the clock whenever it is shown, so a test moves it with `clock.advance`, a live
 * emulator gets there on its own, and a restart finds it where the time says. Cancelling takes it
 * off that schedule. What it learned (its `evaluation`) is made when it is created, from its id and
 * its model's fields, and shown once it has succeeded.
 */
import { createHash } from 'node:crypto';
import { isObject, type JsonObject } from './json.js';
import type { Row, Store } from './store.js';
import { epochMs, isoTime } from './time.js';

/** How long a new training waits for a machine: one minute. */
export const TRAINING_PENDING_MS = 60_000;
/** How long a training runs before it succeeds: one minute. */
export const TRAINING_RUNNING_MS = 60_000;

// GPUs of each instance type: gpuHours counts GPU time, not wall time.
const GPUS: Record<string, number> = { 'small-gpu': 1, 'medium-gpu': 2, 'large-gpu': 4 };

/** The statuses of a training on the schedule, in order; any other status is where it stays. */
const SCHEDULE = ['pending', 'running', 'succeeded'] as const;

/** Where a training is: its status and since when (epoch ms). */
export interface TrainingStage {
  readonly status: string;
  readonly since: number;
}

/** What a new training keeps beside its data: when it started, and what it will have learned. */
export function newTrainingHidden(trainingId: string, startedAt: number, fieldConfig: JsonObject): JsonObject {
  return { startedAt, evaluation: simulatedEvaluation(trainingId, fieldConfig) };
}

/** Where the training of `row` is at `now` (epoch ms). */
export function trainingStage(row: Row, now: number): TrainingStage {
  const startedAt = row.hidden.startedAt;
  if (typeof startedAt !== 'number') return { status: row.data.status as string, since: epochMs(row.data.updatedTime as string) };
  const runningAt = startedAt + TRAINING_PENDING_MS;
  const succeededAt = runningAt + TRAINING_RUNNING_MS;
  if (now >= succeededAt) return { status: SCHEDULE[2], since: succeededAt };
  if (now >= runningAt) return { status: SCHEDULE[1], since: runningAt };
  return { status: SCHEDULE[0], since: startedAt };
}

/** A training as the API shows it at the emulator's time: status, gpuHours and evaluation as of now. */
export function trainingView(store: Store, row: Row): JsonObject {
  const now = store.clock.now();
  const stage = trainingStage(row, now);
  const view: JsonObject = { ...row.data, status: stage.status };
  if (typeof row.hidden.startedAt !== 'number') return view;
  if (stage.since > epochMs(row.data.updatedTime as string)) view.updatedTime = isoTime(stage.since);
  view.gpuHours = gpuHours(row, now);
  if (stage.status === 'succeeded' && isObject(row.hidden.evaluation)) view.evaluation = row.hidden.evaluation;
  return view;
}

/** Takes a training off its schedule as `status` (cancelled) at `now`, keeping the GPU hours it used. */
export function stopTraining(row: Row, status: string, now: number): void {
  row.data.gpuHours = gpuHours(row, now);
  row.data.status = status;
  delete row.hidden.startedAt;
}

/** Whether a training is running now: what a model's `numberOfRunningTrainings` counts. */
export function isRunning(row: Row, now: number): boolean {
  return trainingStage(row, now).status === 'running';
}

// GPU hours used by `now`: null before it ran.
function gpuHours(row: Row, now: number): number | null {
  const startedAt = row.hidden.startedAt;
  if (typeof startedAt !== 'number') return row.data.gpuHours as number | null;
  const ran = Math.min(Math.max(0, now - startedAt - TRAINING_PENDING_MS), TRAINING_RUNNING_MS);
  if (ran === 0) return null;
  const gpus = GPUS[row.data.instanceType as string] ?? 1;
  return Math.round((ran / 3_600_000) * gpus * 10_000) / 10_000;
}

// Plausible accuracies (0.70 to 0.99) per field of the model, derived from the training's id.
function simulatedEvaluation(trainingId: string, fieldConfig: JsonObject): JsonObject {
  const fields = Object.keys(fieldConfig).map((label) => {
    const hash = createHash('sha256').update(`${trainingId}\0${label}`).digest();
    return [label, { accuracy: Math.round((0.7 + (hash.readUInt16BE(0) / 0xffff) * 0.29) * 100) / 100 }] as const;
  });
  const mean = fields.length === 0 ? 0 : fields.reduce((sum, [, field]) => sum + field.accuracy, 0) / fields.length;
  return { accuracy: Math.round(mean * 100) / 100, fields: Object.fromEntries(fields) };
}
