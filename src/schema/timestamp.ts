/**
 * A `Date` that remembers the text it was parsed from, so an entity serialises back to exactly
 * the API's data. A malformed text gives an invalid date (`isNaN(t.getTime())`) instead of
 * throwing; its text stays in `raw`.
 */
export class Timestamp extends Date {
  /** The API's text for this time, as received. */
  readonly raw: string;

  private constructor(time: number, raw: string) {
    super(time);
    this.raw = raw;
  }

  /**
   * Parses the API's formats: `2021-09-23 08:42:38`, `2021-09-23T08:42:38.123456`, with `Z`,
   * `+0000` or `+00:00` offsets, or none (UTC).
   */
  static fromApi(text: string): Timestamp {
    return new Timestamp(parseTime(text), text);
  }

  /** The API's text, unchanged. */
  override toJSON(): string {
    return this.raw;
  }
}

const FORMAT =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function parseTime(text: string): number {
  const match = FORMAT.exec(text.trim());
  if (!match) return Number.NaN;
  const [, y, mo, d, h = '0', mi = '0', sec = '0', fraction = '', zone] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, sec].map(Number);
  const millis = Number((fraction + '000').slice(0, 3));
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(utc);
  // Date.UTC rolls 2021-02-31 over to March; the API's text meant no such day.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 60) {
    return Number.NaN;
  }
  return utc - offsetMinutes(zone) * 60_000;
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0'));
}
