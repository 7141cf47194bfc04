/**
 * The facts-only copy of the spec that the suites read (test/fixtures/las-oas.facts.json) and the
 * script that makes it (scripts/make-spec-facts.mjs).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const SCRIPT = root('scripts/make-spec-facts.mjs');
const COPY = root('test/fixtures/las-oas.facts.json');
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

/** Paths (`a/b/c`) of every prose keyword in a document: keys of a `properties` map are names, not keywords. */
function proseKeywords(value: unknown, path = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const here = `${path}/${key}`;
    const named = path.endsWith('/properties');
    return [...(!named && PROSE.includes(key) ? [here] : []), ...proseKeywords(inner, here)];
  });
}

test('the committed copy has no description, summary, title or example, and names its source', () => {
  const copy = JSON.parse(readFileSync(COPY, 'utf8')) as Record<string, unknown> & { paths: object };
  expect(proseKeywords(copy)).toEqual([]);
  expect(copy['x-source']).toMatch(/^Lucidtech AI Services OpenAPI spec, version 2021-09-23.*, made by scripts\/make-spec-facts\.mjs$/);
  expect(Object.keys(copy.paths).length).toBeGreaterThan(30);
});

// The tests read only the checkout: the copy is remade from the published spec with `npm run spec:facts`;
// here the script must give the copy back unchanged (a hand edit in the script's own form survives, prose does not).
test('the committed copy is what the script makes of itself', () => {
  expect(makeFacts(COPY)).toBe(readFileSync(COPY, 'utf8'));
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
