import { Timestamp } from '../../src/schema/timestamp.js';

/**
 * The reader Timestamp had before the regex-free path for the API's usual form: the reference
 * every text must still parse to exactly the same time as (NaN alike).
 */
const FORMAT =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function reference(text: string): number {
  const match = FORMAT.exec(text.trim());
  if (!match) return Number.NaN;
  const [, y, mo, d, h = '0', mi = '0', sec = '0', fraction = '', zone] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, sec].map(Number);
  const millis = Number((fraction + '000').slice(0, 3));
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(utc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 60) {
    return Number.NaN;
  }
  let offset = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    offset = (digits.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0'));
  }
  return utc - offset * 60_000;
}

/** A small seeded generator, so a failure names a text that fails again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// Each part: values that make a valid time, then values that do not (or only in some forms).
const YEARS = [['1970', '1999', '2000', '2020', '2021', '2024', '9999', '1600', '2100'], ['0000', '0001', '0050', '0099', '0100', '1900']] as const;
const MONTHS = [['01', '02', '04', '09', '10', '12'], ['00', '13', '99']] as const;
const DAYS = [['01', '09', '10', '28'], ['00', '29', '30', '31', '32', '99']] as const;
const HOURS = [['00', '08', '12', '23'], ['24', '99']] as const;
const MINUTES = [['00', '42', '59'], ['60', '99']] as const;
const SECONDS = [['00', '38', '59'], ['60', '61', '99']] as const;
const FRACTIONS = [['', '.5', ',5', '.05', '.123', '.1234', '.000001', '.999', '.9999999999999999999999'], ['.', ',', '.5.5', '.x']] as const;
const ZONES = [
  ['', 'Z', 'z', '+00', '+0000', '+00:00', '-00:00', '+05:30', '-0530', '+14', '-12:00', '+99:99', ' Z', ' +00:00'],
  ['+05:', '+053', '+5', '+05:3', '+05:300', 'ZZ', 'UTC', '+00:00Z', '\t'],
] as const;
const TIME_SEPARATORS = ['T', 'T', 'T', 'T', 't', ' ', ' ', 'x', '_', '  '];
const PADDING = ['', ' ', '\n', '\t', '\u00a0', '\ufeff'];

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)];
}

/** Mostly a value of the part that makes a valid time, now and then one that does not. */
function part(next: () => number, [good, bad]: readonly [readonly string[], readonly string[]]): string {
  return pick(next, next() < 0.9 ? good : bad);
}

/** A text near the API's forms: mostly the usual form, with every part now and then wrong or missing. */
function text(next: () => number): string {
  const dash = next() < 0.85 ? '-' : pick(next, ['', '/', '--']);
  const colon = next() < 0.85 ? ':' : pick(next, ['', '.', '::']);
  let date = `${part(next, YEARS)}${dash}${part(next, MONTHS)}${next() < 0.9 ? dash : pick(next, ['', '-'])}${part(next, DAYS)}`;
  if (next() < 0.03) date = date.slice(0, Math.floor(next() * date.length));
  const shape = next();
  let time = '';
  if (shape < 0.8) time = `${part(next, HOURS)}${colon}${part(next, MINUTES)}${colon}${part(next, SECONDS)}${part(next, FRACTIONS)}`;
  else if (shape < 0.9) time = `${part(next, HOURS)}${colon}${part(next, MINUTES)}`;
  else if (shape < 0.95) time = `${part(next, HOURS)}`;
  const body = time ? `${date}${pick(next, TIME_SEPARATORS)}${time}${part(next, ZONES)}` : `${date}${next() < 0.5 ? part(next, ZONES) : ''}`;
  return `${next() < 0.05 ? pick(next, PADDING) : ''}${body}${next() < 0.05 ? pick(next, PADDING) : ''}`;
}

function same(actual: number, expected: number): boolean {
  return Object.is(actual, expected) || (Number.isNaN(actual) && Number.isNaN(expected));
}

