/** The ASL pieces the workflow engine is built from: JSONPath data flow, Choice rules, definition checks. */
import { matches, ruleProblem } from '../src/asl/choice.js';
import { definitionProblem } from '../src/asl/definition.js';
import { AslError } from '../src/asl/errors.js';
import { applyInputPath, applyOutputPath, applyParameters, applyResultPath, lookup, parsePath } from '../src/asl/paths.js';
import type { JsonObject } from '../src/json.js';

describe('paths', () => {
  const input = { a: { b: [10, { c: 'x' }] }, 'odd key': 1 };

  test('parse $, fields, indexes and quoted keys; refuse the rest', () => {
    expect(parsePath('$')).toEqual([]);
    expect(parsePath("$.a.b[1]['c']")).toEqual(['a', 'b', 1, 'c']);
    expect(parsePath('a.b')).toBeUndefined();
    expect(parsePath('$..a')).toBeUndefined();
    expect(lookup(input, "$['odd key']")).toBe(1);
    expect(lookup(input, '$.a.b[1].c')).toBe('x');
    expect(lookup(input, '$.a.missing')).toBeUndefined();
  });

  test('InputPath and OutputPath select; null gives {}; a miss is a States.Runtime failure', () => {
    expect(applyInputPath(input, '$.a.b[0]')).toBe(10);
    expect(applyInputPath(input, undefined)).toBe(input);
    expect(applyOutputPath(input, null)).toEqual({});
    expect(() => applyInputPath(input, '$.nope')).toThrow(AslError);
  });

  test('ResultPath replaces, discards or sets a field of a copy', () => {
    expect(applyResultPath({ a: 1 }, { r: 2 }, undefined)).toEqual({ r: 2 });
    expect(applyResultPath({ a: 1 }, { r: 2 }, null)).toEqual({ a: 1 });
    const original = { a: 1, deep: { keep: true } };
    expect(applyResultPath(original, 5, '$.deep.x.y')).toEqual({ a: 1, deep: { keep: true, x: { y: 5 } } });
    expect(original).toEqual({ a: 1, deep: { keep: true } });
    expect(() => applyResultPath([1], 5, '$.x')).toThrow(/needs an object input/);
  });

  test('Parameters copy values and take `.$` keys from the input', () => {
    expect(applyParameters({ fixed: 1, 'total.$': '$.a.b[0]', nested: { 'c.$': '$.a.b[1].c' } }, input)).toEqual({
      fixed: 1,
      total: 10,
      nested: { c: 'x' },
    });
  });
});

describe('choice rules', () => {
  const input = { s: 'abc', n: 5, b: true, t: '2021-09-23T08:42:38Z', nil: null, other: 5 };
  const holds = (rule: JsonObject) => matches(rule, input);

  test('comparisons of every family, and their Path variants', () => {
    expect(holds({ Variable: '$.s', StringEquals: 'abc' })).toBe(true);
    expect(holds({ Variable: '$.s', StringLessThan: 'abd' })).toBe(true);
    expect(holds({ Variable: '$.s', StringMatches: 'a*c' })).toBe(true);
    expect(holds({ Variable: '$.n', NumericGreaterThanEquals: 5 })).toBe(true);
    expect(holds({ Variable: '$.n', NumericLessThan: 5 })).toBe(false);
    expect(holds({ Variable: '$.n', NumericEqualsPath: '$.other' })).toBe(true);
    expect(holds({ Variable: '$.b', BooleanEquals: true })).toBe(true);
    expect(holds({ Variable: '$.t', TimestampLessThan: '2022-01-01T00:00:00Z' })).toBe(true);
    // A value of another type never compares equal.
    expect(holds({ Variable: '$.s', NumericEquals: 5 })).toBe(false);
  });

  test('type tests, presence, and And/Or/Not', () => {
    expect(holds({ Variable: '$.nil', IsNull: true })).toBe(true);
    expect(holds({ Variable: '$.missing', IsPresent: false })).toBe(true);
    expect(holds({ Variable: '$.t', IsTimestamp: true })).toBe(true);
    expect(holds({ And: [{ Variable: '$.n', IsNumeric: true }, { Not: { Variable: '$.s', IsBoolean: true } }] })).toBe(true);
    expect(holds({ Or: [{ Variable: '$.n', NumericEquals: 1 }, { Variable: '$.s', IsString: false }] })).toBe(false);
    expect(() => holds({ Variable: '$.missing', StringEquals: 'x' })).toThrow(/matched nothing/);
  });

  test('malformed rules are found before anything runs', () => {
    expect(ruleProblem({ Variable: '$.a' }, 'rule')).toMatch(/exactly one comparison operator/);
    expect(ruleProblem({ Variable: 'a', StringEquals: 'x' }, 'rule')).toBe('rule.Variable: must be a JSONPath such as $.status');
    expect(ruleProblem({ And: [] }, 'rule')).toBe('rule.And: must be a non-empty array of rules');
    expect(ruleProblem({ Not: { Variable: '$.a', IsNull: true } }, 'rule')).toBeUndefined();
  });
});

describe('definitions', () => {
  const resource = (r: unknown) => (r === 'las:transition:ok' ? undefined : 'unknown transition');
  const check = (definition: unknown) => definitionProblem(definition, 'def', resource);

  test('a sound definition passes', () => {
    expect(
      check({
        StartAt: 'T',
        States: {
          T: { Type: 'Task', Resource: 'las:transition:ok', Next: 'C' },
          C: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'P' }], Default: 'F' },
          P: { Type: 'Pass', ResultPath: null, End: true },
          F: { Type: 'Fail', Error: 'E' },
        },
      }),
    ).toBeUndefined();
  });

  test('each problem is named by its field', () => {
    expect(check({ StartAt: 'X', States: { A: { Type: 'Succeed' } } })).toBe('def.StartAt: must name one of the States (A)');
    expect(check({ StartAt: 'A', States: {} })).toBe('def.States: must be an object naming at least one state');
    expect(check({ StartAt: 'A', States: { A: { Type: 'Task', Resource: 'x', End: true } } })).toBe('def.States.A.Resource: unknown transition');
    expect(check({ StartAt: 'A', States: { A: { Type: 'Pass' } } })).toBe('def.States.A: needs Next or "End": true');
    expect(check({ StartAt: 'A', States: { A: { Type: 'Pass', End: true, Next: 'A' } } })).toBe('def.States.A: has both Next and End');
    expect(check({ StartAt: 'A', States: { A: { Type: 'Pass', End: true, InputPath: 'x' } } })).toBe(
      'def.States.A.InputPath: must be null or a JSONPath such as $ or $.a.b',
    );
    expect(check({ StartAt: 'A', States: { A: { Type: 'Choice', Choices: [{ Variable: '$.a', IsNull: true, Next: 'Z' }] } } })).toBe(
      'def.States.A.Choices[0].Next: must name one of the States, got "Z"',
    );
  });
});
