/**
 * A candidate policy to replay flows against: the rules of a resolved policy, of a selection, or
 * of the security groups in CloudFormation templates (a `cdk.out` directory's). Each becomes the
 * same list of rules, which answers for one attributed flow: allowed, blocked, or unknown (a rule
 * whose peer is a security group, a prefix list or a value known only at deploy time).
 */
import type { Direction } from '../catalogue';
import { containsPort, PORT_NUMBERS } from '../ports';
import { ANY_IPV4, ANY_IPV6, parseCidr, resolve, type Peer, type PolicySelection, type ResolvedPolicy } from '../policy';
import { ApplePortsError } from '../problems';
import { AddressSet } from './addresses';
import { IANA_PROTOCOLS } from './fields';
import type { FlowAttribution } from './attribution';

/** Where a replayed rule lets traffic go or come from. */
export type ReplayPeer =
  | {
      /** A CIDR the rule names. */
      readonly kind: 'cidr';
      /** The CIDR, canonical. */
      readonly cidr: string;
    }
  | {
      /** A peer the replay cannot see into: a security group or prefix list. */
      readonly kind: 'unknown';
      /** How the input names the peer, for the report. */
      readonly label: string;
    };

/** One rule of a candidate policy. */
export interface ReplayRule {
  /** Whether the rule allows egress or ingress. */
  readonly direction: Direction;
  /** `tcp`, `udp`, `icmp`, `icmpv6`, another IANA number as text, or `all`. */
  readonly protocol: string;
  /** The first port the rule opens. */
  readonly fromPort: number;
  /** The last port the rule opens, inclusive. */
  readonly toPort: number;
  /** Where the traffic may go (egress) or come from (ingress). */
  readonly peer: ReplayPeer;
  /** Where the rule comes from: a policy rule's description, or a template's resource. */
  readonly origin: string;
}

/** A candidate policy, ready to replay. */
export interface ReplayPolicy {
  /** What the user named: a selection, a file, a directory. */
  readonly name: string;
  /** Every rule of the candidate, in both directions. */
  readonly rules: readonly ReplayRule[];
  /** What the replay could not take from the input, said once each. */
  readonly notes: readonly string[];
}

/** What a candidate policy does with one flow. */
export type ReplayVerdict = 'allowed' | 'blocked' | 'unknown';

const ALL_PORTS = { fromPort: PORT_NUMBERS.fromPort, toPort: PORT_NUMBERS.toPort };

function fromPeer(peer: Peer): ReplayPeer {
  switch (peer.kind) {
    case 'ipv4':
    case 'ipv6':
      // A recorded policy names a CIDR known only at deploy time by its placeholder.
      return parseCidr(peer.cidr).ok ? { kind: 'cidr', cidr: peer.cidr } : { kind: 'unknown', label: `${peer.cidr} (known at deploy time)` };
    case 'prefix-list':
      return { kind: 'unknown', label: `prefix list ${peer.id}` };
    case 'security-group':
      return { kind: 'unknown', label: `security group ${peer.id}` };
  }
}

/** The rules of a resolved policy (`apple-ports resolve --format json`, a construct's `policy`). */
export function replayPolicyFromResolved(policy: ResolvedPolicy, name: string): ReplayPolicy {
  return {
    name,
    rules: policy.rules.map((rule) => ({
      direction: policy.direction,
      protocol: rule.protocol,
      fromPort: rule.fromPort,
      toPort: rule.toPort,
      peer: fromPeer(rule.peer),
      origin: rule.description,
    })),
    notes: [],
  };
}

/**
 * The policies the apple-ports constructs of a cloud assembly recorded (`apple-ports:policies`),
 * together: what the constructs open, without the assembly's other security groups. Flows carry no
 * security group, so one group that allows all outbound traffic (CDK's default) would otherwise
 * allow every flow and hide what the candidate blocks.
 */
export function replayPolicyFromRecords(constructs: readonly { readonly path: string; readonly policy: ResolvedPolicy }[], name: string): ReplayPolicy {
  const paths = [...new Set(constructs.map((c) => c.path))];
  return {
    name,
    rules: constructs.flatMap(({ path, policy }) => replayPolicyFromResolved(policy, name).rules.map((rule) => ({ ...rule, origin: `${path}: ${rule.origin}` }))),
    notes: [`Replayed the security-group policies the apple-ports constructs recorded (${paths.join(', ')}); the templates' other security groups are left out. Give one template file to replay every group in it.`],
  };
}

