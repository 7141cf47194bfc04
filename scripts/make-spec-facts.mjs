#!/usr/bin/env node
/**
 * Writes the facts-only copies of the two published OpenAPI specs that the repository carries
 * (test/fixtures/las-oas.facts.json for 2021-09-23, test/fixtures/las-oas-2024-11-29.facts.json):
 * paths, methods, parameters, schemas, bounds, enums, patterns and security schemes, with every
 * description, summary, title and example removed, so the repository carries test data rather
 * than the service's documentation. Then, from those copies, the table of what each API version
 * has (src/api/versions/spec-facts.generated.ts): its operations, their request-body fields and
 * those fields' enum values, the hosts of its servers and whether it takes an api key. The SDK
 * reads that table, not the JSON, so the browser bundle carries only what the checks need.
 *
 *   node scripts/make-spec-facts.mjs [--shared DIR]  both specs from DIR (default ../shared beside the checkout), then the table
 *   node scripts/make-spec-facts.mjs SOURCE OUT      the facts of one spec
 *   node scripts/make-spec-facts.mjs --table OUT     the table, from the committed copies
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Each version: the published spec beside the checkout, and its committed facts-only copy. */
const SPECS = [
  { source: 'las-oas.json', copy: resolve(ROOT, 'test/fixtures/las-oas.facts.json') },
  { source: 'las-oas-2024-11-29.json', copy: resolve(ROOT, 'test/fixtures/las-oas-2024-11-29.facts.json') },
];
const TABLE = resolve(ROOT, 'src/api/versions/spec-facts.generated.ts');

/** OpenAPI keywords that hold prose or samples, not facts. */
const PROSE = new Set(['description', 'summary', 'title', 'example', 'examples']);
/** Keywords whose value is a map keyed by names (a property, a path, a status...), not by keywords. */
const NAME_MAPS = new Set([
  'paths', 'properties', 'patternProperties', 'schemas', 'responses', 'parameters', 'requestBodies', 'headers',
  'securitySchemes', 'content', 'encoding', 'variables', 'links', 'callbacks', 'mapping', 'definitions', '$defs',
]);
/** Keywords whose value is data, copied as it is. */
const VERBATIM = new Set(['enum', 'default', 'const', 'required']);
/** HTTP methods of operations (OPTIONS entries are API Gateway's CORS stubs, not operations). */
const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

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

/**
 * What the SDK checks of one version: `{ apiKey, hosts, operations }`, where `operations` maps
 * `METHOD /path/{param}` to its JSON body's top-level fields, each with the enum values the
 * spec allows for it (or for the items of its list; `[]` for any value).
 */
export function versionFacts(spec) {
  const schemes = Object.values(spec.components?.securitySchemes ?? {});
  const operations = {};
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS.filter((name) => item[name])) {
      const body = item[method].requestBody?.content?.['application/json']?.schema;
      operations[`${method.toUpperCase()} ${path}`] = body ? bodyFields(spec, body) : {};
    }
  }
  return {
    apiKey: schemes.some((scheme) => scheme.type === 'apiKey' && scheme.in === 'header' && scheme.name.toLowerCase() === 'x-api-key'),
    hosts: [...new Set((spec.servers ?? []).map((server) => new URL(server.url.replace(/\{[^}]*\}/g, 'x')).hostname))].sort(),
    operations: Object.fromEntries(Object.entries(operations).sort(([a], [b]) => a.localeCompare(b))),
  };
}

function resolveRef(spec, schema) {
  let current = schema;
  for (let hops = 0; current?.$ref && hops < 50; hops++) current = spec.components.schemas[current.$ref.split('/').pop()];
  return current ?? {};
}

/** The top-level properties of a body schema (through its $refs and allOf/anyOf/oneOf), each with its enum values. */
function bodyFields(spec, schema, fields = {}) {
  const resolved = resolveRef(spec, schema);
  for (const part of [...(resolved.allOf ?? []), ...(resolved.anyOf ?? []), ...(resolved.oneOf ?? [])]) bodyFields(spec, part, fields);
  for (const [name, property] of Object.entries(resolved.properties ?? {})) {
    fields[name] = [...new Set([...(fields[name] ?? []), ...enumValues(spec, property)])].sort();
  }
  return Object.fromEntries(Object.entries(fields).sort(([a], [b]) => a.localeCompare(b)));
}

/** The enum values of a schema, of its list items and of its alternatives. */
function enumValues(spec, schema, depth = 0) {
  const resolved = resolveRef(spec, schema);
  if (depth > 10) return [];
  const alternatives = [...(resolved.allOf ?? []), ...(resolved.anyOf ?? []), ...(resolved.oneOf ?? []), ...(resolved.items ? [resolved.items] : [])];
  return [...(resolved.enum ?? []).filter((value) => typeof value === 'string'), ...alternatives.flatMap((inner) => enumValues(spec, inner, depth + 1))];
}

