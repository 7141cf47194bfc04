/** An answer other than success: the server sends `status` with `{ message }`. */
export class HttpError extends Error {
  constructor(
    /** HTTP status of the answer. */
    readonly status: number,
    message: string,
    /** Extra fields of the JSON body (the token endpoint's OAuth `error` code). */
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
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
