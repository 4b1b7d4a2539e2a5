/**
 * "Did you mean …?" for misspelt names: the closest candidates by edit distance, compared
 * case-insensitively, so `facetme` suggests `FaceTime`.
 */
import { compareIds } from './order';

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions ("FaceTmie"). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[rows - 1][cols - 1];
}

/** A name users may type, and the canonical id it stands for. */
export interface NameCandidate {
  readonly name: string;
  readonly id: string;
}

/**
 * Up to `limit` canonical ids whose id or alias is closest to `input` (ties all count): within a
 * third of the input's length (at least 2 edits), or containing it / contained in it.
 */
export function nearestIds(input: string, candidates: readonly NameCandidate[], limit = 3): string[] {
  const wanted = input.trim().toLowerCase();
  const best = new Map<string, number>();
  for (const candidate of candidates) {
    const name = candidate.name.toLowerCase();
    let score = editDistance(wanted, name);
    if (wanted.length >= 3 && (name.includes(wanted) || wanted.includes(name))) {
      score = Math.min(score, 1.5);
    }
    const previous = best.get(candidate.id);
    if (previous === undefined || score < previous) {
      best.set(candidate.id, score);
    }
  }
  const threshold = Math.max(2, Math.floor(wanted.length / 3));
  const closest = Math.min(...best.values());
  return [...best.entries()]
    .filter(([, score]) => score <= threshold && score === closest)
    .sort(([idA, a], [idB, b]) => a - b || compareIds(idA, idB))
    .slice(0, limit)
    .map(([id]) => id);
}

/** "Did you mean 'X' or 'Y'?" or, with no close match, where to find the valid names. */
export function didYouMean(suggestions: readonly string[], fallback: string): string {
  if (suggestions.length === 0) {
    return fallback;
  }
  const quoted = suggestions.map((s) => `'${s}'`);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
  return `Did you mean ${list}?`;
}
