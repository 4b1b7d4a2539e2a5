/** A policy-diff change in one line, for exact assertions on diffs. */
import type { RuleChange } from '../../lib';

/** A change as one line: kind, direction, protocol, ports before → after, peer; opened/closed. */
export function changeText(change: RuleChange): string {
  const ports = (list: readonly { fromPort: number; toPort: number }[]) => list.map((i) => (i.fromPort === i.toPort ? `${i.fromPort}` : `${i.fromPort}-${i.toPort}`)).join(',') || '-';
  const peer = change.peer.kind === 'ipv4' || change.peer.kind === 'ipv6' ? change.peer.cidr : change.peer.id;
  return `${change.kind} ${change.direction} ${change.protocol} ${ports(change.before)} → ${ports(change.after)} ${peer}; +${ports(change.opened)} -${ports(change.closed)}`;
}
