/**
 * Compact, comparable views of recorded rules: one line per security-group rule or network ACL
 * entry, for exact assertions on rule sets too large to spell out input by input.
 */
import { TYPES, type RecordedResource, type Recording } from './mock-recorder';

/** The peer of a recorded security-group rule: whichever of the four peer fields is set. */
export function securityGroupRulePeer(inputs: Record<string, unknown>): string {
  const fields = ['cidrIpv4', 'cidrIpv6', 'prefixListId', 'referencedSecurityGroupId'].filter((field) => inputs[field] !== undefined);
  if (fields.length !== 1) {
    throw new Error(`A security-group rule needs exactly one peer field, got ${fields.join(', ') || 'none'}.`);
  }
  return String(inputs[fields[0]]);
}

function ports(inputs: Record<string, unknown>): string {
  return inputs.fromPort === inputs.toPort ? `${inputs.fromPort}` : `${inputs.fromPort}-${inputs.toPort}`;
}

/** `tcp 443`, or for ICMP `icmp 3:4` / `icmpv6 2:0` (the provider takes ICMPv6 as protocol 58). */
function traffic(inputs: Record<string, unknown>): string {
  if (inputs.icmpType !== undefined) {
    return `${inputs.protocol === '58' ? 'icmpv6' : String(inputs.protocol)} ${inputs.icmpType}:${inputs.icmpCode}`;
  }
  return `${inputs.protocol} ${ports(inputs)}`;
}

/** `egress tcp 443 0.0.0.0/0` for every security-group rule of the recording, sorted. */
export function securityGroupRuleLines(recording: Recording, securityGroupId?: string): string[] {
  return recording.resources
    .filter((r) => r.type === TYPES.egressRule || r.type === TYPES.ingressRule)
    .filter((r) => securityGroupId === undefined || r.inputs.securityGroupId === securityGroupId)
    .map((r) => `${r.type === TYPES.egressRule ? 'egress' : 'ingress'} ${r.inputs.ipProtocol} ${ports(r.inputs)} ${securityGroupRulePeer(r.inputs)}`)
    .sort();
}

/** `out 18420 tcp 443 0.0.0.0/0` for every network ACL entry of the recording, by direction then number. */
export function networkAclEntryLines(recording: Recording, networkAclId?: string): string[] {
  const entries = recording.resources
    .filter((r): r is RecordedResource => r.type === TYPES.networkAclRule)
    .filter((r) => networkAclId === undefined || r.inputs.networkAclId === networkAclId);
  return entries
    .sort((a, b) => Number(b.inputs.egress) - Number(a.inputs.egress) || Number(a.inputs.ruleNumber) - Number(b.inputs.ruleNumber))
    .map((r) => `${r.inputs.egress ? 'out' : 'in'} ${r.inputs.ruleNumber} ${traffic(r.inputs)} ${r.inputs.cidrBlock ?? r.inputs.ipv6CidrBlock}`);
}
