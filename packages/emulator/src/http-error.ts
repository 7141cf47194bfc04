/** Longest error message the emulator sends or records; longer ones keep their head and tail. */
export const MAX_MESSAGE_LENGTH = 500;

// The tail names what is wrong (": is not a known property"); the head names where.
const TAIL_LENGTH = 120;

/**
 * `text` cut to at most `max` characters around an ellipsis: a message that echoes what a client
 * sent (a megabyte-long key, a huge value) stays a message.
 */
export function shorten(text: string, max = MAX_MESSAGE_LENGTH): string {
  if (text.length <= max) return text;
  const tail = Math.min(TAIL_LENGTH, Math.floor(max / 3));
  return `${text.slice(0, max - tail - 1)}…${text.slice(text.length - tail)}`;
}

/** An answer other than success: the server sends `status` with `{ message }`. */
export class HttpError extends Error {
  constructor(
    /** HTTP status of the answer. */
    readonly status: number,
    message: string,
    /** Extra fields of the JSON body (the token endpoint's OAuth `error` code). */
    readonly extra: Record<string, string> = {},
  ) {
    super(shorten(message));
    this.name = 'HttpError';
  }
}

/** 400 with the validator's sentence naming the field. */
export function badRequest(message: string): HttpError {
  return new HttpError(400, message);
}

/** 404 for an id nothing is stored under. */
export function notFound(what: string, id: string): HttpError {
  return new HttpError(404, `${what} ${id} not found`);
}
