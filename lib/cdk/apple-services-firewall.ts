/**
 * What AppleServicesEgress and AppleServicesIngress share: hand the selection and targets to the
 * core's planner once, raise its warnings, and render its design into every security group and
 * network ACL the construct is attached to.
 */
import { Names, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import type { Direction, NetworkAclEntryPlan, ResolvedPolicy } from '../core';
import { peersField, planServices, resourceIdProblems, type AdapterVocabulary, type GivenResourceId, type NetworkAclDesign, type ServicesDesign } from '../core/internal';
import { AppleServicesError, designOf } from './errors';
import { networkAclLedger, subnetLedger } from './ledgers';
import { addNetworkAclEntries, associateAfterEntries } from './network-acl-entries';
import { PeerTranslator } from './peers';
import type { AppleServicesPeer, AppleServicesSelectionProps, AppleServicesTargetProps } from './props';
import { addSecurityGroupRules } from './security-group-rules';
import { recordPolicy } from './policy-metadata';
import { raiseWarnings } from './warnings';

/** How the constructs name themselves and their props in the planner's messages. */
const CDK_VOCABULARY: AdapterVocabulary = {
  typeName: { egress: 'AppleServicesEgress', ingress: 'AppleServicesIngress' },
  claimant: 'construct',
  props: { vpc: 'vpc', securityGroup: 'securityGroup', subnets: 'subnets', networkAcl: 'networkAcl' },
  peerExamples: "a bastion security group, an admin CIDR ('203.0.113.0/24') or a prefix list ('pl-…')",
  attachLater: 'call applyTo(...) / applyToNetworkAcl(...)',
  associateMore: "To associate an existing ACL with more subnets, call its associateWithSubnet().",
};

/** Props the base receives: the shared props plus the peers, named by the subclass. */
interface FirewallProps extends AppleServicesSelectionProps, AppleServicesTargetProps {
  /** Destinations (egress) or sources (ingress). @default the direction's default: anywhere for egress, none for ingress */
  readonly peers?: readonly AppleServicesPeer[];
  /** What `'apple-network'` stands for. @default Apple's network from the catalogue */
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

  private readonly design: ServicesDesign;
  private readonly peers: PeerTranslator;
  private readonly createdNetworkAcl?: ec2.NetworkAcl;
  private readonly securityGroups: ec2.ISecurityGroup[] = [];
  private readonly networkAcls: ec2.INetworkAcl[] = [];

  protected constructor(scope: Construct, id: string, direction: Direction, props: FirewallProps) {
    super(scope, id);
    this.connections = new ec2.Connections();
    this.peers = new PeerTranslator(this, direction);
    const peers = this.peers.toDestinations(props.peers, peersField(direction));
    const appleNetworkPeers = this.peers.toDestinations(props.appleNetworkPeers, 'appleNetworkPeers');
    this.design = designOf(
      this,
      planServices({
        ...props,
        direction,
        peers,
        appleNetworkPeers,
        networkAclStandIns: this.peers.networkAclStandIns,
        ownedSecurityGroups: this.peers.ownedSecurityGroups,
        target: {
          vpc: props.vpc !== undefined,
          securityGroup: props.securityGroup !== undefined,
          subnets: props.subnets !== undefined ? 'list' : undefined,
          networkAcl: props.networkAcl !== undefined,
        },
        isUnresolved: this.peers.isUnresolved,
        readable: this.peers.readable,
        vocabulary: CDK_VOCABULARY,
      }),
    );
    this.policy = this.design.policy;
    raiseWarnings(this, this.design.warnings);

    const group = props.securityGroup ?? (this.design.securityGroup === 'create' ? this.createSecurityGroup(props.vpc!) : undefined);
    if (group) {
      this.securityGroup = group;
      this.addToSecurityGroup(group);
    }
    if (this.design.networkAcl === 'create') {
      this.claimSubnets(props.vpc!.selectSubnets(props.subnets).subnets);
      this.createdNetworkAcl = new ec2.NetworkAcl(this, 'NetworkAcl', { vpc: props.vpc!, subnetSelection: props.subnets });
      this.node.addValidation({ validate: () => otherAssociations(this.createdNetworkAcl!) });
    }
    const acl = props.networkAcl ?? this.createdNetworkAcl;
    if (acl) {
      this.networkAcl = acl;
      this.applyToNetworkAcl(acl);
    }
    this.node.addValidation({ validate: () => this.validateAttached(direction) });
    recordPolicy(this, () => ({ type: CDK_VOCABULARY.typeName[direction] as 'AppleServicesEgress' | 'AppleServicesIngress', policy: this.policy }));
  }

  /**
   * The policy of the network ACL entries: the same selection fitted to the entry budget
   * (`networkAclOptions.maxEntries`), so only the ACL is widened when the selection does not fit.
   */
  public get networkAclPolicy(): ResolvedPolicy {
    return this.networkAclDesign().policy;
  }

  /** Adds the rules to the security groups of each target (instances, groups, load balancers…). */
  public applyTo(...targets: ec2.IConnectable[]): void {
    for (const target of targets) {
      const groups = target.connections.securityGroups;
      if (groups.length === 0) {
        throw new AppleServicesError(this, [
          {
            code: 'no-security-group',
            message: `applyTo() was given a target with no security group (${describeTarget(target)}). Pass an instance, a security group or another construct with security groups, or use applyToNetworkAcl() for network ACLs.`,
          },
        ]);
      }
      groups.forEach((group) => this.addToSecurityGroup(group));
    }
  }

  /** Adds the entries (allows and their return entries) to a network ACL. */
  public applyToNetworkAcl(acl: ec2.INetworkAcl): void {
    if (this.networkAcls.includes(acl)) {
      return;
    }
    this.checkId({ kind: 'network-acl', id: acl.networkAclId, field: 'networkAclId', owner: `'${acl.node.path}'` });
    const design = this.networkAclDesign();
    const claimed = networkAclLedger(acl).claim(design.entries, {
      owner: this.node.path,
      claimant: 'construct',
      aclName: `the network ACL '${acl.node.path}'`,
      actualOf: (value) => this.peers.actual(value),
      nameOf: (entry: NetworkAclEntryPlan) => this.peers.readable(entry.id),
      maxEntries: design.budget,
    });
    if (claimed.problems.length > 0) {
      throw new AppleServicesError(this, claimed.problems);
    }
    // Entries of an ACL someone else owns live under this construct: another construct's entries
    // there may have the same ids (placeholders of different tokens).
    const entryScope = acl === this.createdNetworkAcl ? acl : this.entryScopeFor(acl);
    const entries = addNetworkAclEntries(acl, entryScope, claimed.entries, this.peers);
    if (acl === this.createdNetworkAcl) {
      associateAfterEntries(this.createdNetworkAcl, entries);
    }
    if (this.networkAcls.length === 0) {
      raiseWarnings(this, design.warnings);
    }
    this.networkAcls.push(acl);
  }

  /** A subnet has one network ACL: refuse subnets another apple-ports construct's ACL holds. */
  private claimSubnets(subnets: readonly ec2.ISubnet[]): void {
    const problems = subnets.flatMap((subnet) =>
      subnetLedger(subnet).claim({
        owner: `'${this.node.path}'`,
        claimant: 'construct',
        subnetName: `'${subnet.node.path}'`,
        shareHint: (holder) => `pass networkAcl: the networkAcl of ${holder} here (or call its applyToNetworkAcl() with this construct's ACL), and leave subnets out`,
      }),
    );
    if (problems.length > 0) {
      throw new AppleServicesError(this, problems);
    }
  }

  private networkAclDesign(): NetworkAclDesign {
    return designOf(this, this.design.networkAclDesign());
  }

  /** `<ACL id>Entries`, or the app-wide unique id of the ACL when another ACL has the same id. */
  private entryScopeFor(acl: ec2.INetworkAcl): Construct {
    const readable = `${acl.node.id}Entries`;
    return new Construct(this, this.node.tryFindChild(readable) ? `${Names.uniqueId(acl)}Entries` : readable);
  }

  private addToSecurityGroup(group: ec2.ISecurityGroup): void {
    if (this.securityGroups.includes(group)) {
      return;
    }
    this.checkId({ kind: 'security-group', id: group.securityGroupId, field: 'securityGroupId', owner: `'${group.node.path}'` });
    addSecurityGroupRules(this, group, this.design, this.peers);
    this.securityGroups.push(group);
    this.connections.addSecurityGroup(group);
  }

  /** An imported group's or ACL's id, which AWS would refuse only at deployment if malformed. */
  private checkId(given: GivenResourceId): void {
    const problems = resourceIdProblems([given], (id) => Token.isUnresolved(id));
    if (problems.length > 0) {
      throw new AppleServicesError(this, problems);
    }
  }

  private createSecurityGroup(vpc: ec2.IVpc): ec2.SecurityGroup {
    // The description stays the CDK default (the construct path): changing it replaces the group.
    return new ec2.SecurityGroup(this, 'SecurityGroup', { vpc, allowAllOutbound: false, allowAllIpv6Outbound: false });
  }

  private validateAttached(direction: Direction): string[] {
    if (this.securityGroups.length > 0 || this.networkAcls.length > 0) {
      return [];
    }
    return [`${CDK_VOCABULARY.typeName[direction]} '${this.node.path}': ${this.design.unattachedMessage}`];
  }
}

/**
 * Associations of the ACL's subnets with other network ACLs anywhere in the app (the user's own
 * `ec2.NetworkAcl`, say): AWS keeps one per subnet, so one of them would never apply.
 */
function otherAssociations(acl: ec2.NetworkAcl): string[] {
  const ours = acl.node.children.filter((child): child is ec2.SubnetNetworkAclAssociation => child instanceof ec2.SubnetNetworkAclAssociation);
  const subnets = new Set(ours.map((association) => association.subnet.subnetId));
  return acl.node.root.node
    .findAll()
    .filter((c): c is ec2.SubnetNetworkAclAssociation => c instanceof ec2.SubnetNetworkAclAssociation && !ours.includes(c) && subnets.has(c.subnet.subnetId))
    .map(
      (other) =>
        `the subnet '${other.subnet.node.path}' is associated with this construct's network ACL and, at '${other.node.path}', with another one. A subnet has one network ACL: the association applied last wins and the other never applies. Associate each subnet once: pass networkAcl (or call applyToNetworkAcl()) with the other ACL instead of subnets, or drop the other association.`,
    );
}

function describeTarget(target: ec2.IConnectable): string {
  const node = (target as Partial<Construct>).node;
  return node ? `'${node.path}'` : 'a connections object';
}
