import { readFileSync } from 'node:fs';

/**
 * API data fixtures: the JSON files of `test/fixtures/`, each an entity as the API answers it.
 * (Not to be confused with `test/auth/fixtures.ts`, the credentials of the auth tests.)
 */

const texts = new Map<string, string>();

/**
 * The fixture `test/fixtures/<name>.json`, parsed afresh on every call: a deep copy no other
 * test shares, so a test may change it freely. The file is read once.
 *
 * Its fields are `unknown`; `Known` types those a test relies on, e.g.
 * `fixture<{ modelId: string }>('prediction')`. The file is not checked against it.
 */
export function fixture<Known extends object = object>(name: string): Record<string, unknown> & Known {
  let text = texts.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8');
    texts.set(name, text);
  }
  return JSON.parse(text) as Record<string, unknown> & Known;
}
