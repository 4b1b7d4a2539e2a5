/**
 * Fitting several groups of merged port ranges into a rule budget by closing the smallest gaps
 * first. Closing one gap always removes exactly one range and opens exactly the gap's ports, and
 * gaps never interact, so taking the k smallest gaps across all groups opens the fewest extra
 * ports of any way to remove k ranges.
 */
import type { MergedSpan } from './merge';

/** One group of merged ranges that shares a budget with others (e.g. one protocol and peer). */
export interface SpanGroup<K, T> {
  readonly key: K;
  readonly spans: readonly MergedSpan<T>[];
}

/** The outcome of fitting groups into a budget. */
export type BudgetFit<K, T> =
  | { readonly ok: true; readonly groups: SpanGroup<K, T>[]; readonly extraPorts: number }
  | { readonly ok: false; readonly minimum: number };

/** The number of ports in the gap after range `index` of a sorted, merged list. */
function gapAfter<T>(spans: readonly MergedSpan<T>[], index: number): number {
  return spans[index + 1].fromPort - spans[index].toPort - 1;
}

/**
 * Reduces the total range count of `groups` to at most `budget` by closing the smallest gaps
 * (ties: earlier group, then lower port). Fails when even one range per group is too many.
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

/** Joins each range with the next where `isClosed(index)` says so, recording the gap as widened. */
function closeGaps<T>(spans: readonly MergedSpan<T>[], isClosed: (index: number) => boolean): MergedSpan<T>[] {
  const result: { fromPort: number; toPort: number; origins: T[]; widened: { fromPort: number; toPort: number }[] }[] = [];
  spans.forEach((span, index) => {
    const last = result[result.length - 1];
    if (last && isClosed(index - 1)) {
      last.widened.push({ fromPort: last.toPort + 1, toPort: span.fromPort - 1 }, ...span.widened);
      last.toPort = span.toPort;
      last.origins.push(...span.origins);
    } else {
      result.push({ fromPort: span.fromPort, toPort: span.toPort, origins: [...span.origins], widened: [...span.widened] });
    }
  });
  return result;
}