describe('Timestamp.fromApi', () => {
  test.each([
    ['2021-09-23T08:42:38Z', '2021-09-23T08:42:38.000Z'],
    ['2021-09-23T08:42:38.5+00:00', '2021-09-23T08:42:38.500Z'],
    ['2021-10-01T08:00:00+0000', '2021-10-01T08:00:00.000Z'],
    ['2021-10-03T16:20:45.250Z', '2021-10-03T16:20:45.250Z'],
    ['2021-09-23 08:42:38', '2021-09-23T08:42:38.000Z'],
    ['2021-09-23T08:42:38.123456', '2021-09-23T08:42:38.123Z'],
    ['2021-09-23T08:42:38.9999999999999999999999Z', '2021-09-23T08:42:38.999Z'],
    ['2021-09-23t08:42:38,05z', '2021-09-23T08:42:38.050Z'],
    ['2021-09-23T10:42:38+02', '2021-09-23T08:42:38.000Z'],
    ['2021-09-23T03:12:38-05:30', '2021-09-23T08:42:38.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['2021-09-23T12:00:60Z', '2021-09-23T12:01:00.000Z'],
    // Forms only the general reader takes.
    ['20210923T084238Z', '2021-09-23T08:42:38.000Z'],
    ['2021-09-23', '2021-09-23T00:00:00.000Z'],
    ['2021-09-23T08:42', '2021-09-23T08:42:00.000Z'],
    [' 2021-09-23T08:42:38Z\n', '2021-09-23T08:42:38.000Z'],
    ['2021-09-23T08:42:38 Z', '2021-09-23T08:42:38.000Z'],
  ])('%s is %s', (wire, iso) => {
    const time = Timestamp.fromApi(wire);
    expect(time).toBeInstanceOf(Date);
    expect(time.toISOString()).toBe(iso);
    expect(time.raw).toBe(wire);
    expect(JSON.stringify({ time })).toBe(JSON.stringify({ time: wire }));
  });

  test.each([
    '2021-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2021-04-31T08:42:38Z',
    '2021-13-01T08:42:38Z',
    '2021-00-10T08:42:38Z',
    '2021-09-00T08:42:38Z',
    '2021-09-23T24:00:00Z',
    '2021-09-23T08:60:00Z',
    '2021-09-23T08:42:61Z',
    '2021-09-23T23:59:60Z',
    '2021-09-30T23:59:60Z',
    '2021-09-23T08:42:38.Z',
    '2021-09-23T08:42:38+05:',
    '2021-09-23T08:42:38ZZ',
    '2021-09-23T08:42:38 UTC',
    'yesterday',
    '',
  ])('%p is an invalid date that keeps its text', (wire) => {
    const time = Timestamp.fromApi(wire);
    expect(time).toBeInstanceOf(Date);
    expect(Number.isNaN(time.getTime())).toBe(true);
    expect(time.raw).toBe(wire);
    expect(time.toJSON()).toBe(wire);
  });

  test('parses 100,000 generated texts exactly as the regex reader does', () => {
    const next = random(20_210_923);
    const differences: string[] = [];
    let valid = 0;
    for (let i = 0; i < 100_000; i++) {
      const wire = text(next);
      const expected = reference(wire);
      const actual = Timestamp.fromApi(wire).getTime();
      if (!Number.isNaN(expected)) valid++;
      if (!same(actual, expected) && differences.length < 10) differences.push(`${JSON.stringify(wire)}: ${actual} !== ${expected}`);
    }
    expect(differences).toEqual([]);
    // The generator reaches both sides: valid times and texts of every kind of wrong.
    expect(valid).toBeGreaterThan(10_000);
    expect(valid).toBeLessThan(90_000);
  });

  test('every usual-form combination of the edge values parses as the regex reader does', () => {
    const differences: string[] = [];
    for (const year of YEARS.flat()) {
      for (const month of MONTHS.flat()) {
        for (const day of DAYS.flat()) {
          for (const [hour, minute, second] of [['23', '59', '60'], ['23', '59', '59'], ['00', '00', '00'], ['12', '30', '60'], ['24', '00', '00']]) {
            for (const fraction of ['', '.5', '.1234']) {
              for (const zone of ['', 'Z', '+0000', '-05:30']) {
                const wire = `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}${zone}`;
                const actual = Timestamp.fromApi(wire).getTime();
                const expected = reference(wire);
                if (!same(actual, expected)) differences.push(`${wire}: ${actual} !== ${expected}`);
              }
            }
          }
        }
      }
    }
    expect(differences).toEqual([]);
  });
});
