/**
 * Progress of a long job on stderr, drawn by cli-progress: a bar redrawn in place on a terminal,
 * one plain line every few seconds (and at the end) otherwise, never an escape code then.
 */
import type { OutStream } from './io.js';

/** Numbers a job reports after each item. */
export interface ProgressState {
  done: number;
  failed: number;
  bytes: number;
}

/** A running display; {@link Progress.stop} draws the last state and lets the process go. */
export interface Progress {
  update(state: ProgressState): void;
  stop(): void;
}

/** Seconds between plain lines when stderr is not a terminal. */
export const PLAIN_LINE_INTERVAL_MS = 3000;

/** Starts a display of `total` items called `unit` (e.g. "files") on `stream`. */
export type StartProgress = (stream: OutStream, total: number, unit: string) => Progress;

/** Loads the progress library (only long jobs need it) and returns {@link StartProgress}. */
export async function loadProgress(): Promise<StartProgress> {
  const { SingleBar } = (await import('cli-progress')).default;
  return (stream, total, unit) => start(SingleBar, stream, total, unit);
}

function start(SingleBar: typeof import('cli-progress').SingleBar, stream: OutStream, total: number, unit: string): Progress {
  const tty = stream.isTTY === true;
  const fields = `{value}/{total} ${unit}  {size}  {rate}/s  ETA {eta_formatted}  {failed} failed`;
  const bar = new SingleBar({
    stream: stream as unknown as NodeJS.WritableStream,
    format: tty ? `{bar} ${fields}` : fields,
    noTTYOutput: true,
    notTTYSchedule: PLAIN_LINE_INTERVAL_MS,
    // The CLI handles Ctrl+C itself: the bar must not stop on it behind the job's back.
    gracefulExit: false,
    etaBuffer: 50,
    barsize: 30,
  });
  const started = performance.now();
  const payload = (state: ProgressState) => ({
    failed: state.failed,
    size: formatBytes(state.bytes),
    rate: (state.done / Math.max((performance.now() - started) / 1000, 0.001)).toFixed(1),
  });
  bar.start(total, 0, payload({ done: 0, failed: 0, bytes: 0 }));
  return {
    update: (state) => bar.update(state.done, payload(state)),
    stop: () => bar.stop(),
  };
}

/** `1.5 MiB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
