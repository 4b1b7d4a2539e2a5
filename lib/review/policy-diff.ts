/**
 * What changes between two resolved policies, compared by the ports each opens to each peer rather
 * than rule by rule: adding a product can turn udp 16384-16387 into udp 16384-16403, and the
 * reviewer needs to read "opens 16388-16403 for Messages", not "one rule removed, one added".
 */
import { activeCatalogue, compareIds, type AppleProduct, type CatalogueIndex, type Direction, type ProfileId, type ServiceId } from '../core/catalogue';
import { comparePeers, peerKey, type ExclusionReason, type Peer, type PolicyRule, type ResolvedPolicy } from '../core/policy';
import { compareProtocols, countPorts, intersectPorts, normalizePorts, subtractPorts, type PortRange, type Protocol } from '../core/ports';

/**
 * How the ports to one peer changed: `added` and `removed` rules share no port with the other
 * policy; `widened` only opens ports, `narrowed` only closes them, `changed` does both.
 */
export type RuleChangeKind = 'added' | 'removed' | 'widened' | 'narrowed' | 'changed';

/** Why the new policy no longer opens a service's ports. */
export type ClosingCause = 'deselected' | ExclusionReason;

/** What some of a change's ports are for. */
export interface PortChangeReason {
  /** Whether the ports open in the new policy or close. */
  readonly effect: 'opens' | 'closes';
  /** The ports that open or close. */
  readonly ports: readonly PortRange[];
  /** A catalogue service, the rule budget (`maxRules`) or the user's own extra rules. */
  readonly source: 'service' | 'budget' | 'extra';
  /** The service, for `source: 'service'`. */
  readonly service?: ServiceId;
  /** The selected products that need (opens) or needed (closes) the service, sorted. */
  readonly products: readonly AppleProduct[];
  /** The user's rule descriptions, for `source: 'extra'`. */
  readonly extra: readonly string[];
  /**
   * For service ports that close: the products are no longer selected, or the service is now
   * left out (legacy, link-local, local-gateway, direction, user). Absent when the service still runs elsewhere,
   * e.g. to another peer.
   */
  readonly cause?: ClosingCause;
}

/** One change to the ports a policy opens to one peer, in one direction and protocol. */
export interface RuleChange {
  /** Whether the peer's ports were added, removed, widened, narrowed or changed. */
  readonly kind: RuleChangeKind;
  /** The rules' direction. */
  readonly direction: Direction;
  /** The rules' protocol. */
  readonly protocol: Protocol;
  /** The peer whose ports changed. */
  readonly peer: Peer;
  /** The old policy's rules this change touches; empty for `added`. */
  readonly before: readonly PortRange[];
  /** The new policy's rules; empty for `removed`. */
  readonly after: readonly PortRange[];
  /** Ports the new policy opens that the old one did not. */
  readonly opened: readonly PortRange[];
  /** Ports the old policy opened that the new one does not. */
  readonly closed: readonly PortRange[];
  /** What brings or drops each port that opens or closes. */
  readonly reasons: readonly PortChangeReason[];
}

/** Port totals of one side of a diff. */
export interface PortTotals {
  /** How many ports. */
  readonly ports: number;
  /** How many separate ranges they make. */
  readonly ranges: number;
}

/** Everything that differs between two policies. */
export interface PolicyDiff {
  /** The direction of each policy. */
  readonly direction: {
    /** The old policy's direction. */
    readonly before: Direction;
    /** The new policy's direction. */
    readonly after: Direction;
  };
  /** The rule budget of each policy. */
  readonly maxRules: {
    /** The old policy's `maxRules`, or `null` for none. */
    readonly before: number | null;
    /** The new policy's `maxRules`, or `null` for none. */
    readonly after: number | null;
  };
  /** The products selected in one policy and not the other. */
  readonly products: {
    /** Products only the new policy selects, sorted. */
    readonly added: readonly AppleProduct[];
    /** Products only the old policy selected, sorted. */
    readonly removed: readonly AppleProduct[];
  };
  /** The profiles selected in one policy and not the other. */
  readonly profiles: {
    /** Profiles only the new policy selects, sorted. */
    readonly added: readonly ProfileId[];
    /** Profiles only the old policy selected, sorted. */
    readonly removed: readonly ProfileId[];
  };
  /** Changes sorted by direction, protocol, peer, then port. */
  readonly changes: readonly RuleChange[];
  /** Rules identical in both policies. */
  readonly unchangedRules: number;
  /** Ports opened across all changes (a port opened to two peers counts twice). */
  readonly opened: PortTotals;
  /** Ports closed across all changes. */
  readonly closed: PortTotals;
}