/** The rules `resolve` gives a selection, in both directions the selection can have. */
export function replayPolicyFromSelection(selection: PolicySelection, name: string): ReplayPolicy {
  return replayPolicyFromResolved(resolve(selection), name);
}

/** True for a value that looks like a `ResolvedPolicy` (the JSON `resolve` prints). */
export function isResolvedPolicy(value: unknown): value is ResolvedPolicy {
  const policy = value as ResolvedPolicy;
  return typeof policy === 'object' && policy !== null && (policy.direction === 'egress' || policy.direction === 'ingress') && Array.isArray(policy.rules);
}

/** A CloudFormation template: the part the replay reads. */
interface Template {
  readonly Resources?: Record<string, { readonly Type?: string; readonly Properties?: Record<string, unknown> }>;
}

const PROTOCOL_NAMES = new Map<string, string>([
  ['-1', 'all'],
  ...Object.entries(IANA_PROTOCOLS).flatMap(([number, name]) => [
    [number, name],
    [name, name],
  ] as [string, string][]),
]);

function literal(value: unknown): string | number | undefined {
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

/** Reads one security-group rule of a template; `undefined` for one it cannot read. */
function templateRule(raw: Record<string, unknown>, direction: Direction, origin: string, notes: Set<string>): ReplayRule | undefined {
  const protocolValue = literal(raw.IpProtocol);
  if (protocolValue === undefined) {
    notes.add(`${origin}: IpProtocol is not a literal value; the rule was left out.`);
    return undefined;
  }
  const protocol = PROTOCOL_NAMES.get(String(protocolValue).toLowerCase()) ?? String(protocolValue);
  const from = literal(raw.FromPort);
  const to = literal(raw.ToPort);
  const ports =
    protocol === 'tcp' || protocol === 'udp'
      ? from === undefined || to === undefined || Number(from) === -1
        ? ALL_PORTS
        : { fromPort: Number(from), toPort: Number(to) }
      : ALL_PORTS;
  const [cidrKey, prefixListKey, groupKey] =
    direction === 'egress' ? ['CidrIp', 'DestinationPrefixListId', 'DestinationSecurityGroupId'] : ['CidrIp', 'SourcePrefixListId', 'SourceSecurityGroupId'];
  const cidr = literal(raw[cidrKey]) ?? literal(raw.CidrIpv6);
  let peer: ReplayPeer;
  if (cidr !== undefined && parseCidr(String(cidr)).ok) {
    peer = { kind: 'cidr', cidr: String(cidr) };
  } else if (cidr !== undefined) {
    notes.add(`${origin}: '${String(cidr)}' is not a CIDR; the rule was left out.`);
    return undefined;
  } else if (raw[cidrKey] !== undefined || raw.CidrIpv6 !== undefined) {
    peer = { kind: 'unknown', label: 'a CIDR known at deploy time' };
  } else if (raw[prefixListKey] !== undefined) {
    peer = { kind: 'unknown', label: `prefix list ${literal(raw[prefixListKey]) ?? '(known at deploy time)'}` };
  } else if (raw[groupKey] !== undefined) {
    peer = { kind: 'unknown', label: `security group ${literal(raw[groupKey]) ?? '(known at deploy time)'}` };
  } else {
    notes.add(`${origin}: the rule names no peer; it was left out.`);
    return undefined;
  }
  if (protocol === 'all' && peer.kind === 'cidr' && (peer.cidr === ANY_IPV4 || peer.cidr === ANY_IPV6)) {
    notes.add(`${origin} allows all ${direction} traffic ${direction === 'egress' ? 'to' : 'from'} ${peer.cidr}, so the replay allows every ${direction} flow of that family.`);
  }
  return { direction, protocol, ...ports, peer, origin };
}

/** The logical id a `GroupId` points at (`Ref` or `Fn::GetAtt [id, GroupId]`), if it names one. */
function groupReference(value: unknown): string | undefined {
  const ref = value as { Ref?: unknown; 'Fn::GetAtt'?: unknown };
  if (typeof ref?.Ref === 'string') {
    return ref.Ref;
  }
  const getAtt = ref?.['Fn::GetAtt'];
  return Array.isArray(getAtt) && typeof getAtt[0] === 'string' ? getAtt[0] : undefined;
}

/**
 * The security-group rules of CloudFormation templates, all groups together: the inline
 * `SecurityGroupEgress`/`SecurityGroupIngress` of `AWS::EC2::SecurityGroup` and the standalone
 * `AWS::EC2::SecurityGroupEgress`/`SecurityGroupIngress` resources. A group with no egress rule at
 * all keeps the allow-all egress AWS gives a new group; it is left out, and a note says so.
 */
export function replayPolicyFromTemplates(templates: readonly { readonly name: string; readonly template: unknown }[], name: string): ReplayPolicy {
  const rules: ReplayRule[] = [];
  const notes = new Set<string>();
  let groups = 0;
  for (const { name: templateName, template } of templates) {
    const resources = (template as Template)?.Resources ?? {};
    const withStandaloneEgress = new Set<string>();
    for (const resource of Object.values(resources)) {
      if (resource?.Type === 'AWS::EC2::SecurityGroupEgress') {
        const group = groupReference(resource.Properties?.GroupId);
        if (group) {
          withStandaloneEgress.add(group);
        }
      }
    }
    for (const [logicalId, resource] of Object.entries(resources).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const origin = `${templateName} ${logicalId}`;
      const properties = resource?.Properties ?? {};
      if (resource?.Type === 'AWS::EC2::SecurityGroup') {
        groups++;
        const egress = properties.SecurityGroupEgress;
        if (!Array.isArray(egress) && !withStandaloneEgress.has(logicalId)) {
          notes.add(`${origin} has no egress rules, so it keeps AWS's allow-all egress rule; it was left out of the replay.`);
          continue;
        }
        for (const [key, direction] of [
          ['SecurityGroupEgress', 'egress'],
          ['SecurityGroupIngress', 'ingress'],
        ] as const) {
          const list = properties[key];
          if (Array.isArray(list)) {
            for (const raw of list) {
              const rule = templateRule(raw as Record<string, unknown>, direction, origin, notes);
              if (rule) {
                rules.push(rule);
              }
            }
          }
        }
      } else if (resource?.Type === 'AWS::EC2::SecurityGroupEgress' || resource?.Type === 'AWS::EC2::SecurityGroupIngress') {
        const rule = templateRule(properties, resource.Type.endsWith('Egress') ? 'egress' : 'ingress', origin, notes);
        if (rule) {
          rules.push(rule);
        }
      }
    }
  }
  if (groups === 0 && rules.length === 0) {
    throw new ApplePortsError([
      {
        code: 'invalid-replay-policy',
        message: `${name} holds no AWS::EC2::SecurityGroup or security-group rule resources. Give a cdk.out directory whose templates hold the security groups, a policy JSON (apple-ports resolve --format json), or products.`,
      },
    ]);
  }
  return { name, rules, notes: [...notes] };
}

/** Replays attributed flows against a candidate policy. */
export class PolicyMatcher {
  private readonly rules: readonly (ReplayRule & { readonly addresses?: AddressSet })[];

  /** Prepares the candidate's rules for matching: CIDRs are parsed once here. */
  constructor(policy: ReplayPolicy) {
    this.rules = policy.rules.map((rule) => (rule.peer.kind === 'cidr' ? { ...rule, addresses: new AddressSet([rule.peer.cidr]) } : rule));
  }

  /** What the policy does with the flow: a stateful group lets replies through, so only the opening direction counts. */
  verdict(flow: FlowAttribution): ReplayVerdict {
    let unknown = false;
    for (const rule of this.rules) {
      if (rule.direction !== flow.direction || (rule.protocol !== 'all' && rule.protocol !== flow.protocol)) {
        continue;
      }
      if ((flow.protocol === 'tcp' || flow.protocol === 'udp') && rule.protocol !== 'all' && (flow.servicePort === undefined || !containsPort(rule, flow.servicePort))) {
        continue;
      }
      if (!rule.addresses) {
        unknown = true;
      } else if (flow.remoteAddress !== undefined && rule.addresses.has(flow.remoteAddress)) {
        return 'allowed';
      }
    }
    return unknown ? 'unknown' : 'blocked';
  }
}
