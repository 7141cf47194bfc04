#!/usr/bin/env node
/**
 * Writes the facts-only copy of the published OpenAPI spec that the test suites read
 * (test/fixtures/las-oas.facts.json): paths, methods, parameters, schemas, bounds, enums, patterns
 * and security schemes, with every description, summary, title and example removed, so the
 * repository carries test data rather than the service's documentation.
 *
 *   node scripts/make-spec-facts.mjs [source] [out]
 *
 * source defaults to ../shared/las-oas.json beside the checkout; out to the fixture above.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_SOURCE = resolve(ROOT, '../shared/las-oas.json');
const DEFAULT_OUT = resolve(ROOT, 'test/fixtures/las-oas.facts.json');

/** OpenAPI keywords that hold prose or samples, not facts. */
const PROSE = new Set(['description', 'summary', 'title', 'example', 'examples']);
/** Keywords whose value is a map keyed by names (a property, a path, a status...), not by keywords. */
const NAME_MAPS = new Set([
  'paths', 'properties', 'patternProperties', 'schemas', 'responses', 'parameters', 'requestBodies', 'headers',
  'securitySchemes', 'content', 'encoding', 'variables', 'links', 'callbacks', 'mapping', 'definitions', '$defs',
]);
/** Keywords whose value is data, copied as it is. */
const VERBATIM = new Set(['enum', 'default', 'const', 'required']);

/** The facts of a spec: a deep copy without the prose keywords (and with scope texts emptied). */
export function factsOf(spec) {
  const facts = keywords(spec);
  // OpenAPI requires info.title; the note naming the source stands in its place.
  facts.info = { version: spec.info?.version };
  return {
    'x-source': `Lucidtech AI Services OpenAPI spec, version ${spec.info?.version}, made by scripts/make-spec-facts.mjs`,
    ...facts,
  };
}

/** An object whose keys are OpenAPI keywords. */
function keywords(value) {
  if (Array.isArray(value)) return value.map(keywords);
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [key, inner] of Object.entries(value)) {
    if (PROSE.has(key)) continue;
    if (key === 'security' && Array.isArray(inner)) out[key] = inner.map(names);
    else if (key === 'scopes') out[key] = Object.fromEntries(Object.keys(inner).map((scope) => [scope, '']));
    else if (VERBATIM.has(key) || key.startsWith('x-')) out[key] = inner;
    else if (NAME_MAPS.has(key) && inner && typeof inner === 'object' && !Array.isArray(inner)) out[key] = names(inner);
    else out[key] = keywords(inner);
  }
  return out;
}

/** An object whose keys are names chosen by the spec's authors: every key kept, each value walked. */
function names(value) {
  return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, keywords(inner)]));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const source = resolve(process.argv[2] ?? DEFAULT_SOURCE);
  const out = resolve(process.argv[3] ?? DEFAULT_OUT);
  const facts = factsOf(JSON.parse(readFileSync(source, 'utf8')));
  writeFileSync(out, `${JSON.stringify(facts, null, 2)}\n`);
  process.stdout.write(`${relative(process.cwd(), out)}: facts of ${source}\n`);
}
