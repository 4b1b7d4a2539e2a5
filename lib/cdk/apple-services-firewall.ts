/**
 * What AppleServicesEgress and AppleServicesIngress share: resolve the selection once, warn about
 * its notices, and render it into every security group and network ACL it is attached to.
 */
import { Names } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { AWS_QUOTAS, DEFAULT_NETWORK_ACL_ENTRIES, findProfile, planNetworkAcl, resolve, type Destination, type Direction, type NetworkAclOptions, type PolicySelection, type Problem, type ResolvedPolicy } from '../core';
import { peerKey } from '../core/internal';
import { AppleServicesError, withConstructPath } from './errors';
import { addNetworkAclEntries } from './network-acl-entries';
import { PeerTranslator } from './peers';
import type { AppleServicesPeer, AppleServicesSelectionProps, AppleServicesTargetProps } from './props';
import { addSecurityGroupRules } from './security-group-rules';
import { warnNotices } from './warnings';

/** Props the base receives: the shared props plus the peers, named by the subclass. */
interface FirewallProps extends AppleServicesSelectionProps, AppleServicesTargetProps {
  readonly peers?: readonly AppleServicesPeer[];
  readonly appleNetworkPeers?: readonly AppleServicesPeer[];
}

/** Apple products turned into security-group rules and network ACL entries in one direction. */
export abstract class AppleServicesFirewall extends Construct implements ec2.IConnectable {
  /** The resolved security-group rules (widened only to fit `maxRules`), for review snapshots. */
  public readonly policy: ResolvedPolicy;
  /** The security groups holding these rules; use it to allow more traffic the CDK way. */
  public readonly connections: ec2.Connections;
  /** The security group created in `vpc`, if one was. */
  public readonly securityGroup?: ec2.ISecurityGroup;
  /** The network ACL created for `subnets`, if one was. */
  public readonly networkAcl?: ec2.INetworkAcl;

  private readonly selection: PolicySelection;
  /** The selection with catalogue prefix lists swapped for their CIDRs, which ACL entries take. */
  private readonly networkAclSelection: PolicySelection;
  private readonly peers: PeerTranslator;
  private readonly securityGroupRuleQuota: number;
  private readonly networkAclOptions: NetworkAclOptions;
  private resolvedNetworkAclPolicy?: ResolvedPolicy;
  private readonly createdNetworkAcl?: ec2.NetworkAcl;
  private readonly securityGroups: ec2.ISecurityGroup[] = [];
  private readonly networkAcls: ec2.INetworkAcl[] = [];
  /** Core problems reworded for this construct's props, with placeholders named. */
  private readonly reword: (problem: Problem) => Problem;

  protected constructor(scope: Construct, id: string, direction: Direction, props: FirewallProps) {
    super(scope, id);
    this.connections = new ec2.Connections();
    this.peers = new PeerTranslator(this, direction);
    this.reword = (problem) => rewordForConstruct(problem, direction, props.profiles ?? [], this.peers.readable);
    this.securityGroupRuleQuota = props.securityGroupRuleQuota ?? AWS_QUOTAS.securityGroupRulesPerDirection;
    this.networkAclOptions = props.networkAclOptions ?? {};
    this.checkTargets(props);

    const peers: Destination[] | undefined = this.peers.toDestinations(props.peers, direction === 'egress' ? 'destinations' : 'sources');
    const appleNetworkPeers = this.peers.toDestinations(props.appleNetworkPeers, 'appleNetworkPeers');
    this.selection = {
      products: props.products,
      profiles: props.profiles,
      direction,
      ipv6: props.ipv6,
      includeLegacy: props.includeLegacy,
      includeLinkLocal: props.includeLinkLocal,
      exclude: props.exclude,
      extraRules: props.extraRules,
      maxRules: props.maxRules,
      ...(peers !== undefined ? { destinations: peers } : {}),
      ...(appleNetworkPeers !== undefined ? { appleNetworkPeers } : {}),
    };
    this.policy = withConstructPath(this, () => resolve(this.selection, { isUnresolved: this.peers.isUnresolved }), undefined, this.reword);
    this.networkAclSelection = this.peers.hasNetworkAclStandIns
      ? {
          ...this.selection,
          ...(peers !== undefined ? { destinations: this.peers.toNetworkAclDestinations(peers) } : {}),
          ...(appleNetworkPeers !== undefined ? { appleNetworkPeers: this.peers.toNetworkAclDestinations(appleNetworkPeers) } : {}),
        }
      : this.selection;
    if (props.networkAclOptions) {
      // Plans no entries, only checks the options, so bad ones fail here rather than at first use.
      withConstructPath(this, () => planNetworkAcl({ ...this.policy, rules: [] }, this.networkAclOptions), 'networkAclOptions');
    }
    warnNotices(this, this.policy.notices, { readable: this.peers.readable });

    const group = props.securityGroup ?? (props.vpc ? this.createSecurityGroup(props.vpc) : undefined);
    if (group) {
      this.securityGroup = group;
      this.addToSecurityGroup(group);
    }
    if (props.subnets && props.vpc) {
      this.createdNetworkAcl = new ec2.NetworkAcl(this, 'NetworkAcl', { vpc: props.vpc, subnetSelection: props.subnets });
    }
    const acl = props.networkAcl ?? this.createdNetworkAcl;
    if (acl) {
      this.networkAcl = acl;
      this.applyToNetworkAcl(acl);
    }
    this.node.addValidation({ validate: () => this.validateAttached() });
  }

