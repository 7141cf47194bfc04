/**
 * A client's type follows the API version chosen in code (shared/API.md "API versions"):
 * `new Las({ apiVersion: '2024-11-29' })` has neither `batches` nor `width` in its type, while
 * `new Las()` keeps every call of both versions (its version may come from the environment).
 * The `@ts-expect-error` lines are the type tests: `npx tsc --noEmit` fails when one of them stops
 * being an error. Each also runs, and the run-time check refuses it before anything is sent.
 */
import {
  Las,
  type ApiVersion,
  type CreateDocumentOptions,
  type CreateModelOptions,
  type CreateUserOptions,
  type DeleteDocumentsOptions,
  type LasOptions,
  type ListDocumentsOptions,
  type Model,
  type UpdateTransitionOptions,
} from '../src/index.js';
import { ValidationError } from '../src/errors.js';
import { testCredentials, thrown, useApiMock } from './helpers/index.js';

/** True when `A` and `B` are the same type. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when its argument's type is `true`. */
const holds = (proof: true): true => proof;

const options = { credentials: testCredentials(), maxRetries: 0 } satisfies LasOptions;
const fieldConfig = { total: { type: 'amount', maxLength: 10 } } as const;

useApiMock();

describe('a client of 2024-11-29 has only its version in its type', () => {
  const las = new Las({ ...options, apiVersion: '2024-11-29' });

  test('new Las({ apiVersion }) infers the version; withOptions keeps it', () => {
    holds(true as Same<typeof las, Las<'2024-11-29'>>);
    holds(true as Same<typeof las.apiVersion, '2024-11-29'>);
    const faster: Las<'2024-11-29'> = las.withOptions({ timeout: 5 });
    expect(faster.apiVersion).toBe('2024-11-29');
  });

  test('no batches in its type; the collection exists and refuses its calls', async () => {
    // @ts-expect-error batches is 2021-09-23's: removed from the service on 2021-10-12
    const batches = las.batches;
    expect((await thrown(batches.list())).message).toMatch(/2021-10-12/);
  });

  test('models.create and models.update without width and height in their types', async () => {
    // @ts-expect-error width is 2021-09-23's
    const created = await thrown(las.models.create({ width: 800, height: 800, fieldConfig }));
    expect(created).toBeInstanceOf(ValidationError);
    // @ts-expect-error height is 2021-09-23's
    const updated = await thrown(las.models.update('las:model:invoices', { height: 800 }));
    expect(updated).toBeInstanceOf(ValidationError);
    holds(true as Same<'width' extends keyof CreateModelOptions<'2024-11-29'> ? true : false, false>);
  });

  test("its models' update is 2024-11-29's too: no width, no status", async () => {
    holds(true as Same<Awaited<ReturnType<typeof las.models.get>>, Model<'2024-11-29'>>);
    const model = las.models.ref('las:model:invoices');
    // @ts-expect-error status is 2021-09-23's: trainingId replaced it
    expect(await thrown(model.update({ status: 'inactive' }))).toBeInstanceOf(ValidationError);
    // @ts-expect-error width is 2021-09-23's
    expect(await thrown(model.update({ width: 800 }))).toBeInstanceOf(ValidationError);
  });

  test('documents.create without batchId in its type', async () => {
    // @ts-expect-error batchId is 2021-09-23's
    const error = await thrown(las.documents.create(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]), { batchId: 'las:batch:' + 'a'.repeat(32) }));
    expect(error).toBeInstanceOf(ValidationError);
  });

  test('documents.list and deleteMany without batchId in their types', async () => {
    const batchId = 'las:batch:' + 'a'.repeat(32);
    // @ts-expect-error batchId is 2021-09-23's
    expect(await thrown(las.documents.list({ batchId }))).toBeInstanceOf(ValidationError);
    // @ts-expect-error batchId is 2021-09-23's
    expect(await thrown(las.documents.deleteMany({ batchId }))).toBeInstanceOf(ValidationError);
  });

  test('users without name or avatar in their types: a profile holds them', async () => {
    // @ts-expect-error name is 2021-09-23's
    expect(await thrown(las.users.create('a@example.com', { name: 'Ann' }))).toBeInstanceOf(ValidationError);
    // @ts-expect-error avatar is 2021-09-23's
    expect(await thrown(las.users.ref('las:user:' + 'b'.repeat(32)).update({ avatar: null }))).toBeInstanceOf(ValidationError);
  });

  test("transitions without 2021-09-23's schemas and environment in their types", async () => {
    // @ts-expect-error inSchema is 2021-09-23's
    expect(await thrown(las.transitions.create('docker', { inSchema: {} }))).toBeInstanceOf(ValidationError);
    // @ts-expect-error environment is 2021-09-23's: parameters.environment replaced it
    expect(await thrown(las.transitions.update('las:transition:' + 'c'.repeat(32), { environment: { A: 'b' } }))).toBeInstanceOf(ValidationError);
  });

  test("the 2024-only collections are in its type", () => {
    expect([las.plans, las.roles, las.profiles, las.paymentMethods, las.deploymentEnvironments].every(Boolean)).toBe(true);
  });
});

describe('new Las() and a 2021-09-23 client keep every call in their type', () => {
  test('new Las() is a Las: the seed version by default, any version at run time', () => {
    const las = new Las(options);
    holds(true as Same<typeof las, Las>);
    holds(true as Same<Las, Las<'2021-09-23'>>);
    holds(true as Same<typeof las.apiVersion, ApiVersion>);
    expect([las.batches, las.plans].every(Boolean)).toBe(true);
  });

  test('Las is still a class at run time: instanceof, its name', () => {
    const client: unknown = new Las({ ...options, apiVersion: '2024-11-29' });
    expect(client instanceof Las && Las.name).toBe('Las');
  });

  test('a version chosen at run time is a Las with every call', () => {
    const version = ['2024-11-29', '2021-09-23'][0] as ApiVersion;
    const las = new Las({ ...options, apiVersion: version });
    const asDefault: Las = las;
    expect(asDefault.apiVersion).toBe('2024-11-29');
  });

  test('models.create takes either version\'s options, as before', () => {
    holds(true as Same<Parameters<Las<'2021-09-23'>['models']['create']>[0], CreateModelOptions>);
    const both: CreateModelOptions[] = [{ width: 800, height: 800, fieldConfig }, { fieldConfig: { total: { type: 'digits' } } }];
    expect(both).toHaveLength(2);
  });

  test("users, transitions and documents take either version's options, as before", () => {
    holds(true as Same<Parameters<Las['users']['create']>[1], CreateUserOptions | undefined>);
    holds(true as Same<Parameters<Las['transitions']['update']>[1], UpdateTransitionOptions>);
    holds(true as Same<Parameters<Las['documents']['list']>[0], ListDocumentsOptions | undefined>);
    holds(true as Same<Parameters<Las['documents']['deleteMany']>[0], DeleteDocumentsOptions | undefined>);
    holds(true as Same<Parameters<Las['documents']['create']>[1], CreateDocumentOptions | undefined>);
  });

  test('a Las gives a Model, as before', () => {
    holds(true as Same<Awaited<ReturnType<Las['models']['get']>>, Model>);
    holds(true as Same<Model, Model<'2021-09-23'>>);
  });
});
