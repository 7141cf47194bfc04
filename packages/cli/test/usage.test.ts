/**
 * Usage errors: one line on stderr naming the problem, exit 2, no stack trace, and nothing sent
 * (the API endpoint is a closed port: a request would end in a ConnectionError, exit 1).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, useTempDir } from './helpers.js';

const tmp = useTempDir();
const env = {
  LAS_CLIENT_ID: 'id',
  LAS_CLIENT_SECRET: 'secret',
  LAS_AUTH_ENDPOINT: 'http://127.0.0.1:9',
  LAS_API_ENDPOINT: 'http://127.0.0.1:9/v1',
};
const DATASET = 'las:dataset:0123456789abcdef0123456789abcdef';

const CASES: [what: string, argv: (dir: string) => string[], message: RegExp][] = [
  ['an unknown flag', () => ['datasets', 'list', '--bogus'], /^las: unknown option '--bogus'/],
  ['an unknown command', () => ['datasets', 'frobnicate'], /^las: unknown command 'frobnicate'/],
  ['a missing argument', () => ['datasets', 'get'], /^las: missing required argument 'datasetId'/],
  ['a missing required option', () => ['workflows', 'execute', 'las:workflow:0123456789abcdef0123456789abcdef'], /--input <json>' not specified/],
  ['a flag without its value', () => ['datasets', 'list', '--max-results'], /^las: option '-m, --max-results <n>' argument missing/],
  ['a number that is not one', () => ['datasets', 'list', '--max-results', 'ten'], /max-results.*expected a whole number/],
  ['a choice not offered', () => ['transitions', 'create', 'lambda'], /^las: command-argument value 'lambda' is invalid for argument 'transitionType'\. Allowed choices are docker, manual/],
  ['an --output format not offered', () => ['-o', 'yaml', 'datasets', 'list'], /argument 'yaml' is invalid/],
  ['malformed inline JSON', () => ['workflows', 'execute', 'las:workflow:0123456789abcdef0123456789abcdef', '--input', '{"a":'], /^las: --input: the inline value is not valid JSON/],
  ['a JSON file that is not JSON', (dir) => ['workflows', 'create', '--specification', join(dir, 'bad.json')], /^las: --specification: .*bad\.json is not valid JSON/],
  ['JSON that is not an object', () => ['workflows', 'execute', 'las:workflow:0123456789abcdef0123456789abcdef', '--input', '[1]'], /^las: --input: expected a JSON object/],
  ['an unreadable JSON file', (dir) => ['models', 'create', '--field-config', join(dir, 'missing.json')], /^las: --field-config: cannot read file ".*missing\.json" \(ENOENT\)/],
  ['an unreadable document', (dir) => ['documents', 'create', join(dir, 'missing.pdf')], /^las: ContentError: could not read file ".*missing\.pdf": no such file or directory \(ENOENT\)/],
  ['a bad KEY=VALUE', () => ['secrets', 'create', '--data', 'novalue'], /^las: --data: expected KEY=VALUE, got "novalue"/],
  ['a bad id (the SDK\'s ValidationError)', () => ['datasets', 'get', 'dataset-1'], /^las: ValidationError: datasets: datasetId: must be a dataset id \(las:dataset:<32 hex digits>\), got "dataset-1"; nothing was sent/],
  ['a bad option (the SDK\'s ValidationError)', () => ['datasets', 'update', DATASET], /^las: ValidationError: dataset\.update: .*must set at least one of name, description; nothing was sent/],
  ['an unsupported ground truth extension', () => ['datasets', 'create-documents', DATASET, '.', '--ground-truth-ext', '.yaml'], /^las: --ground-truth-ext: only \.json is supported/],
  ['a concurrency of 0', (dir) => ['datasets', 'create-documents', DATASET, dir, '--concurrency', '0'], /^las: option '--concurrency <n>' argument '0' is invalid\. expected a whole number >= 1/],
];

beforeAll(() => writeFileSync(join(tmp.path, 'bad.json'), '{ not json'));

test.each(CASES)('%s: one line naming it, exit 2, no stack', async (_, argv, message) => {
  const result = await cli(argv(tmp.path), { env });
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  expect(result.code).toBe(2);
});

test('a group without a command shows its help on stderr, exit 2', async () => {
  const result = await cli(['datasets'], { env });
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('Usage: las datasets');
});
