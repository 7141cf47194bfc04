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

// Character codes the usual form is read by.
const DASH = 45;
const COLON = 58;
const DOT = 46;
const COMMA = 44;
const PLUS = 43;
const ZERO = 48;

function parseTime(text: string): number {
  return parseUsualForm(text) ?? parseAnyForm(text);
}

/**
 * The form the API sends, `2021-09-23T08:42:38`, `T`, `t` or a space between date and time, with
 * an optional fraction and `Z`, `+00`, `+0000` or `+00:00`, read without a regex: a list page
 * parses two timestamps per item. Undefined for any other text, which {@link parseAnyForm} then
 * reads; every text this takes, FORMAT takes too, into the same fields, and both end in
 * {@link utcTime}, so the two agree on every text.
 */
function parseUsualForm(s: string): number | undefined {
  const length = s.length;
  if (length < 19 || s.charCodeAt(4) !== DASH || s.charCodeAt(7) !== DASH || s.charCodeAt(13) !== COLON || s.charCodeAt(16) !== COLON) {
    return undefined;
  }
  const t = s.charCodeAt(10);
  if (t !== 84 /* T */ && t !== 116 /* t */ && t !== 32 /* space */) return undefined;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  let i = 19;
  let millis = 0;
  const separator = s.charCodeAt(i);
  if (separator === DOT || separator === COMMA) {
    // Milliseconds are the first three digits, the rest cut off (as FORMAT's reader does).
    const start = ++i;
    for (; i < length; i++) {
      const digit = s.charCodeAt(i) - ZERO;
      if (digit < 0 || digit > 9) break;
      if (i - start < 3) millis = millis * 10 + digit;
    }
    if (i === start) return undefined;
    for (let n = i - start; n < 3; n++) millis *= 10;
  }
  let offset = 0;
  if (i < length) {
    const zone = s.charCodeAt(i);
    if (zone === 90 /* Z */ || zone === 122 /* z */) {
      if (i + 1 !== length) return undefined;
    } else if (zone === PLUS || zone === DASH) {
      const hours = digits(s, i + 1, 2);
      if (hours < 0) return undefined;
      let minutes = 0;
      let j = i + 3;
      if (j < length) {
        if (s.charCodeAt(j) === COLON) j++;
        minutes = digits(s, j, 2);
        if (minutes < 0 || j + 2 !== length) return undefined;
      }
      offset = (zone === DASH ? -1 : 1) * (hours * 60 + minutes);
    } else {
      return undefined;
    }
  }
  return utcTime(year, month, day, hour, minute, second, millis, offset);
}

/** The number `count` decimal digits at `at` of `s` spell; -1 if any is not a digit or missing. */
function digits(s: string, at: number, count: number): number {
  if (at + count > s.length) return -1;
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = s.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Every other form FORMAT allows: compact dates, no seconds, no time, spaces around, `Z` after a space. */
function parseAnyForm(text: string): number {
  const match = FORMAT.exec(text.trim());
  if (!match) return Number.NaN;
  const [, y, mo, d, h = '0', mi = '0', sec = '0', fraction = '', zone] = match;
  const millis = Number((fraction + '000').slice(0, 3));
  return utcTime(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(sec), millis, offsetMinutes(zone));
}

/** The time the fields name, or NaN when they name no such time (2021-02-31, 24:00, 23:59:60). */
function utcTime(year: number, month: number, day: number, hour: number, minute: number, second: number, millis: number, offset: number): number {
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(utc);
  // Date.UTC rolls 2021-02-31 over to March; the API's text meant no such day.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 60) {
    return Number.NaN;
  }
  return utc - offset * 60_000;
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0'));
}
