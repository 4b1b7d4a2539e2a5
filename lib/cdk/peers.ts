/**
 * Translates between the peers users give (resolver destinations or CDK `IPeer`s) and the
 * resolver's `Peer`s, and back to CDK peers and ACL CIDRs when rules are rendered.
 *
 * Values only known at deploy time (tokens) are swapped for placeholders numbered by their
 * position in the props (`{Unresolved1}`…) before the resolver sees them. Token text such as
 * `${Token[TOKEN.123]}` changes whenever unrelated code creates tokens; left in place it would
 * reorder the rules and change the NACL entries' hashed rule numbers and construct ids, and a
 * renumbered entry is replaced at deploy time.
 */
import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { IConstruct } from 'constructs';
import { peerKey, type AddressFamily, type Destination, type Direction, type Peer } from '../core';
import { AppleServicesError } from './errors';
import { findPrefixListFacts } from './prefix-list-peers';
import type { AppleServicesPeer } from './props';

function isCdkPeer(value: AppleServicesPeer): value is ec2.IPeer {
  return typeof value === 'object' && value !== null && typeof (value as ec2.IPeer).toEgressRuleConfig === 'function';
}

/** Converts peers one way for the resolver and the other way for rendering; one per construct. */
export class PeerTranslator {
  private readonly placeholders = new Map<string, string>();
  private readonly tokens = new Map<string, string>();
  private readonly cdkPeers = new Map<string, ec2.IPeer>();
  /** Prefix lists (by peer key) whose catalogue CIDRs network ACL entries use instead. */
  private readonly networkAclPeers = new Map<string, readonly Peer[]>();
  /** Placeholders of constructs (a prefix list created in the app) → the construct's path. */
  private readonly constructPaths = new Map<string, string>();

  constructor(
    private readonly scope: IConstruct,
    private readonly direction: Direction,
  ) {}

  /** For `ResolveOptions.isUnresolved`: tokens and their placeholders skip validation. */
  public readonly isUnresolved = (value: string): boolean => Token.isUnresolved(value) || this.tokens.has(value);

  /** The resolver's destinations for the given props value. */
  public toDestinations(peers: readonly AppleServicesPeer[] | undefined): Destination[] | undefined {
    return peers?.map((peer) => this.toDestination(peer));
  }

  /**
   * The destinations for network ACL entries, which take CIDRs only: a prefix list apple-ports
   * filled from the catalogue is swapped for its CIDRs; any other peer is kept (and refused).
   */
  public toNetworkAclDestinations(destinations: readonly Destination[] | undefined): Destination[] | undefined {
    return destinations?.flatMap((destination) => {
      const cidrs = typeof destination === 'object' ? this.networkAclPeers.get(peerKey(destination)) : undefined;
      return cidrs ? [...cidrs] : [destination];
    });
  }

  /** True when some destination is a prefix list that network ACL entries replace with CIDRs. */
  public get hasNetworkAclStandIns(): boolean {
    return this.networkAclPeers.size > 0;
  }

  /** Text with the placeholders of constructs replaced by the constructs' paths, for error messages. */
  public readable(text: string): string {
    return text.replace(/\{Unresolved\d+\}/g, (placeholder) => this.constructPaths.get(placeholder) ?? placeholder);
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

  private placeholder(value: string): string {
    if (!Token.isUnresolved(value)) {
      return value;
    }
    let placeholder = this.placeholders.get(value);
    if (placeholder === undefined) {
      placeholder = `{Unresolved${this.placeholders.size + 1}}`;
      this.placeholders.set(value, placeholder);
      this.tokens.set(placeholder, value);
    }
    return placeholder;
  }

  private toDestination(value: AppleServicesPeer): Destination {
    if (typeof value === 'string') {
      return this.placeholder(value);
    }
    if (isCdkPeer(value)) {
      const peer = this.fromCdkPeer(value);
      if (!this.cdkPeers.has(peerKey(peer))) {
        this.cdkPeers.set(peerKey(peer), value);
      }
      return peer;
    }
    if (value.kind === 'ipv4' || value.kind === 'ipv6') {
      return { ...value, cidr: this.placeholder(value.cidr) };
    }
    if (value.kind === 'prefix-list' || value.kind === 'security-group') {
      return { ...value, id: this.placeholder(value.id) };
    }
    return value;
  }

  private fromCdkPeer(peer: ec2.IPeer): Peer {
    const config: ec2.IngressRuleConfig & ec2.EgressRuleConfig =
      this.direction === 'egress' ? peer.toEgressRuleConfig() : peer.toIngressRuleConfig();
    if (config.cidrIp !== undefined) {
      return { kind: 'ipv4', cidr: this.placeholder(config.cidrIp) };
    }
    if (config.cidrIpv6 !== undefined) {
      return { kind: 'ipv6', cidr: this.placeholder(config.cidrIpv6) };
    }
    const prefixList = config.destinationPrefixListId ?? config.sourcePrefixListId;
    if (prefixList !== undefined) {
      return this.fromPrefixList(peer, this.placeholder(prefixList));
    }
    const securityGroup = config.destinationSecurityGroupId ?? config.sourceSecurityGroupId;
    if (securityGroup !== undefined) {
      return { kind: 'security-group', id: this.placeholder(securityGroup) };
    }
    throw new AppleServicesError(
      this.scope,
      'unknown-peer',
      `the peer '${peer.uniqueId}' names no CIDR, prefix list or security group in its ${this.direction} rule configuration. Use ec2.Peer.ipv4(), ec2.Peer.ipv6(), ec2.Peer.prefixList(), a security group, or a CIDR string.`,
    );
  }

  /** A prefix list with the family and max entries AWS's quota counts, when the list is in the app. */
  private fromPrefixList(peer: ec2.IPeer, id: string): Peer {
    const facts = findPrefixListFacts(peer);
    const listPeer: Peer = {
      kind: 'prefix-list',
      id,
      ...(facts?.family !== undefined ? { family: facts.family } : {}),
      ...(facts?.maxEntries !== undefined ? { maxEntries: facts.maxEntries } : {}),
    };
    if (facts?.networkAclPeers) {
      this.networkAclPeers.set(peerKey(listPeer), facts.networkAclPeers);
    }
    const node = (peer as Partial<IConstruct>).node;
    if (node && this.tokens.has(id)) {
      // A list wrapped in a construct of its own (AppleNetworkPrefixList) is named by the wrapper.
      const wrapper = node.scope?.node.defaultChild === (peer as unknown) ? node.scope : undefined;
      this.constructPaths.set(id, (wrapper?.node ?? node).path);
    }
    return listPeer;
  }
}
