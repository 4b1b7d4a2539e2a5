/**
 * Memory for pure text functions that the resolver calls on the same few hundred catalogue names
 * and labels in every resolve.
 */

/**
 * How many texts a remembered function keeps: far more than the catalogue's names and labels,
 * and a bound on memory when it is also called with users' own text.
 */
const MAX_REMEMBERED_TEXTS = 10_000;

/** `compute`, remembering its result for each text it is given (up to `MAX_REMEMBERED_TEXTS` texts). */
export function rememberPerText(compute: (text: string) => string): (text: string) => string {
  const results = new Map<string, string>();
  return (text) => {
    let result = results.get(text);
    if (result === undefined) {
      result = compute(text);
      if (results.size < MAX_REMEMBERED_TEXTS) {
        results.set(text, result);
      }
    }
    return result;
  };
}
