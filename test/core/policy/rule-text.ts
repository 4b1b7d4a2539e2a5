/** Compact, readable text for rules, so golden cases read like a firewall listing. */
import { formatPeer, type PolicyRule } from '../../../lib/core';

/** "tcp 443 0.0.0.0/0" / "udp 16384-16387 ::/0". */
export function ruleText(rule: PolicyRule): string {
  const ports = rule.fromPort === rule.toPort ? `${rule.fromPort}` : `${rule.fromPort}-${rule.toPort}`;
  return `${rule.protocol} ${ports} ${formatPeer(rule.peer)}`;
}

/** The rules of a policy as compact text, in the policy's order. */
export function rulesText(rules: readonly PolicyRule[]): string[] {
  return rules.map(ruleText);
}
