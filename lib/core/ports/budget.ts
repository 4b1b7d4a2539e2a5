/**
 * Fitting several groups of merged port ranges into a rule budget by closing the smallest gaps
 * first. Closing one gap always removes exactly one range and opens exactly the gap's ports, and
 * gaps never interact, so taking the k smallest gaps across all groups opens the fewest extra
 * ports of any way to remove k ranges.
 *
 * A group may weigh more than one rule per range: AWS counts a rule to a prefix list as the list's
 * max entries. Gaps are then taken by the ports each closing opens per rule it saves, and any gap
 * the budget turns out not to need is opened again, largest first.
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
 * Reduces the total count of `groups` (each range counted as its group's `weight`) to at most
 * `budget` by closing the smallest gaps (ties: earlier group, then lower port). Fails when even one
 * range per group is too many; `minimum` is then that count.
 */
export function fitToBudget<K, T>(groups: readonly SpanGroup<K, T>[], budget: number, weight: (group: SpanGroup<K, T>) => number = () => 1): BudgetFit<K, T> {
  const weights = groups.map(weight);
  const total = groups.reduce((sum, g, group) => sum + g.spans.length * weights[group]!, 0);
  if (total <= budget) {
    return { ok: true, groups: [...groups], extraPorts: 0 };
  }
  const minimum = weights.reduce((sum, w) => sum + w, 0);
  if (minimum > budget) {
    return { ok: false, minimum };
  }
  const gaps: { group: number; index: number; size: number; saves: number }[] = [];
  groups.forEach((g, group) => {
    for (let index = 0; index < g.spans.length - 1; index++) {
      gaps.push({ group, index, size: gapAfter(g.spans, index), saves: weights[group]! });
    }
  });
  gaps.sort((a, b) => a.size / a.saves - b.size / b.saves || a.size - b.size || a.group - b.group || a.index - b.index);
  const needed = total - budget;
  const closing: typeof gaps = [];
  let saved = 0;
  for (const gap of gaps) {
    if (saved >= needed) {
      break;
    }
    closing.push(gap);
    saved += gap.saves;
  }
  // A heavy gap taken last may save more than needed: open again what the budget does not need.
  for (const gap of [...closing].sort((a, b) => b.size - a.size || b.group - a.group || b.index - a.index)) {
    if (saved - gap.saves >= needed) {
      closing.splice(closing.indexOf(gap), 1);
      saved -= gap.saves;
    }
  }
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
