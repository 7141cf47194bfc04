/** The workload of each figure, as the issue states it, and the targets it sets. */
import { PAGES, PAGE_SIZE } from './api-server.js';
import { MiB } from './stats.js';

export const CALLS = 2_000;
export const DOCUMENTS = PAGES * PAGE_SIZE;
export const PAGE_COUNT = PAGES;
export const IN_FLIGHT = 64;
export const UPLOAD_BYTES = 20 * MiB;
/** Measured rounds per figure (medians are taken over these), after WARMUP unmeasured rounds. */
export const ROUNDS = 7;
export const WARMUP = 1;
/** dataset.uploadDocuments(): files of `size` bytes, uploaded at each concurrency in `rounds` fresh processes. */
export const UPLOAD_DOCUMENTS = { files: 200, size: 256 * 1024, concurrency: [1, 4, 16], rounds: 2 } as const;
/** Profiles behind the notes on missed targets: rounds of each workload per side, the sides taking turns. */
export const STAGE_ROUNDS = 4;
/** Cold start is cheap per run and noisier: more runs. */
export const COLD_RUNS = 21;

export const TARGETS = {
  perCall: 1.15,
  listing: 1.25,
  concurrency: 0.9,
  tokenRequests: 1,
  uploadRss: 3,
  coldStart: 3,
  cliVersion: 3,
  emulatorWrite: 1.5,
  /** ky over the undici transport against ky over the global fetch: time per call, and throughput. */
  transportPerCall: 1.15,
  transportConcurrency: 1.2,
} as const;
