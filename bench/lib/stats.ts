/** Small statistics and formatting helpers shared by the runner and the figure processes. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Rounds to `digits` significant decimals for results.json: stable diffs, no float noise. */
export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export const MiB = 1024 * 1024;

export function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

export function mib(bytes: number): string {
  return `${(bytes / MiB).toFixed(1)} MiB`;
}

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** What {@link interleave} measured, in ms: per round (sum of its blocks), and every block. */
export interface Interleaved<S extends string> {
  rounds: Record<S, number[]>;
  /** blocks[side][i]: the i-th measured block; the same i is the same round and turn for every side. */
  blocks: Record<S, number[]>;
}

/**
 * Measures every side of a comparison over `rounds` rounds after `warmup` unmeasured ones. A
 * round is `blocks` blocks per side, the sides taking turns block by block (and rotating who goes
 * first), so a machine whose load swings from second to second weighs on every side alike.
 * `start` and `end` run, untimed, around each round.
 */
export async function interleave<S extends string>(
  sides: Record<S, (block: number) => Promise<unknown>>,
  options: {
    warmup: number;
    rounds: number;
    blocks?: number;
    start?: (side: S) => Promise<void> | void;
    end?: (side: S, measured: boolean) => Promise<void> | void;
  },
): Promise<Interleaved<S>> {
  const { warmup, rounds, blocks = 1, start, end } = options;
  const names = Object.keys(sides) as S[];
  const result: Interleaved<S> = {
    rounds: Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<S, number[]>,
    blocks: Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<S, number[]>,
  };
  for (let r = 0; r < warmup + rounds; r++) {
    const measured = r >= warmup;
    const spent = Object.fromEntries(names.map((name) => [name, 0])) as Record<S, number>;
    for (const name of names) await start?.(name);
    for (let b = 0; b < blocks; b++) {
      for (let i = 0; i < names.length; i++) {
        const name = names[(r + b + i) % names.length];
        const begin = performance.now();
        await sides[name](b);
        const elapsed = performance.now() - begin;
        spent[name] += elapsed;
        if (measured) result.blocks[name].push(elapsed);
      }
    }
    for (const name of names) await end?.(name, measured);
    if (measured) for (const name of names) result.rounds[name].push(spent[name]);
  }
  return result;
}

/**
 * Median of the paired ratios a[i]/b[i] (blocks measured side by side): robust to a machine that
 * speeds up, slows down, or stalls one block now and then.
 */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  return median(a.map((value, i) => value / b[i]));
}