interface SideRule {
  readonly rule: PolicyRule;
  readonly side: 'before' | 'after';
}

interface RuleGroup {
  readonly direction: Direction;
  readonly protocol: Protocol;
  readonly peer: Peer;
  readonly before: PolicyRule[];
  readonly after: PolicyRule[];
}

const DIRECTION_ORDER: readonly Direction[] = ['egress', 'ingress'];

function interval(rule: PolicyRule): PortRange {
  return { fromPort: rule.fromPort, toPort: rule.toPort };
}

function added<T extends string>(before: readonly T[], after: readonly T[]): T[] {
  return after.filter((id) => !before.includes(id)).sort(compareIds);
}

/** Rules of both policies, grouped by direction, protocol and peer. */
function groupRules(before: ResolvedPolicy, after: ResolvedPolicy): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  const add = (policy: ResolvedPolicy, side: 'before' | 'after') => {
    for (const rule of policy.rules) {
      const key = `${policy.direction}|${rule.protocol}|${peerKey(rule.peer)}`;
      const group = groups.get(key) ?? { direction: policy.direction, protocol: rule.protocol, peer: rule.peer, before: [], after: [] };
      groups.set(key, group);
      group[side].push(rule);
    }
  };
  add(before, 'before');
  add(after, 'after');
  return [...groups.values()].sort(
    (a, b) =>
      DIRECTION_ORDER.indexOf(a.direction) - DIRECTION_ORDER.indexOf(b.direction) ||
      compareProtocols(a.protocol, b.protocol) ||
      comparePeers(a.peer, b.peer),
  );
}

/** Splits a group into runs of rules that share ports across the two policies. */
function overlappingRuns(group: RuleGroup): SideRule[][] {
  const all: SideRule[] = [
    ...group.before.map((rule) => ({ rule, side: 'before' as const })),
    ...group.after.map((rule) => ({ rule, side: 'after' as const })),
  ].sort((a, b) => a.rule.fromPort - b.rule.fromPort || a.rule.toPort - b.rule.toPort);
  const runs: SideRule[][] = [];
  let end = -1;
  for (const entry of all) {
    if (runs.length > 0 && entry.rule.fromPort <= end) {
      runs[runs.length - 1].push(entry);
      end = Math.max(end, entry.rule.toPort);
    } else {
      runs.push([entry]);
      end = entry.rule.toPort;
    }
  }
  return runs;
}

/**
 * The catalogue each side of a diff was resolved against: the same one for two selections, two
 * versions for what a catalogue release changed. A rule's ports are explained with its own side's.
 */
export interface DiffCatalogues {
  readonly before: CatalogueIndex;
  readonly after: CatalogueIndex;
}

function usersOf(rule: PolicyRule, service: ServiceId, catalogue: CatalogueIndex): AppleProduct[] {
  return rule.products.filter((p) => catalogue.productsById.get(p)?.uses.some((u) => u.service === service));
}

function closingCause(service: ServiceId, products: readonly AppleProduct[], after: ResolvedPolicy): ClosingCause | undefined {
  const excluded = after.excluded.find((e) => e.service === service);
  if (excluded) {
    return excluded.reason;
  }
  return products.every((p) => !after.products.includes(p)) ? 'deselected' : undefined;
}

/** Attributes `ports` (inside one rule) to the rule's services, its budget widening and its extra rules. */
function explainPorts(
  rule: PolicyRule,
  ports: readonly PortRange[],
  effect: PortChangeReason['effect'],
  after: ResolvedPolicy,
  catalogue: CatalogueIndex,
): PortChangeReason[] {
  const reasons: PortChangeReason[] = [];
  let unexplained = normalizePorts(ports);
  for (const id of rule.services) {
    const service = catalogue.servicesById.get(id)!;
    const ranges = service.ports.filter((p) => p.protocol === rule.protocol).map((p) => ({ fromPort: p.fromPort, toPort: p.toPort }));
    const covered = intersectPorts(ports, ranges);
    if (covered.length > 0) {
      const products = usersOf(rule, id, catalogue);
      const cause = effect === 'closes' ? closingCause(id, products, after) : undefined;
      reasons.push({ effect, ports: covered, source: 'service', service: id, products, extra: [], ...(cause ? { cause } : {}) });
      unexplained = subtractPorts(unexplained, covered);
    }
  }
  const widened = intersectPorts(ports, rule.widened.map((w) => ({ fromPort: w.fromPort, toPort: w.toPort })));
  if (widened.length > 0) {
    reasons.push({ effect, ports: widened, source: 'budget', products: [], extra: [] });
    unexplained = subtractPorts(unexplained, widened);
  }
  if (unexplained.length > 0) {
    reasons.push({ effect, ports: unexplained, source: 'extra', products: [], extra: rule.extra });
  }
  return reasons;
}

