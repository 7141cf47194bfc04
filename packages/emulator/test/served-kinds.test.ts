/**
 * The emulator's routes come from las-sdk's `kinds` table: exactly the operations of the API
 * version it serves. Under 2021-09-23, what the table lists for 2024-11-29 only answers as any
 * unknown path.
 */
import { kinds } from 'las-sdk/api';
import { routesFor } from '../src/routes/index.js';
import { specOperations } from '../../../test/helpers/spec.js';
import { raw, useEmulator } from './helpers.js';

const t = useEmulator();
const UNKNOWN = { status: 403, body: { message: 'Missing Authentication Token' } };

test.each(['2021-09-23', '2024-11-29'] as const)('the routes of %s are its spec operations, each once, and no other', (version) => {
  const served = routesFor(version).map((r) => `${r.method} ${r.pattern}`).sort();
  expect(served).toEqual(specOperations(version).map((o) => o.key));
});

test('the kinds only 2024-11-29 has are unknown paths, listed, read, created, changed or deleted', async () => {
  const only2024 = [kinds.deploymentEnvironment, kinds.paymentMethod, kinds.plan, kinds.profile, kinds.role];
  for (const kind of only2024) {
    const one = `${kind.path}/x`;
    const answers = [
      await raw(t.emu, 'GET', kind.path),
      await raw(t.emu, 'POST', kind.path, { body: {} }),
      await raw(t.emu, 'GET', one),
      await raw(t.emu, 'PATCH', one, { body: {} }),
      await raw(t.emu, 'DELETE', one),
    ];
    expect({ kind: kind.name, answers }).toEqual({ kind: kind.name, answers: answers.map(() => UNKNOWN) });
  }
  // Ids of the right form: a served path would answer 404 for them, not 403.
  const modelId = `las:model:${'0'.repeat(32)}`;
  const datasetId = `las:dataset:${'0'.repeat(32)}`;
  for (const path of [`/models/${modelId}/trainings`, `/datasets/${datasetId}/transformations`]) {
    expect([await raw(t.emu, 'GET', path), await raw(t.emu, 'POST', path, { body: {} }), await raw(t.emu, 'DELETE', `${path}/x`)]).toEqual([
      UNKNOWN,
      UNKNOWN,
      UNKNOWN,
    ]);
  }
});

test('what `kinds` lists that 2021-09-23 lacks stays unserved: GET of one app client, prediction or data bundle, the organizations list', async () => {
  const appClientId = (await raw(t.emu, 'GET', '/appClients')).body.appClients as { appClientId: string }[];
  const paths = [`/appClients/${appClientId[0]?.appClientId}`, '/predictions/x', `/models/las:model:${'0'.repeat(32)}/dataBundles/x`, '/organizations'];
  expect(await Promise.all(paths.map((path) => raw(t.emu, 'GET', path)))).toEqual(paths.map(() => UNKNOWN));
  expect(await raw(t.emu, 'POST', '/organizations', { body: {} })).toEqual(UNKNOWN);
});
