/** What every list of the API takes and how its queries are shaped: paging, filters, sorting. */
import { s, type Infer, type Properties, type Schema, type StringSchema, type UnionSchema } from '../schema/index.js';

/** Options every `list()` takes. */
export interface ListOptions {
  /** Items per page, 1 to {@link MAX_RESULTS} (the API's default when omitted). */
  maxResults?: number;
  /** Token of the page to start at, from `page.nextToken`. */
  nextToken?: string;
}

/**
 * The most items a page may be asked for. The spec types `maxResults` as a string and sets no
 * bound; the SDK refuses more than this before sending, and the emulator answers 400 past it.
 */
export const MAX_RESULTS = 1000;

/** The schema of {@link ListOptions}. */
export const listOptionsSchema = s.object({
  /** Items per page. */
  maxResults: s.optional(s.integer({ minimum: 1, maximum: MAX_RESULTS })),
  /** Token of the page to start at. */
  nextToken: s.optional(s.string()),
} satisfies Record<keyof ListOptions, Schema>);

/** The schema of a list's options: {@link ListOptions} and the list's own filters. */
export function listSchema<P extends Properties>(filters: P) {
  return s.object({ ...listOptionsSchema.properties, ...filters });
}

/**
 * A filter that takes one value or several (sent as repeated keys). An empty list is refused:
 * it would send no filter at all, and `deleteMany` would delete every document.
 */
export function oneOrMore<S extends StringSchema | UnionSchema>(schema: S) {
  const one = schema.expected ?? (schema.kind === 'string' && schema.values ? `one of ${schema.values.join(', ')}` : 'a value');
  return s.described(s.union(schema, s.array(schema, { minItems: 1 })), `${one}, or a non-empty list of them`);
}

/** How execution lists are sorted (`sortBy`). */
export const sortBySchema = s.enum(['startTime', 'endTime']);
/** Sort direction of execution and log lists (`order`). */
export const orderSchema = s.enum(['ascending', 'descending']);
/** A list's `sortBy` value. */
export type SortBy = Infer<typeof sortBySchema>;
/** A list's `order` value. */
export type SortOrder = Infer<typeof orderSchema>;
