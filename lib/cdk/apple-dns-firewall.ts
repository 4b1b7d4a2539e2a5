/**
 * A Route 53 Resolver DNS Firewall rule group that holds a VPC to the names Apple lists for a
 * selection, on the `aws-route53resolver` L1s (`CfnFirewallDomainList`, `CfnFirewallRuleGroup`,
 * `CfnFirewallRuleGroupAssociation`). The domain lists, rules and associations come from the
 * core's plan; this construct only creates them.
 */
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53resolver from 'aws-cdk-lib/aws-route53resolver';
import { Construct } from 'constructs';
import type { AppleDnsFirewallSelection, DnsDomainListId, DnsFirewallPlan } from '../core';
import { planDnsFirewallRuleGroup, type DnsFirewallVocabulary } from '../core/internal';
import { designOf } from './errors';
import { dnsFirewallVpcLedger } from './ledgers';
import { PeerTranslator } from './peers';
import { recordPolicy } from './policy-metadata';
import { raiseWarnings } from './warnings';

/** Props of `AppleDnsFirewall`: the selection, then the VPCs it is associated with. */
export interface AppleDnsFirewallProps extends AppleDnsFirewallSelection {
  /**
   * The VPCs to associate the rule group with, at `priority`. VPC constructs and ids (tokens too).
   * @default - none: associate the rule group yourself, e.g. through Firewall Manager
   */
  readonly vpcs?: readonly (ec2.IVpc | string)[];
}

const CDK_DNS_VOCABULARY: DnsFirewallVocabulary = { vpcs: 'vpcs', vpcValue: 'a VPC construct', claimant: 'construct' };

const LIST_IDS: Readonly<Record<DnsDomainListId, string>> = { apple: 'AppleHosts', allowed: 'AllowedDomains', everything: 'EveryOtherName' };

/**
 * A DNS Firewall rule group that ALLOWs the names Apple lists for the selected products (CNAME
 * chains trusted) and, with `walledGarden`, BLOCKs every other name, associated with the given VPCs.
 *
 * @example
 * new AppleDnsFirewall(this, 'AppleDns', { profiles: ['ec2-mac-build-host'], platforms: ['macOS'], vpcs: [vpc], priority: 200 });
 */
export class AppleDnsFirewall extends Construct {
  /** The planned domain lists, rules and notices, for review snapshots. */
  public readonly plan: DnsFirewallPlan;
  /** The domain lists, by the plan's id (`apple`, `allowed`, `everything`). */
  public readonly domainLists: Readonly<Partial<Record<DnsDomainListId, route53resolver.CfnFirewallDomainList>>>;
  /** The rule group resource. */
  public readonly ruleGroup: route53resolver.CfnFirewallRuleGroup;
  /** The rule group's id, to associate it with further VPCs. */
  public readonly ruleGroupId: string;
  /** The associations, one per VPC, in the order of `vpcs`; each construct id ends with its VPC's key (`Association-vpc-0123456789abcdef0`). */
  public readonly associations: readonly route53resolver.CfnFirewallRuleGroupAssociation[];

  /** Plans the DNS Firewall rule group for the selection and creates its domain lists, rules and VPC associations; bad props fail here with every problem listed. */
  constructor(scope: Construct, id: string, props: AppleDnsFirewallProps) {
    super(scope, id);
    const peers = new PeerTranslator(this, 'egress');
    const vpcIds = props.vpcs?.map((vpc) => (typeof vpc === 'string' ? vpc : vpc.vpcId));
    const { plan, associations, warnings } = designOf(
      this,
      planDnsFirewallRuleGroup({
        ...props,
        vpcIds: peers.toPlaceholders(vpcIds, 'vpcs'),
        vocabulary: CDK_DNS_VOCABULARY,
        ledgers: { owner: `'${this.node.path}'`, ledgerOf: (vpcId) => dnsFirewallVpcLedger(this, peers.actual(vpcId)) },
        isUnresolved: peers.isUnresolved,
        readable: peers.readable,
      }),
    );
    this.plan = plan;
    const lists: Partial<Record<DnsDomainListId, route53resolver.CfnFirewallDomainList>> = {};
    for (const list of plan.domainLists) {
      lists[list.id] = new route53resolver.CfnFirewallDomainList(this, LIST_IDS[list.id], { domains: [...list.domains] });
    }
    this.domainLists = lists;
    this.ruleGroup = new route53resolver.CfnFirewallRuleGroup(this, 'RuleGroup', {
      firewallRules: plan.rules.map((rule) => ({
        priority: rule.priority,
        action: rule.action,
        firewallDomainListId: lists[rule.domainList]!.attrId,
        ...(rule.blockResponse !== undefined ? { blockResponse: rule.blockResponse } : {}),
        ...(rule.redirection !== undefined ? { firewallDomainRedirectionAction: rule.redirection } : {}),
      })),
    });
    this.ruleGroupId = this.ruleGroup.attrId;
    // Each association's id comes from its VPC, so adding or removing a VPC leaves the others be.
    this.associations = associations.map(
      (association) =>
        new route53resolver.CfnFirewallRuleGroupAssociation(this, `Association-${association.key}`, {
          firewallRuleGroupId: this.ruleGroup.attrId,
          vpcId: peers.actual(association.vpcId),
          priority: association.priority,
          name: association.name,
        }),
    );
    raiseWarnings(this, warnings);
    recordPolicy(this, () => ({ type: 'AppleDnsFirewall', plan }));
  }
}
