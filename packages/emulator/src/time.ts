import { now } from './clock.js';

/**
 * Times as the service writes them: ISO 8601 in UTC with microseconds and an explicit offset,
 * `2021-09-23T08:42:38.123000+00:00`.
 */
export function isoTime(epochMs: number = now()): string {
  return new Date(epochMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00');
}

/** Epoch milliseconds of a time the emulator wrote (or any ISO 8601 text). */
export function epochMs(iso: string): number {
  return Date.parse(iso.replace(/(\.\d{3})\d+/, '$1'));
}
