/**
 * Lists of names a caller gives at run time (from a config file, plain JavaScript) must be lists:
 * a string would otherwise be read letter by letter, each letter an unknown name.
 */
import type { Problem } from '../problems';
import type { SelectionTerms, TermField } from './terms';

/** A value as a message names it: `the string 'iCloud'`, `an object`, `undefined`. */
function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    return `the string '${value}'`;
  }
  if (value === undefined || value === null) {
    return String(value);
  }
  return typeof value === 'object' ? 'an object' : `the ${typeof value} ${String(value)}`;
}

/** A list of valid names per field, for the messages' examples. */
export const NAME_LIST_EXAMPLES = { products: ['iCloud', 'FaceTime'], profiles: ['managed-mac'], exclude: ['http'], hostGroups: ['certificate-validation'] } as const;

/**
 * The names of a field as a list, or undefined with a problem naming the value and the fix
 * (`example`: a list of valid names for the field).
 */
export function nameList(field: TermField, value: unknown, example: readonly string[], problems: Problem[], terms: SelectionTerms): readonly unknown[] | undefined {
  if (Array.isArray(value)) {
    return value;
  }
  const split = typeof value === 'string' ? ', or split the string on commas first' : '';
  problems.push({
    code: 'names-not-a-list',
    message: `${terms.field(field)} must be a list of names, but got ${describeValue(value)}. Pass a list, e.g. [${example.map((name) => `'${name}'`).join(', ')}]${split}.`,
  });
  return undefined;
}

/** The names a selection field gives, or none: a value that is not a list adds its problem. */
export function namesOf(field: keyof typeof NAME_LIST_EXAMPLES, value: unknown, problems: Problem[], terms: SelectionTerms): readonly unknown[] {
  return value === undefined ? [] : (nameList(field, value, NAME_LIST_EXAMPLES[field], problems, terms) ?? []);
}
