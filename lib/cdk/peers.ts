/**
 * Translates between the peers users give (resolver destinations or CDK `IPeer`s) and the
 * resolver's `Peer`s, and back to CDK peers and ACL CIDRs when rules are rendered.
 *
 * Values only known at deploy time (tokens) are swapped for placeholders that name them as users
 * know them — the construct and attribute they refer to (`{Test/Bastion.GroupId}`), or where in the
 * props they were given (`{sources[1]}`) — before the resolver sees them. Token text such as
 * `${Token[TOKEN.123]}` changes whenever unrelated code creates tokens; left in place it would
 * reorder the rules and change the NACL entries' hashed rule numbers and construct ids, and a
 * renumbered entry is replaced at deploy time. Placeholders stay in `policy`, for stable
 * snapshots; warnings and errors name the value instead (`readable`).
 */
import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { IConstruct } from 'constructs';
import { type AddressFamily, type Destination, type Direction, type Peer } from '../core';
import { peerKey } from '../core/internal';
import { AppleServicesError } from './errors';
import { findPrefixListFacts, type PrefixListFacts } from './prefix-list-peers';
import type { AppleServicesPeer } from './props';
import { isLookupStandIn, isUnknownAtSynth } from './context-lookups';
import { describeReference, findTokenReference, ownerOf, referencedPeerKind } from './token-references';

/** How a token is named: in its placeholder, and (where longer) in messages. */
interface TokenName {
  readonly name: string;
  /** @default the name */
  readonly label?: string;
}

function isCdkPeer(value: AppleServicesPeer): value is ec2.IPeer {
  return typeof value === 'object' && value !== null && typeof (value as ec2.IPeer).toEgressRuleConfig === 'function';
}

/** Converts peers one way for the resolver and the other way for rendering; one per construct. */
export class PeerTranslator {
  private readonly placeholders = new Map<string, string>();
  private readonly tokens = new Map<string, string>();
  private readonly cdkPeers = new Map<string, ec2.IPeer>();
  /** Prefix lists (by id or placeholder) whose catalogue CIDRs network ACL entries use instead. */
  public readonly networkAclStandIns = new Map<string, readonly Peer[]>();
  /** Placeholder → how messages name the value: a construct path, or where in the props it was given. */
  private readonly labels = new Map<string, string>();

  constructor(
    private readonly scope: IConstruct,
    private readonly direction: Direction,
  ) {}

  /** For `ResolveOptions.isUnresolved`: tokens and their placeholders skip validation. */
  public readonly isUnresolved = (value: string): boolean => Token.isUnresolved(value) || this.tokens.has(value);

  /** The resolver's destinations for the props value `prop` (named in messages about its tokens). */
  public toDestinations(peers: readonly AppleServicesPeer[] | undefined, prop: string): Destination[] | undefined {
    return peers?.map((peer, index) => this.toDestination(peer, `${prop}[${index}]`));
  }

  /** Plain strings (CIDRs) with their tokens swapped for placeholders. */
  public toPlaceholders(values: readonly string[] | undefined, prop: string): string[] | undefined {
    return values?.map((value, index) => this.placeholder(value, () => this.describeToken(value, `${prop}[${index}]`)));
  }

  /** Text with every placeholder replaced by what the user gave, for warnings and errors. */
  public readonly readable = (text: string): string => this.replacePlaceholders(text, (placeholder) => this.labels.get(placeholder)!);

  /** Text with every placeholder replaced by its token, for resource properties. */
  public withTokens(text: string): string {
    return this.replacePlaceholders(text, (placeholder) => this.actual(placeholder));
  }

  /** Security groups given as groups (not ids): the planner gives each the matching rule. */
  public get ownedSecurityGroups(): ReadonlySet<string> {
    return new Set([...this.cdkPeers].filter(([key, peer]) => key.startsWith('security-group:') && ec2.SecurityGroup.isSecurityGroup(peer)).map(([key]) => key.slice('security-group:'.length)));
  }

  private replacePlaceholders(text: string, by: (placeholder: string) => string): string {
    let result = text;
    for (const placeholder of this.tokens.keys()) {
      result = result.replaceAll(placeholder, by(placeholder));
    }
    return result;
  }

  /** The CDK peer a resolved rule goes to: the user's own object where there was one. */
  public toCdkPeer(peer: Peer): ec2.IPeer {
    const original = this.cdkPeers.get(peerKey(peer));
    if (original) {
      return original;
    }
    switch (peer.kind) {
      case 'ipv4':
        return ec2.Peer.ipv4(this.actual(peer.cidr));
      case 'ipv6':
        return ec2.Peer.ipv6(this.actual(peer.cidr));
      case 'prefix-list':
        return ec2.Peer.prefixList(this.actual(peer.id));
      case 'security-group':
        return ec2.Peer.securityGroupId(this.actual(peer.id));
    }
  }

  /** The network ACL CIDR of a planned entry. */
  public toAclCidr(family: AddressFamily, cidr: string): ec2.AclCidr {
    return family === 'ipv4' ? ec2.AclCidr.ipv4(this.actual(cidr)) : ec2.AclCidr.ipv6(this.actual(cidr));
  }

  /** The value a placeholder stands for (the token), or the value itself. */
  public actual(value: string): string {
    return this.tokens.get(value) ?? value;
  }

