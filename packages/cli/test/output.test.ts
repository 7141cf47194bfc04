/** What a person reads: tables that never cut an id, error lines with ids as typed. */
import { table } from '../src/output.js';
import { describeFailure } from '../src/errors.js';
import { Las, NotFoundError } from 'las-sdk';
import { startEmulator } from 'las-emulator';

const id = 'las:document:0123456789abcdef0123456789abcdef';

test('a narrow table keeps ids and names whole; the other columns shrink, then go', async () => {
  const rows = [{ documentId: id, name: 'a name that is rather long, forty-odd characters', description: 'x'.repeat(80), datasetId: 'las:dataset:0123456789abcdef0123456789abcdef' }];
  const text = await table(rows, 170);
  expect(text).toContain(id);
  expect(text).toContain('las:dataset:0123456789abcdef0123456789abcdef');
  expect(text).toContain(rows[0].name);
  expect(text).toMatch(/x+…/);
  expect(Math.max(...text.split('\n').map((line) => line.length))).toBeLessThanOrEqual(170);
  const tiny = await table(rows, 40);
  expect(tiny).toContain(id);
  expect(tiny).not.toContain('description');
});

test('a column of ids under another name (createdBy) is kept whole too', async () => {
  const creator = 'las:app-client:0123456789abcdef0123456789abcdef';
  const rows = [{ documentId: id, contentType: 'application/pdf', createdBy: creator, description: 'x'.repeat(80) }, { documentId: id, createdBy: null }];
  const text = await table(rows, 130);
  expect(text).toContain(creator);
  expect(text).toMatch(/x+…/);
});

test('an API error names the id as typed, not URL-encoded', async () => {
  const emu = await startEmulator();
  const error = await new Las({ credentials: emu.credentials, maxRetries: 0 }).documents.get(id).catch((caught: unknown) => caught);
  await emu.close();
  expect(error).toBeInstanceOf(NotFoundError);
  const { code, lines } = describeFailure(error, 0);
  expect(code).toBe(1);
  expect(lines[0]).toContain(`/v1/documents/${id}`);
  expect(lines[0]).not.toContain('%3A');
});
