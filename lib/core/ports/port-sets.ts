/**
 * Sets of ports as sorted, disjoint, non-touching intervals: what a policy opens for one protocol
 * and peer. Reviews and diffs compare policies by the ports they open, not rule by rule, because
 * one added product can merge two rules into one wider rule.
 */

/** An inclusive range of ports; `fromPort === toPort` for a single port. */
export interface PortInterval {
  readonly fromPort: number;
  readonly toPort: number;
}

/** The union of `intervals`, sorted, with overlapping and adjacent intervals merged. */
export function normalizePorts(intervals: readonly PortInterval[]): PortInterval[] {
  const sorted = [...intervals].sort((a, b) => a.fromPort - b.fromPort || a.toPort - b.toPort);
  const merged: { fromPort: number; toPort: number }[] = [];
  for (const { fromPort, toPort } of sorted) {
    const last = merged[merged.length - 1];
    if (last && fromPort <= last.toPort + 1) {
      last.toPort = Math.max(last.toPort, toPort);
    } else {
      merged.push({ fromPort, toPort });
    }
  }
  return merged;
}

/** The ports in `a` that are not in `b`. */
export function subtractPorts(a: readonly PortInterval[], b: readonly PortInterval[]): PortInterval[] {
  const removed = normalizePorts(b);
  const result: PortInterval[] = [];
  for (const interval of normalizePorts(a)) {
    let from = interval.fromPort;
    for (const cut of removed) {
      if (cut.toPort < from || cut.fromPort > interval.toPort) {
        continue;
      }
      if (cut.fromPort > from) {
        result.push({ fromPort: from, toPort: cut.fromPort - 1 });
      }
      from = cut.toPort + 1;
    }
    if (from <= interval.toPort) {
      result.push({ fromPort: from, toPort: interval.toPort });
    }
  }
  return result;
}

/** The ports in both `a` and `b`. */
export function intersectPorts(a: readonly PortInterval[], b: readonly PortInterval[]): PortInterval[] {
  return subtractPorts(a, subtractPorts(a, b));
}

/** How many ports the intervals hold, counting overlaps once. */
export function countPorts(intervals: readonly PortInterval[]): number {
  return normalizePorts(intervals).reduce((sum, i) => sum + i.toPort - i.fromPort + 1, 0);
}

/** "443" or "16384-16387". */
export function formatInterval(interval: PortInterval): string {
  return interval.fromPort === interval.toPort ? `${interval.fromPort}` : `${interval.fromPort}-${interval.toPort}`;
}

/** "80, 443, 16384-16387". */
export function formatIntervals(intervals: readonly PortInterval[]): string {
  return intervals.map(formatInterval).join(', ');
}
