/**
 * Port-range arithmetic behind the resolver: merging ranges into the fewest maximal intervals, and
 * fitting several groups of intervals into a rule budget by closing the smallest gaps first.
 *
 * Closing one gap always removes exactly one interval and opens exactly the gap's ports, and gaps
 * never interact, so taking the k smallest gaps across all groups opens the fewest extra ports of
 * any way to remove k intervals.
 */

/** A port interval with the things that asked for it. */
export interface Span<T> {
  readonly from: number;
  readonly to: number;
  readonly origins: readonly T[];
}

/** A merged interval; `widened` lists the gaps inside it that no origin asked for. */
export interface MergedSpan<T> extends Span<T> {
  readonly widened: readonly { readonly from: number; readonly to: number }[];
}

/** Merges overlapping and adjacent spans; the result is sorted and has no two touching intervals. */
export function mergeSpans<T>(spans: readonly Span<T>[]): MergedSpan<T>[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from || a.to - b.to);
  const merged: { from: number; to: number; origins: T[] }[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.from <= last.to + 1) {
      last.to = Math.max(last.to, span.to);
      last.origins.push(...span.origins);
    } else {
      merged.push({ from: span.from, to: span.to, origins: [...span.origins] });
    }
  }
  return merged.map((m) => ({ ...m, widened: [] }));
}

/** The number of ports in the gap after interval `index` of a sorted, merged list. */
function gapAfter<T>(spans: readonly MergedSpan<T>[], index: number): number {
  return spans[index + 1].from - spans[index].to - 1;
}

/** One group of merged intervals that shares a budget with others (e.g. one protocol and peer). */
export interface SpanGroup<K, T> {
  readonly key: K;
  readonly spans: readonly MergedSpan<T>[];
}

/** The outcome of fitting groups into a budget. */
export type BudgetFit<K, T> =
  | { readonly ok: true; readonly groups: SpanGroup<K, T>[]; readonly extraPorts: number }
  | { readonly ok: false; readonly minimum: number };

/**
 * Reduces the total interval count of `groups` to at most `budget` by closing the smallest gaps
 * (ties: earlier group, then lower port). Fails when even one interval per group is too many.
 */
export function fitToBudget<K, T>(groups: readonly SpanGroup<K, T>[], budget: number): BudgetFit<K, T> {
  const total = groups.reduce((sum, g) => sum + g.spans.length, 0);
  if (total <= budget) {
    return { ok: true, groups: [...groups], extraPorts: 0 };
  }
  if (groups.length > budget) {
    return { ok: false, minimum: groups.length };
  }
  const gaps: { group: number; index: number; size: number }[] = [];
  groups.forEach((g, group) => {
    for (let index = 0; index < g.spans.length - 1; index++) {
      gaps.push({ group, index, size: gapAfter(g.spans, index) });
    }
  });
  gaps.sort((a, b) => a.size - b.size || a.group - b.group || a.index - b.index);
  const closing = gaps.slice(0, total - budget);
  const closed = new Set(closing.map((g) => `${g.group}:${g.index}`));
  const extraPorts = closing.reduce((sum, g) => sum + g.size, 0);
  const fitted = groups.map((g, group) => ({ key: g.key, spans: closeGaps(g.spans, (index) => closed.has(`${group}:${index}`)) }));
  return { ok: true, groups: fitted, extraPorts };
}

/** Joins each interval with the next where `isClosed(index)` says so, recording the gap as widened. */
function closeGaps<T>(spans: readonly MergedSpan<T>[], isClosed: (index: number) => boolean): MergedSpan<T>[] {
  const result: { from: number; to: number; origins: T[]; widened: { from: number; to: number }[] }[] = [];
  spans.forEach((span, index) => {
    const last = result[result.length - 1];
    if (last && isClosed(index - 1)) {
      last.widened.push({ from: last.to + 1, to: span.from - 1 }, ...span.widened);
      last.to = span.to;
      last.origins.push(...span.origins);
    } else {
      result.push({ from: span.from, to: span.to, origins: [...span.origins], widened: [...span.widened] });
    }
  });
  return result;
}
