/**
 * What `@entity` declares and how JSON becomes entities: the declaration is metadata read through
 * one accessor, class-transformer builds the instances, and handles from `ref()` hold no data.
 */
import { LasError } from '../../src/errors.js';
import { fixture } from '../helpers/fixtures.js';
import { api, testLas, useApiMock } from '../helpers/api.js';
import { thrown } from '../helpers/thrown.js';
import type { Session } from '../../src/http/session.js';
import { Entity } from '../../src/resources/entity.js';
import { entity, entityMetadata } from '../../src/resources/entity-metadata.js';
import { kinds } from '../../src/api/kinds.js';
import { Dataset } from '../../src/resources/datasets.js';
import { TransitionExecution } from '../../src/resources/transition-executions.js';
import { DataBundle } from '../../src/resources/data-bundles.js';
import { Timestamp } from '../../src/schema/timestamp.js';
import { dataBundleSchema } from '../../src/api/data-bundles.js';
import { datasetSchema } from '../../src/api/datasets.js';
import { transitionExecutionSchema } from '../../src/api/transition-executions.js';

const session = {} as Session;

describe('@entity', () => {
  test.each([
    [Dataset, datasetSchema, 'datasetId'],
    [TransitionExecution, transitionExecutionSchema, 'executionId'],
    [DataBundle, dataBundleSchema, 'dataBundleId'],
  ])('records the shape and the id field of %p as metadata', (cls, schema, idField) => {
    expect(entityMetadata(cls)).toEqual({ schema, idField });
    expect(entityMetadata(cls).schema).toBe(schema);
  });

  test('the id of an entity is the field its declaration names', () => {
    const execution = TransitionExecution.fromApi(session, fixture('transition-execution'));
    expect(execution.id).toBe(fixture('transition-execution').executionId);
  });

  test('a class not declared with @entity has no metadata, and says so', () => {
    class Undeclared extends Entity<{ thingId: string }> {
      protected override get path(): string {
        return '/things';
      }
    }
    expect(() => entityMetadata(Undeclared)).toThrow(new TypeError('Undeclared is not declared with @entity'));
    expect(() => new Undeclared().id).toThrow(TypeError);
  });

  test('a subclass of a declared entity inherits its declaration', () => {
    @entity(kinds.dataset)
    class Declared extends Entity<{ datasetId: string }> {
      protected override get path(): string {
        return '/datasets';
      }
    }
    class Sub extends Declared {}
    expect(entityMetadata(Sub)).toBe(entityMetadata(Declared));
    expect(Sub.fromApi(session, { datasetId: 'las:dataset:1' }).id).toBe('las:dataset:1');
  });

  test('class-transformer builds the instance: the class, own data fields, timestamps as Timestamps, nested ones too', () => {
    const bundle = DataBundle.fromApi(session, fixture('data-bundle'));
    expect(bundle).toBeInstanceOf(DataBundle);
    expect(bundle).toBeInstanceOf(Entity);
    expect(bundle.createdTime).toBeInstanceOf(Timestamp);
    expect(bundle.datasets[0].createdTime).toBeInstanceOf(Timestamp);
    expect(JSON.parse(JSON.stringify(bundle))).toEqual(fixture('data-bundle'));
  });
});

describe('handles', () => {
  useApiMock();
  const las = testLas();
  const dataset = fixture<{ datasetId: string }>('dataset');

  test('ref() types only the ids and the methods; refresh() gives the full entity', async () => {
    api().get(`/datasets/${encodeURIComponent(dataset.datasetId)}`).reply(200, dataset);
    const handle = las.datasets.ref(dataset.datasetId);
    expect(handle.datasetId).toBe(dataset.datasetId);
    // @ts-expect-error a handle holds no data: the compiler says so
    expect(handle.name).toBeUndefined();
    const loaded: Dataset = await handle.refresh();
    expect(loaded.name).toBe(dataset.name);
  });

  test.each([
    ['an empty body', ''],
    ['null', 'null'],
    ['a number', '42'],
    ['an array', '[]'],
  ])('an answer of %s where an entity was expected is a LasError saying so, not an empty entity', async (_name, body) => {
    api().get(`/datasets/${encodeURIComponent(dataset.datasetId)}`).reply(200, body, { 'Content-Type': 'application/json' });
    const error = await thrown(las.datasets.get(dataset.datasetId));
    expect(error).toBeInstanceOf(LasError);
    expect((error as Error).message).toMatch(/^the API answered (no JSON|null|number|an array) where Dataset data \(a JSON object\) was expected$/);
  });

  test('nested handles hold their parent id too', () => {
    const execution = las.transitions.ref('las:transition:' + 'a'.repeat(32)).executions.ref('las:transition-execution:' + 'b'.repeat(32));
    expect([execution.transitionId, execution.executionId]).toEqual(['las:transition:' + 'a'.repeat(32), 'las:transition-execution:' + 'b'.repeat(32)]);
    // @ts-expect-error the status is data the handle does not hold
    expect(execution.status).toBeUndefined();
  });
});
