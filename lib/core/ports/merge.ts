/**
 * The one port-range merger: overlapping and adjacent ranges become the fewest maximal ranges,
 * each carrying the things that asked for its ports. Sets of ports (what a policy opens for one
 * protocol and peer) are merged ranges without origins; reviews and diffs compare policies by them,
 * not rule by rule, because one added product can merge two rules into one wider rule.
 */
import { comparePortRanges, portCount, type PortRange } from './range';

/** A port range with the things that asked for it. */
export interface Span<T> extends PortRange {
  readonly origins: readonly T[];
}

/** A merged range; `widened` lists the gaps inside it that no origin asked for. */
export interface MergedSpan<T> extends Span<T> {
  readonly widened: readonly PortRange[];
}

/** Merges overlapping and adjacent spans; the result is sorted and has no two touching ranges. */
export function mergeSpans<T>(spans: readonly Span<T>[]): MergedSpan<T>[] {
  const sorted = [...spans].sort(comparePortRanges);
  const merged: { fromPort: number; toPort: number; origins: T[]; widened: readonly PortRange[] }[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.fromPort <= last.toPort + 1) {
      last.toPort = Math.max(last.toPort, span.toPort);
      last.origins.push(...span.origins);
    } else {
      merged.push({ fromPort: span.fromPort, toPort: span.toPort, origins: [...span.origins], widened: [] });
    }
  }
  return merged;
}

/** The union of `ranges`: sorted, with overlapping and adjacent ranges merged. */
export function normalizePorts(ranges: readonly PortRange[]): PortRange[] {
  return mergeSpans(ranges.map((r) => ({ fromPort: r.fromPort, toPort: r.toPort, origins: [] }))).map((m) => ({ fromPort: m.fromPort, toPort: m.toPort }));
}

/** The ports in `a` that are not in `b`. */
export function subtractPorts(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  const removed = normalizePorts(b);
  const result: PortRange[] = [];
  for (const range of normalizePorts(a)) {
    let from = range.fromPort;
    for (const cut of removed) {
      if (cut.toPort < from || cut.fromPort > range.toPort) {
        continue;
      }
      if (cut.fromPort > from) {
        result.push({ fromPort: from, toPort: cut.fromPort - 1 });
      }
      from = cut.toPort + 1;
    }
    if (from <= range.toPort) {
      result.push({ fromPort: from, toPort: range.toPort });
    }
  }
  return result;
}

/** The ports in both `a` and `b`. */
export function intersectPorts(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  return subtractPorts(a, subtractPorts(a, b));
}

/** How many ports the ranges hold, counting overlaps once. */
export function countPorts(ranges: readonly PortRange[]): number {
  return normalizePorts(ranges).reduce((sum, range) => sum + portCount(range), 0);
}
