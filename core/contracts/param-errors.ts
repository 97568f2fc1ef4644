import type { z } from 'zod';
import { jsTypeName } from './type-names';

/** zod's type words -> WeChat's capitalised JS type names. */
const EXPECTED: Record<string, string> = {
  string: 'String',
  number: 'Number',
  int: 'Number',
  boolean: 'Boolean',
  object: 'Object',
  record: 'Object',
  array: 'Array',
  null: 'Null',
  undefined: 'Undefined',
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return value;
}

function where(path: readonly PropertyKey[]): string {
  return 'parameter' + path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
}

/** The type the schema wanted, when the issue is a plain "wrong type" (including a missing field). */
function expectedType(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code === 'invalid_type') return EXPECTED[issue.expected];
  // An enum answers a missing or non-string value with "invalid option"; WeChat calls that a type error.
  if (issue.code === 'invalid_value' && issue.values.length > 0) {
    if (issue.values.every((v) => typeof v === 'string')) return 'String';
    if (issue.values.every((v) => typeof v === 'number')) return 'Number';
  }
  return undefined;
}

/**
 * WeChat's wording for bad parameters, one clause per problem:
 * "parameter.desc should be String instead of Undefined;" for type errors,
 * "parameter.<path> <what the schema says>;" for everything else.
 */
export function describeParamIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string {
  return issues
    .map((issue) => {
      const received = jsTypeName(valueAt(input, issue.path));
      // A field that takes any value (storage data) can only be wrong by being absent.
      if (issue.code === 'invalid_type' && issue.expected === 'nonoptional') return `${where(issue.path)} is required;`;
      const expected = expectedType(issue);
      if (expected !== undefined && expected !== received) return `${where(issue.path)} should be ${expected} instead of ${received};`;
      return `${where(issue.path)} ${issue.message};`;
    })
    .join(' ');
}