  /** The placeholder of a token (`naming` names it in the placeholder and in messages), or the value itself. */
  private placeholder(value: string, naming: () => TokenName | string): string {
    if (!isUnknownAtSynth(value)) {
      return value;
    }
    // Every lookup not done yet gives the same stand-in (two VPCs, both 'vpc-12345'): each
    // occurrence is its own value, or two looked-up VPCs would seem one.
    let placeholder = isLookupStandIn(value) ? undefined : this.placeholders.get(value);
    if (placeholder === undefined) {
      const named = naming();
      const { name, label = name } = typeof named === 'string' ? { name: named } : named;
      placeholder = `{${name}}`;
      // Two values named alike (the same attribute given twice through different tokens) stay apart.
      for (let n = 2; this.tokens.has(placeholder); n++) {
        placeholder = `{${name} #${n}}`;
      }
      this.placeholders.set(value, placeholder);
      this.tokens.set(placeholder, value);
      this.labels.set(placeholder, label);
    }
    return placeholder;
  }

  /**
   * A token named by what it refers to (`Test/Vpc.CidrBlock`), or by where it was given
   * (`destinations[1]`, said in messages to be a value known at deploy time).
   */
  private describeToken(value: string, where: string): TokenName {
    const reference = findTokenReference(value);
    return reference ? { name: describeReference(reference) } : { name: where, label: `${where} (a value known at deploy time)` };
  }

  private toDestination(value: AppleServicesPeer, where: string): Destination {
    if (typeof value === 'string') {
      return this.fromString(value, where);
    }
    if (isCdkPeer(value)) {
      const peer = this.fromCdkPeer(value, where);
      if (!this.cdkPeers.has(peerKey(peer))) {
        this.cdkPeers.set(peerKey(peer), value);
      }
      return peer;
    }
    const label = (token: string) => () => this.describeToken(token, where);
    if (value.kind === 'ipv4' || value.kind === 'ipv6') {
      return { ...value, cidr: this.placeholder(value.cidr, label(value.cidr)) };
    }
    if (value.kind === 'prefix-list' || value.kind === 'security-group') {
      return { ...value, id: this.placeholder(value.id, label(value.id)) };
    }
    return value;
  }

  /**
   * A string as the resolver takes it. A token that is exactly a security group's or prefix
   * list's id becomes that kind of peer; any other token is an IPv4 CIDR, as `Peer.ipv4` takes it.
   */
  private fromString(value: string, where: string): Destination {
    if (isLookupStandIn(value)) {
      // A lookup not done yet: its stand-in id passes, as the kind its prefix says.
      const id = this.placeholder(value, () => this.describeToken(value, where));
      return value.startsWith('pl-') ? { kind: 'prefix-list', id } : value.startsWith('sg-') ? { kind: 'security-group', id } : id;
    }
    if (!Token.isUnresolved(value)) {
      return value;
    }
    const id = this.placeholder(value, () => this.describeToken(value, where));
    const reference = findTokenReference(value);
    const kind = reference ? referencedPeerKind(reference) : undefined;
    if (reference === undefined || kind === undefined) {
      return id;
    }
    if (kind === 'security-group-name') {
      throw new AppleServicesError(this.scope, [{ code: 'security-group-name', message: `${where} is the Ref of the security group '${ownerOf(reference.target).node.path}', which is the group's name because the group has no VpcId, but rules need its id. Use its attrGroupId, or give the group a VpcId.` }]);
    }
    return kind === 'security-group' ? { kind, id } : this.prefixListPeer(id, findPrefixListFacts(reference.target));
  }

  private fromCdkPeer(peer: ec2.IPeer, where: string): Peer {
    const config: ec2.IngressRuleConfig & ec2.EgressRuleConfig =
      this.direction === 'egress' ? peer.toEgressRuleConfig() : peer.toIngressRuleConfig();
    // A peer that is a construct (a security group, a prefix list) is named by its path.
    const construct = (peer as Partial<IConstruct>).node ? (peer as unknown as IConstruct) : undefined;
    const placeholder = (value: string) => this.placeholder(value, () => (construct ? ownerOf(construct).node.path : this.describeToken(value, where)));
    if (config.cidrIp !== undefined) {
      return { kind: 'ipv4', cidr: placeholder(config.cidrIp) };
    }
    if (config.cidrIpv6 !== undefined) {
      return { kind: 'ipv6', cidr: placeholder(config.cidrIpv6) };
    }
    const prefixList = config.destinationPrefixListId ?? config.sourcePrefixListId;
    if (prefixList !== undefined) {
      return this.prefixListPeer(placeholder(prefixList), findPrefixListFacts(peer));
    }
    const securityGroup = config.destinationSecurityGroupId ?? config.sourceSecurityGroupId;
    if (securityGroup !== undefined) {
      return { kind: 'security-group', id: placeholder(securityGroup) };
    }
    throw new AppleServicesError(this.scope, [{ code: 'unknown-peer', message: `the peer '${peer.uniqueId}' names no CIDR, prefix list or security group in its ${this.direction} rule configuration. Use ec2.Peer.ipv4(), ec2.Peer.ipv6(), ec2.Peer.prefixList(), a security group, or a CIDR string.` }]);
  }

  /** A prefix list with the family and max entries AWS's quota counts, when the list is in the app. */
  private prefixListPeer(id: string, facts: PrefixListFacts | undefined): Peer {
    const listPeer: Peer = {
      kind: 'prefix-list',
      id,
      ...(facts?.family !== undefined ? { family: facts.family } : {}),
      ...(facts?.maxEntries !== undefined ? { maxEntries: facts.maxEntries } : {}),
    };
    if (facts?.networkAclPeers) {
      this.networkAclStandIns.set(id, facts.networkAclPeers);
    }
    return listPeer;
  }
}