/**
 * The TypeScript module of the table, from the facts-only copies: each version's api key, hosts
 * and every operation, with the body fields that set it apart from the other version's same
 * operation (a field the other lacks, or one whose enum values differ, listed with all of its own).
 * Fields both have alike are left out: the check needs only what differs, and the browser bundle
 * carries every byte of the table.
 */
export function tableModule(copies) {
  const facts = copies.map(versionFacts);
  const versions = copies.map((copy, index) => {
    const { apiKey, hosts, operations } = facts[index];
    const others = facts.filter((_, other) => other !== index).map((other) => other.operations);
    const lines = Object.entries(operations).map(([key, fields]) => `      ${literal(key)}: ${literal(distinctFields(fields, others, key))},`);
    // The spec's version is a timestamp (2021-09-23T08:42:38Z): the API version is its date.
    return [
      `  ${literal(String(copy.info.version).slice(0, 10))}: {`,
      `    apiKey: ${apiKey},`,
      `    hosts: ${literal(hosts)},`,
      '    operations: {',
      ...lines,
      '    },',
      '  },',
    ].join('\n');
  });
  return `// Generated by scripts/make-spec-facts.mjs (npm run spec:facts) from the facts-only copies of the
// two OpenAPI specs in test/fixtures. Do not edit: change the script, or the specs, and run it again.

/**
 * What each API version's spec says, as far as the SDK checks requests against it: whether it
 * takes an api key, its servers' hosts, and every one of its operations (\`METHOD /path/{param}\`),
 * each with the JSON body fields that set it apart from the other version's same operation, with
 * their enum values (\`[]\`: any value). Fields both versions have alike are not listed.
 */
export const SPEC_FACTS = {
${versions.join('\n')}
} as const;
`;
}

/** The fields of an operation that the other versions' same operation lacks, or allows other values of. */
function distinctFields(fields, others, key) {
  if (!others.every((operations) => operations[key])) return {};
  return Object.fromEntries(
    Object.entries(fields).filter(([name, values]) =>
      others.some((operations) => !Object.hasOwn(operations[key], name) || operations[key][name].join('|') !== values.join('|')),
    ),
  );
}

/** A value as TypeScript source on one line: single quotes, keys unquoted where they can be. */
function literal(value) {
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, inner]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : quoted(key)}: ${literal(inner)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return typeof value === 'string' ? quoted(value) : JSON.stringify(value);
}

function quoted(text) {
  return `'${text.replace(/[\\']/g, (character) => `\\${character}`)}'`;
}

function writeTable(out) {
  const copies = SPECS.map(({ copy }) => JSON.parse(readFileSync(copy, 'utf8')));
  writeFileSync(out, tableModule(copies));
  process.stdout.write(`${relative(process.cwd(), out)}: the versions' table of ${SPECS.map(({ copy }) => relative(ROOT, copy)).join(', ')}\n`);
}

/**
 * The one Prism-only change of a facts copy: the 2024-11-29 spec declares no request body for
 * PATCH /profiles/{profileId}, so Prism refuses any body with 415, though a profile is updated by
 * its own fields (what las-sdk sends, see src/api/profiles.ts). The body declared here is those
 * fields of the spec's own `Profile` (at least one, no other), so Prism judges them as the service
 * would. A spec that declares the body is left as it is.
 */
export function withProfileBody(facts) {
  const patch = facts.paths?.['/profiles/{profileId}']?.patch;
  const profile = facts.components?.schemas?.Profile?.properties;
  if (!patch || patch.requestBody || !profile) return facts;
  const own = ['name', 'givenName', 'familyName', 'locale', 'picture', 'metadata'].filter((name) => profile[name]);
  const properties = Object.fromEntries(own.map((name) => [name, profile[name]]));
  patch.requestBody = { required: true, content: { 'application/json': { schema: { type: 'object', minProperties: 1, properties, additionalProperties: false } } } };
  return facts;
}

function writeFacts(source, out) {
  writeFileSync(out, `${JSON.stringify(withProfileBody(factsOf(JSON.parse(readFileSync(source, 'utf8')))), null, 2)}\n`);
  process.stdout.write(`${relative(process.cwd(), out)}: facts of ${source}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [first, second] = process.argv.slice(2);
  if (first === '--table') writeTable(resolve(second ?? TABLE));
  else if (first !== undefined && first !== '--shared') writeFacts(resolve(first), resolve(second ?? SPECS[0].copy));
  else {
    const shared = resolve(first === '--shared' ? second : resolve(ROOT, '../shared'));
    for (const { source, copy } of SPECS) writeFacts(resolve(shared, source), copy);
    writeTable(TABLE);
  }
}
