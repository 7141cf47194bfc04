/** Builds an API path, URL-encoding every interpolated id: path`/datasets/${id}`. */
export function path(strings: TemplateStringsArray, ...ids: string[]): string {
  return strings.reduce((out, part, i) => out + part + (i < ids.length ? encodeURIComponent(ids[i]) : ''), '');
}
