/** Choice rules of ASL: comparisons of a variable of the input, combined with And, Or and Not. */
import { isObject, type Json, type JsonObject } from '../json.js';
import { AslError } from './errors.js';
import { lookup, select } from './paths.js';

type Family = 'String' | 'Numeric' | 'Boolean' | 'Timestamp';
type Relation = 'Equals' | 'LessThan' | 'GreaterThan' | 'LessThanEquals' | 'GreaterThanEquals';

const RELATIONS: readonly Relation[] = ['Equals', 'LessThan', 'GreaterThan', 'LessThanEquals', 'GreaterThanEquals'];
const FAMILIES: readonly Family[] = ['String', 'Numeric', 'Boolean', 'Timestamp'];
const TESTS = ['IsPresent', 'IsNull', 'IsString', 'IsNumeric', 'IsBoolean', 'IsTimestamp'] as const;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Every comparison operator a rule may use (`StringEquals`, `NumericLessThanPath`, `IsNull`, ...). */
export const COMPARISON_OPERATORS: ReadonlySet<string> = new Set([
  ...FAMILIES.flatMap((family) =>
    RELATIONS.filter((relation) => family !== 'Boolean' || relation === 'Equals').flatMap((relation) => [
      `${family}${relation}`,
      `${family}${relation}Path`,
    ]),
  ),
  'StringMatches',
  ...TESTS,
]);

/**
 * What is wrong with a rule, or undefined: exactly one of And, Or, Not, or a Variable with one
 * comparison operator. Checked when a workflow is created, so executions only meet sound rules.
 */
export function ruleProblem(rule: unknown, where: string): string | undefined {
  if (!isObject(rule)) return `${where}: must be an object`;
  if ('And' in rule || 'Or' in rule) {
    const key = 'And' in rule ? 'And' : 'Or';
    const rules = rule[key];
    if (!Array.isArray(rules) || rules.length === 0) return `${where}.${key}: must be a non-empty array of rules`;
    for (let i = 0; i < rules.length; i++) {
      const problem = ruleProblem(rules[i], `${where}.${key}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  if ('Not' in rule) return ruleProblem(rule.Not, `${where}.Not`);
  if (typeof rule.Variable !== 'string' || !rule.Variable.startsWith('$')) return `${where}.Variable: must be a JSONPath such as $.status`;
  const operators = Object.keys(rule).filter((key) => COMPARISON_OPERATORS.has(key));
  if (operators.length !== 1) {
    return `${where}: must have exactly one comparison operator (StringEquals, NumericGreaterThan, BooleanEquals, IsPresent, ...)`;
  }
  return undefined;
}

/** Whether `rule` holds for `input`. A missing Variable fails the execution, as in ASL (use IsPresent to test for it). */
export function matches(rule: JsonObject, input: Json): boolean {
  if (Array.isArray(rule.And)) return rule.And.every((r) => matches(r as JsonObject, input));
  if (Array.isArray(rule.Or)) return rule.Or.some((r) => matches(r as JsonObject, input));
  if (isObject(rule.Not)) return !matches(rule.Not, input);
  const path = rule.Variable as string;
  const operator = Object.keys(rule).find((key) => COMPARISON_OPERATORS.has(key)) as string;
  const expected = rule[operator];
  const value = lookup(input, path);
  if (operator === 'IsPresent') return (value !== undefined) === expected;
  if (value === undefined) throw new AslError('States.Runtime', `Choice Variable ${path} matched nothing in the input`);
  switch (operator) {
    case 'IsNull':
      return (value === null) === expected;
    case 'IsString':
      return (typeof value === 'string') === expected;
    case 'IsNumeric':
      return (typeof value === 'number') === expected;
    case 'IsBoolean':
      return (typeof value === 'boolean') === expected;
    case 'IsTimestamp':
      return (typeof value === 'string' && ISO_TIMESTAMP.test(value)) === expected;
    case 'StringMatches':
      return typeof value === 'string' && typeof expected === 'string' && globMatches(expected, value);
  }
  const other = operator.endsWith('Path') ? select(input, expected as string, operator) : expected;
  const bare = operator.replace(/Path$/, '');
  const family = FAMILIES.find((f) => bare.startsWith(f)) as Family;
  return compare(family, bare.slice(family.length) as Relation, value, other);
}

function compare(family: Family, relation: Relation, a: Json, b: Json): boolean {
  let left: string | number | boolean;
  let right: string | number | boolean;
  switch (family) {
    case 'String':
      if (typeof a !== 'string' || typeof b !== 'string') return false;
      [left, right] = [a, b];
      break;
    case 'Numeric':
      if (typeof a !== 'number' || typeof b !== 'number') return false;
      [left, right] = [a, b];
      break;
    case 'Boolean':
      return typeof a === 'boolean' && a === b;
    case 'Timestamp':
      if (typeof a !== 'string' || typeof b !== 'string' || !ISO_TIMESTAMP.test(a) || !ISO_TIMESTAMP.test(b)) return false;
      [left, right] = [Date.parse(a), Date.parse(b)];
      break;
  }
  switch (relation) {
    case 'Equals':
      return left === right;
    case 'LessThan':
      return left < right;
    case 'GreaterThan':
      return left > right;
    case 'LessThanEquals':
      return left <= right;
    case 'GreaterThanEquals':
      return left >= right;
  }
}

/**
 * StringMatches: `*` matches any run of characters, `\*` a literal star. Matched by hand, at
 * worst in time proportional to text × pattern: as a regular expression, a pattern such as
 * `*a*a*a*a*b` backtracks exponentially and stalls the emulator.
 */
export function globMatches(pattern: string, text: string): boolean {
  // null stands for a star, every other token for one literal character.
  const tokens: (string | null)[] = [];
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\' && pattern[i + 1] === '*') tokens.push(pattern[++i]);
    else tokens.push(pattern[i] === '*' ? null : pattern[i]);
  }
  let t = 0;
  let p = 0;
  // The last star seen, and where in the text it is tried to end: on a mismatch it takes one more character.
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (p < tokens.length && tokens[p] !== null && tokens[p] === text[t]) {
      p++;
      t++;
    } else if (p < tokens.length && tokens[p] === null) {
      star = p++;
      resume = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < tokens.length && tokens[p] === null) p++;
  return p === tokens.length;
}