  /**
   * The policy of the network ACL entries: the same selection fitted to the entry budget
   * (`networkAclOptions.maxEntries`), so only the ACL is widened when the selection does not fit.
   */
  public get networkAclPolicy(): ResolvedPolicy {
    if (!this.resolvedNetworkAclPolicy) {
      const budget = this.networkAclBudget;
      const maxRules = Math.min(budget, this.selection.maxRules ?? budget);
      this.checkNetworkAclFits(maxRules);
      this.resolvedNetworkAclPolicy = withConstructPath(
        this,
        () => resolve({ ...this.networkAclSelection, maxRules }, { isUnresolved: this.peers.isUnresolved }),
        `network ACL (at most ${maxRules} entries per direction and address family)`,
        this.reword,
      );
    }
    return this.resolvedNetworkAclPolicy;
  }

  /** Adds the rules to the security groups of each target (instances, groups, load balancers…). */
  public applyTo(...targets: ec2.IConnectable[]): void {
    for (const target of targets) {
      const groups = target.connections.securityGroups;
      if (groups.length === 0) {
        throw new AppleServicesError(
          this,
          'no-security-group',
          `applyTo() was given a target with no security group (${describeTarget(target)}). Pass an instance, a security group or another construct with security groups, or use applyToNetworkAcl() for network ACLs.`,
        );
      }
      groups.forEach((group) => this.addToSecurityGroup(group));
    }
  }

  /** Adds the entries (allows and their return entries) to a network ACL. */
  public applyToNetworkAcl(acl: ec2.INetworkAcl): void {
    if (this.networkAcls.includes(acl)) {
      return;
    }
    const policy = this.networkAclPolicy;
    const plan = withConstructPath(this, () => planNetworkAcl(policy, this.networkAclOptions), 'network ACL', this.reword);
    // Entries of an ACL someone else owns live under this construct: another construct's entries
    // there may have the same ids (placeholders of different tokens).
    const entryScope = acl === this.createdNetworkAcl ? acl : this.entryScopeFor(acl);
    addNetworkAclEntries(this, acl, entryScope, plan, this.peers, this.networkAclBudget);
    if (this.networkAcls.length === 0) {
      // The other notices are the security-group policy's too and were raised already.
      const widened = policy.notices.filter((notice) => notice.code === 'budget-widened');
      warnNotices(this, widened, {
        readable: this.peers.readable,
        idPrefix: 'network-acl-',
        messagePrefix: `Network ACL entries (networkAclOptions.maxEntries ${this.networkAclBudget}): `,
      });
    }
    this.networkAcls.push(acl);
  }

  /**
   * Widening closes gaps between the ports of one protocol and CIDR, never across them, so the
   * selection needs at least one entry per protocol and CIDR (peers that are not CIDRs are
   * refused by the plan). The resolver finds the same minimum, but its `budget-too-small` says
   * to raise `maxRules`, which the ACL's budget ignores above `networkAclOptions.maxEntries`, and
   * counts security-group and prefix-list peers the ACL refuses anyway; so the ACL is checked
   * here, with the fixes that apply to it.
   */
  private checkNetworkAclFits(maxRules: number): void {
    const policy =
      this.networkAclSelection === this.selection
        ? this.policy
        : withConstructPath(this, () => resolve({ ...this.networkAclSelection, maxRules: undefined }, { isUnresolved: this.peers.isUnresolved }), 'network ACL', this.reword);
    for (const family of ['ipv4', 'ipv6'] as const) {
      const groups = new Set(policy.rules.filter((rule) => rule.peer.kind === family).map((rule) => `${rule.protocol} ${peerKey(rule.peer)}`));
      if (groups.size > maxRules) {
        throw new AppleServicesError(
          this,
          'network-acl-quota',
          `the network ACL needs at least ${groups.size} ${family === 'ipv4' ? 'IPv4' : 'IPv6'} ${this.policy.direction} entries (one per protocol and CIDR, even with every port gap closed), more than the ${maxRules} allowed. Name fewer CIDRs, use a security group instead, or raise the quota and networkAclOptions.maxEntries (at most ${AWS_QUOTAS.networkAclRulesPerDirectionMax - 1}).`,
        );
      }
    }
  }

