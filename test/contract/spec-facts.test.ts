/**
 * The facts-only copies of the two specs that the suites read (test/fixtures/las-oas.facts.json,
 * test/fixtures/las-oas-2024-11-29.facts.json), the versions' table the SDK reads
 * (src/api/versions/spec-facts.generated.ts), and the script that makes them all
 * (scripts/make-spec-facts.mjs).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const SCRIPT = root('scripts/make-spec-facts.mjs');
const COPIES = [
  { version: '2021-09-23', path: root('test/fixtures/las-oas.facts.json'), operations: 68 },
  { version: '2024-11-29', path: root('test/fixtures/las-oas-2024-11-29.facts.json'), operations: 89 },
];
const TABLE = root('src/api/versions/spec-facts.generated.ts');
const PROSE = ['description', 'summary', 'title', 'example', 'examples'];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'las-spec-facts-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the script writes for `source`, as text. */
function makeFacts(source: string): string {
  const out = join(dir, 'facts.json');
  execFileSync(process.execPath, [SCRIPT, source, out], { stdio: 'pipe' });
  return readFileSync(out, 'utf8');
}

/** What the script writes as the versions' table, from the committed copies. */
function makeTable(): string {
  const out = join(dir, 'table.ts');
  execFileSync(process.execPath, [SCRIPT, '--table', out], { stdio: 'pipe' });
  return readFileSync(out, 'utf8');
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/** Paths (`a/b/c`) of every prose keyword in a document: keys of a `properties` map are names, not keywords. */
function proseKeywords(value: unknown, path = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const here = `${path}/${key}`;
    const named = path.endsWith('/properties');
    return [...(!named && PROSE.includes(key) ? [here] : []), ...proseKeywords(inner, here)];
  });
}

describe.each(COPIES)('the committed copy of $version', ({ version, path, operations }) => {
  test('has no description, summary, title or example, names its source and has every operation', () => {
    const copy = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> & { paths: Record<string, object> };
    expect(proseKeywords(copy)).toEqual([]);
    expect(copy['x-source']).toMatch(new RegExp(`^Lucidtech AI Services OpenAPI spec, version ${version}.*, made by scripts/make-spec-facts\\.mjs$`));
    const count = Object.values(copy.paths).flatMap((item) => Object.keys(item).filter((key) => METHODS.includes(key))).length;
    expect(count).toBe(operations);
  });

  // The tests read only the checkout: the copy is remade from the published spec with `npm run spec:facts`;
  // here the script must give the copy back unchanged (a hand edit in the script's own form survives, prose does not).
  test('is what the script makes of itself', () => {
    expect(makeFacts(path)).toBe(readFileSync(path, 'utf8'));
  });
});

test("the versions' table the SDK reads is what the script makes of the committed copies", () => {
  expect(makeTable()).toBe(readFileSync(TABLE, 'utf8'));
});

test('the script drops prose keywords only, never a property, path or schema that bears such a name', () => {
  const string = { type: 'string', maxLength: 10 };
  const source = join(dir, 'spec.json');
  writeFileSync(
    source,
    JSON.stringify({
      openapi: '3.0.1',
      info: { title: 'API', description: 'An API', version: 'v9' },
      paths: {
        '/title': {
          summary: 'Titles',
          get: {
            description: 'List',
            parameters: [{ in: 'query', name: 'description', description: 'Text', example: 'x', schema: string }],
            responses: {
              '200': {
                description: '200 response',
                content: { 'application/json': { examples: { a: {} }, schema: { $ref: '#/components/schemas/title' } } },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          title: {
            title: 'A title',
            type: 'object',
            example: { description: 'd' },
            properties: { description: { ...string, description: 'Its text' }, title: string, summary: { type: 'object' } },
            required: ['description'],
            enum: [{ title: 'data, not a keyword' }],
          },
        },
        securitySchemes: { OAuth2: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://a/t', scopes: { 'a:read': 'Read' } } } } },
      },
    }),
  );
  expect(JSON.parse(makeFacts(source))).toEqual({
    'x-source': 'Lucidtech AI Services OpenAPI spec, version v9, made by scripts/make-spec-facts.mjs',
    openapi: '3.0.1',
    info: { version: 'v9' },
    paths: {
      '/title': {
        get: {
          parameters: [{ in: 'query', name: 'description', schema: string }],
          responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/title' } } } } },
        },
      },
    },
    components: {
      schemas: {
        title: {
          type: 'object',
          properties: { description: string, title: string, summary: { type: 'object' } },
          required: ['description'],
          enum: [{ title: 'data, not a keyword' }],
        },
      },
      securitySchemes: { OAuth2: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://a/t', scopes: { 'a:read': '' } } } } },
    },
  });
});

test("the script declares PATCH /profiles/{profileId}'s body for Prism (the published spec has none): the Profile's own fields, at least one", () => {
  const text = { type: 'string', nullable: true };
  const profile = { type: 'object', properties: { profileId: { type: 'string' }, email: { type: 'string' }, givenName: text, locale: text, metadata: { type: 'object' } } };
  const spec = (patch: object) => ({ openapi: '3.0.1', info: { version: 'v9' }, paths: { '/profiles/{profileId}': { patch } }, components: { schemas: { Profile: profile } } });
  const source = join(dir, 'profiles.json');
  writeFileSync(source, JSON.stringify(spec({ responses: {} })));
  const made = JSON.parse(makeFacts(source)) as { paths: Record<string, { patch: { requestBody?: unknown } }> };
  expect(made.paths['/profiles/{profileId}'].patch.requestBody).toEqual({
    required: true,
    content: {
      'application/json': {
        schema: { type: 'object', minProperties: 1, properties: { givenName: text, locale: text, metadata: { type: 'object' } }, additionalProperties: false },
      },
    },
  });
  // A spec that declares the body keeps its own.
  const declared = { content: { 'application/json': { schema: { type: 'object' } } } };
  writeFileSync(source, JSON.stringify(spec({ requestBody: declared, responses: {} })));
  expect((JSON.parse(makeFacts(source)) as typeof made).paths['/profiles/{profileId}'].patch.requestBody).toEqual(declared);
  const committed = JSON.parse(readFileSync(COPIES[1].path, 'utf8')) as typeof made;
  expect(committed.paths['/profiles/{profileId}'].patch.requestBody).toBeDefined();
});
