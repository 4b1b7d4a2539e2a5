/**
 * AWS Network Firewall alert logs (one JSON object a line, Suricata's EVE format inside `event`):
 * each alert's signature id mapped back to the apple-ports rule that made it, from the plan
 * `planFirewallRules` numbers from `sidBase`.
 */
import type { FirewallRuleGroupPlan, FirewallRulePlan } from '../network-firewall';
import { parseJsonLine, textField } from './json-lines';
import type { MalformedLogLine } from './lines';

/** One alert, as the firewall logged it. */
export interface FirewallAlert {
  /** The line of the log the alert is on. */
  readonly lineNumber: number;
  /** The Suricata signature id (`sid`) of the rule that raised it. */
  readonly signatureId: number;
  /** Suricata's action: `allowed` or `blocked`. */
  readonly action: string;
  /** The name of the firewall that logged it. */
  readonly firewallName?: string;
  /** The event's protocol as Suricata names it (`TCP`, `UDP`). */
  readonly protocol?: string;
  /** The source address. */
  readonly srcIp?: string;
  /** The source port. */
  readonly srcPort?: number;
  /** The destination address. */
  readonly destIp?: string;
  /** The destination port. */
  readonly destPort?: number;
  /** The TLS SNI or HTTP host, when the event carries one. */
  readonly hostname?: string;
}

/** What one line of a firewall log is: an alert, another event type (netflow, tls), or neither. */
export type FirewallLine =
  | {
      /** The line is an alert. */
      readonly kind: 'alert';
      /** The alert the line holds. */
      readonly alert: FirewallAlert;
    }
  | {
      /** The line is another event type, or blank: nothing to count. */
      readonly kind: 'other-event' | 'blank';
    }
  | MalformedLogLine;

function number(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Reads one line of a Network Firewall log. */
export function parseFirewallLine(line: string, lineNumber: number): FirewallLine {
  const parsed = parseJsonLine(line, lineNumber);
  if (parsed.kind !== 'object') {
    return parsed;
  }
  const entry = parsed.value;
  const event = entry.event as Record<string, unknown> | undefined;
  if (typeof event !== 'object' || event === null) {
    return { kind: 'malformed', lineNumber, reason: 'a Network Firewall log entry needs an event object' };
  }
  if (event.event_type !== 'alert') {
    return { kind: 'other-event' };
  }
  const alert = event.alert as Record<string, unknown> | undefined;
  const signatureId = number(alert?.signature_id);
  if (signatureId === undefined) {
    return { kind: 'malformed', lineNumber, reason: 'an alert event needs alert.signature_id' };
  }
  const tls = event.tls as Record<string, unknown> | undefined;
  const http = event.http as Record<string, unknown> | undefined;
  return {
    kind: 'alert',
    alert: {
      lineNumber,
      signatureId,
      action: textField(alert?.action) ?? 'unknown',
      firewallName: textField(entry.firewall_name),
      protocol: textField(event.proto)?.toLowerCase(),
      srcIp: textField(event.src_ip),
      srcPort: number(event.src_port),
      destIp: textField(event.dest_ip),
      destPort: number(event.dest_port),
      hostname: textField(tls?.sni) ?? textField(http?.hostname),
    },
  };
}

/** The plan's rules by signature id. */
export function rulesBySid(plan: FirewallRuleGroupPlan): ReadonlyMap<number, FirewallRulePlan> {
  return new Map(plan.rules.map((rule) => [rule.sid, rule]));
}
