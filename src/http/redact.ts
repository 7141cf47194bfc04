/** Secrets (the token, the api key) taken out of what a server answered before it reaches an error or a log. */

/** `value` with every occurrence of each of `secrets` in its strings replaced by `***`, at any depth. */
export function redact(value: unknown, secrets: string[]): unknown {
  if (typeof value === 'string') return secrets.reduce((text, secret) => text.split(secret).join('***'), value);
  if (Array.isArray(value)) return value.map((item) => redact(item, secrets));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redact(item, secrets)]));
  }
  return value;
}