/** Joins reasons that say the same thing about different rules of one change; openings first, then by port. */
function mergeReasons(reasons: readonly PortChangeReason[]): PortChangeReason[] {
  const merged = new Map<string, PortChangeReason>();
  for (const reason of reasons) {
    const key = JSON.stringify([reason.effect, reason.source, reason.service, reason.products, reason.extra, reason.cause]);
    const previous = merged.get(key);
    merged.set(key, previous ? { ...previous, ports: normalizePorts([...previous.ports, ...reason.ports]) } : reason);
  }
  const effectOrder = (r: PortChangeReason) => (r.effect === 'opens' ? 0 : 1);
  return [...merged.values()].sort((a, b) => effectOrder(a) - effectOrder(b) || a.ports[0].fromPort - b.ports[0].fromPort);
}

function changeKind(before: readonly PortRange[], after: readonly PortRange[], opened: readonly PortRange[], closed: readonly PortRange[]): RuleChangeKind | undefined {
  if (before.length === 0) {
    return 'added';
  }
  if (after.length === 0) {
    return 'removed';
  }
  if (opened.length > 0 && closed.length > 0) {
    return 'changed';
  }
  return opened.length > 0 ? 'widened' : closed.length > 0 ? 'narrowed' : undefined;
}

function runChange(group: RuleGroup, run: readonly SideRule[], after: ResolvedPolicy, catalogues: DiffCatalogues): RuleChange | undefined {
  const beforeRules = run.filter((e) => e.side === 'before').map((e) => e.rule);
  const afterRules = run.filter((e) => e.side === 'after').map((e) => e.rule);
  const beforePorts = beforeRules.map(interval);
  const afterPorts = afterRules.map(interval);
  const opened = subtractPorts(afterPorts, beforePorts);
  const closed = subtractPorts(beforePorts, afterPorts);
  const kind = changeKind(beforePorts, afterPorts, opened, closed);
  if (!kind) {
    return undefined;
  }
  const reasons = [
    ...afterRules.flatMap((rule) => explainPorts(rule, intersectPorts(opened, [interval(rule)]), 'opens', after, catalogues.after)),
    ...beforeRules.flatMap((rule) => explainPorts(rule, intersectPorts(closed, [interval(rule)]), 'closes', after, catalogues.before)),
  ].filter((r) => r.ports.length > 0);
  return {
    kind,
    direction: group.direction,
    protocol: group.protocol,
    peer: group.peer,
    before: beforePorts,
    after: afterPorts,
    opened,
    closed,
    reasons: mergeReasons(reasons),
  };
}

function totals(intervals: readonly (readonly PortRange[])[]): PortTotals {
  return { ports: intervals.reduce((sum, i) => sum + countPorts(i), 0), ranges: intervals.reduce((sum, i) => sum + i.length, 0) };
}

/** A policy that opens nothing: the side of a diff that selects no products, or a construct added or removed. */
export function emptyPolicy(direction: Direction, maxRules?: number): ResolvedPolicy {
  return { direction, products: [], profiles: [], rules: [], notices: [], excluded: [], ...(maxRules !== undefined ? { maxRules } : {}) };
}

/**
 * Compares two resolved policies by the ports each opens to each peer: rules added, removed,
 * widened and narrowed, each with the products and services (or the rule budget, or the user's own
 * rules) that bring or drop the ports.
 */
export function diffPolicies(before: ResolvedPolicy, after: ResolvedPolicy): PolicyDiff {
  return diffPoliciesAcross(before, after, { before: activeCatalogue(), after: activeCatalogue() });
}

/** `diffPolicies` for two policies resolved against the catalogues given, each side explained with its own. */
export function diffPoliciesAcross(before: ResolvedPolicy, after: ResolvedPolicy, catalogues: DiffCatalogues): PolicyDiff {
  const changes: RuleChange[] = [];
  let unchangedRules = 0;
  for (const group of groupRules(before, after)) {
    for (const run of overlappingRuns(group)) {
      const change = runChange(group, run, after, catalogues);
      if (change) {
        changes.push(change);
      } else {
        unchangedRules += 1;
      }
    }
  }
  return {
    direction: { before: before.direction, after: after.direction },
    maxRules: { before: before.maxRules ?? null, after: after.maxRules ?? null },
    products: { added: added(before.products, after.products), removed: added(after.products, before.products) },
    profiles: { added: added(before.profiles, after.profiles), removed: added(after.profiles, before.profiles) },
    changes,
    unchangedRules,
    opened: totals(changes.map((c) => c.opened)),
    closed: totals(changes.map((c) => c.closed)),
  };
}
