/**
 * Peak memory of a piece of work, above an after-GC baseline, in a process of its own (run with
 * --expose-gc). RSS is sampled every millisecond from a worker thread, so it is seen even while the
 * main thread is busy in one long synchronous call (base64, JSON.stringify); heapUsed can only be
 * read on the main thread: on a 1 ms timer plus wherever the work calls {@link MemorySampler.sample}.
 */
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';

export interface MemoryPeak {
  /** RSS after GC before the work, bytes. */
  baselineRss: number;
  /** heapUsed after GC before the work, bytes. */
  baselineHeap: number;
  /** Highest RSS seen during the work minus the baseline. */
  peakRss: number;
  /** Highest heapUsed seen during the work minus the baseline. */
  peakHeap: number;
}

const SAMPLER = `
const { workerData } = require('node:worker_threads');
const peak = new Float64Array(workerData.buffer);
const flag = new Int32Array(workerData.flag);
while (Atomics.load(flag, 0) === 0) {
  const rss = process.memoryUsage.rss();
  if (rss > peak[0]) peak[0] = rss;
  Atomics.wait(flag, 0, 0, 1);
}
`;

export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('memory figures need node --expose-gc');
  gc();
  gc();
}

export class MemorySampler {
  readonly #peakRss = new Float64Array(new SharedArrayBuffer(8));
  readonly #flag = new Int32Array(new SharedArrayBuffer(4));
  #worker: Worker | undefined;
  #timer: NodeJS.Timeout | undefined;
  #peakHeap = 0;
  #baselineRss = 0;
  #baselineHeap = 0;

  /** Starts the sampler thread (its own memory lands in the baseline), then takes the baseline. */
  async start(): Promise<void> {
    this.#worker = new Worker(SAMPLER, {
      eval: true,
      workerData: { buffer: this.#peakRss.buffer, flag: this.#flag.buffer },
    });
    await new Promise((resolve) => this.#worker!.once('online', resolve));
    await new Promise((resolve) => setTimeout(resolve, 20));
    collectGarbage();
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    const usage = process.memoryUsage();
    this.#baselineRss = usage.rss;
    this.#baselineHeap = usage.heapUsed;
    this.#peakRss[0] = usage.rss;
    this.#peakHeap = usage.heapUsed;
    this.#timer = setInterval(() => this.sample(), 1);
  }

  /** Records the current heap size. */
  sample(): void {
    const heap = getHeapStatistics().used_heap_size;
    if (heap > this.#peakHeap) this.#peakHeap = heap;
  }

  async stop(): Promise<MemoryPeak> {
    this.sample();
    clearInterval(this.#timer);
    Atomics.store(this.#flag, 0, 1);
    Atomics.notify(this.#flag, 0);
    await this.#worker?.terminate();
    return {
      baselineRss: this.#baselineRss,
      baselineHeap: this.#baselineHeap,
      peakRss: Math.max(0, this.#peakRss[0] - this.#baselineRss),
      peakHeap: Math.max(0, this.#peakHeap - this.#baselineHeap),
    };
  }
}
