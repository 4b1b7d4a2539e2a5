/** A total, locale-independent order for the catalogue's ids and names, so every output is sorted the same everywhere. */
import { rememberPerText } from '../remember';

/** `text.toLowerCase()`, remembered: the catalogue's few hundred names are compared very often. */
const lowerCase = rememberPerText((text) => text.toLowerCase());

/** A total, locale-independent order for ids: case-insensitive first, then by code unit. */
export function compareIds(a: string, b: string): number {
  const la = lowerCase(a);
  const lb = lowerCase(b);
  if (la !== lb) {
    return la < lb ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Distinct ids in `compareIds` order. */
export function sortedIds<T extends string>(ids: Iterable<T>): T[] {
  // Most lists the resolver sorts hold one id or none.
  const distinct = Array.isArray(ids) && ids.length < 2 ? [...ids] : [...new Set(ids)];
  return distinct.length > 1 ? distinct.sort(compareIds) : distinct;
}