  /** `<ACL id>Entries`, or the app-wide unique id of the ACL when another ACL has the same id. */
  private entryScopeFor(acl: ec2.INetworkAcl): Construct {
    const readable = `${acl.node.id}Entries`;
    return new Construct(this, this.node.tryFindChild(readable) ? `${Names.uniqueId(acl)}Entries` : readable);
  }

  private get networkAclBudget(): number {
    return this.networkAclOptions.maxEntries ?? DEFAULT_NETWORK_ACL_ENTRIES;
  }

  private addToSecurityGroup(group: ec2.ISecurityGroup): void {
    if (this.securityGroups.includes(group)) {
      return;
    }
    addSecurityGroupRules(this, group, this.policy, this.peers, this.securityGroupRuleQuota);
    this.securityGroups.push(group);
    this.connections.addSecurityGroup(group);
  }

  private createSecurityGroup(vpc: ec2.IVpc): ec2.SecurityGroup {
    // The description stays the CDK default (the construct path): changing it replaces the group.
    return new ec2.SecurityGroup(this, 'SecurityGroup', { vpc, allowAllOutbound: false, allowAllIpv6Outbound: false });
  }

  private checkTargets(props: FirewallProps): void {
    if (props.subnets && !props.vpc) {
      throw new AppleServicesError(this, 'subnets-without-vpc', 'subnets needs vpc, the VPC the subnets are selected from. Pass vpc as well, or pass networkAcl to add entries to an existing network ACL.');
    }
    if (props.subnets && props.networkAcl) {
      throw new AppleServicesError(
        this,
        'conflicting-network-acl-targets',
        'pass either subnets (a network ACL is created and associated with them) or networkAcl (entries are added to that ACL), not both. To associate an existing ACL with more subnets, call its associateWithSubnet().',
      );
    }
    if (props.appleNetworkPeers !== undefined && props.peers !== undefined && !props.peers.includes('apple-network')) {
      throw new AppleServicesError(
        this,
        'apple-network-peers-unused',
        "appleNetworkPeers stand for 'apple-network', which destinations does not name, so no rule would use them. Add 'apple-network' to destinations, or leave destinations out: with appleNetworkPeers it defaults to ['apple-network'].",
      );
    }
    const quota = props.securityGroupRuleQuota;
    if (quota !== undefined && !(Number.isInteger(quota) && quota >= 1)) {
      throw new AppleServicesError(this, 'invalid-quota', `securityGroupRuleQuota ${quota} is not a rule count. Use your account's rules-per-security-group quota, a whole number (AWS's default is ${AWS_QUOTAS.securityGroupRulesPerDirection}).`);
    }
  }

  private validateAttached(): string[] {
    if (this.securityGroups.length > 0 || this.networkAcls.length > 0) {
      return [];
    }
    return [
      `${constructName(this.policy.direction)} '${this.node.path}' is attached to nothing, so it opens no ports. Attach it in one of four ways: pass vpc (a security group is created), pass securityGroup (an existing group), pass networkAcl or subnets with vpc (network ACL entries), or call applyTo(...) / applyToNetworkAcl(...).`,
    ];
  }
}

/**
 * The core's problems in the construct's terms: its props (`sources` for ingress), its classes
 * instead of a `direction`, and the values behind placeholders.
 */
function rewordForConstruct(problem: Problem, direction: Direction, profiles: readonly string[], readable: (text: string) => string): Problem {
  switch (problem.code) {
    case 'ingress-without-sources':
      return {
        ...problem,
        message: "sources is empty: name who may connect, e.g. a bastion security group, an admin CIDR ('203.0.113.0/24') or a prefix list ('pl-…'). There is no default; 'anywhere' works but warns.",
      };
    case 'profile-direction': {
      const profile = profiles.map((id) => findProfile(String(id))).find((p) => p !== undefined && p.direction !== direction && problem.message.includes(`'${p.id}'`));
      if (!profile) {
        return { ...problem, message: readable(problem.message) };
      }
      return {
        ...problem,
        message: `Profile '${profile.id}' is meant for ${profile.direction}, but ${constructName(direction)} opens ${direction}. Use it with ${constructName(profile.direction)}, or select its products (${profile.products.join(', ')}) here.`,
      };
    }
    case 'network-acl-peer':
      return { ...problem, message: readable(direction === 'ingress' ? problem.message.replace('Use CIDR destinations', 'Use CIDR sources') : problem.message) };
    default:
      return { ...problem, message: readable(problem.message) };
  }
}

function constructName(direction: Direction): string {
  return direction === 'egress' ? 'AppleServicesEgress' : 'AppleServicesIngress';
}

function describeTarget(target: ec2.IConnectable): string {
  const node = (target as Partial<Construct>).node;
  return node ? `'${node.path}'` : 'a connections object';
}
