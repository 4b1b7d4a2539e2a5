/**
 * An AWS Network Firewall domain-list rule group (`RulesSourceList`, ALLOWLIST) of the hosts Apple
 * lists for a selection, on the `CfnRuleGroup` L1. AWS writes and maintains the rules; the
 * targets, target types and capacity come from the core's plan.
 */
import * as networkfirewall from 'aws-cdk-lib/aws-networkfirewall';
import { Construct } from 'constructs';
import type { AppleDomainListSelection, DomainListRuleGroupPlan } from '../core';
import { planDomainListRuleGroup, rulesSourceList, type RULE_GROUP_NAME_MAX_LENGTH } from '../core/internal';
import { designOf } from './errors';
import { PeerTranslator } from './peers';
import { recordPolicy } from './policy-metadata';
import { ruleGroupNameFor } from './rule-group-name';
import { raiseWarnings } from './warnings';

/** Props of `AppleServicesDomainList`: the selection, then the rule group's scope and name. */
export interface AppleServicesDomainListProps extends AppleDomainListSelection {
  /**
   * CIDRs of the Apple devices, for the rule group's `HOME_NET` variable. Set it when the devices
   * sit in other VPCs than the firewall (centralised egress); tokens such as `vpc.vpcCidrBlock` work.
   * @default - not set: the firewall policy's HOME_NET, by default the inspection VPC's CIDR
   */
  readonly homeNet?: readonly string[];
  /**
   * The rule group's name (letters, digits and hyphens, at most {@link RULE_GROUP_NAME_MAX_LENGTH}). With a fixed name, give
   * `capacity` too: CloudFormation cannot replace a group whose name stays the same.
   * @default - a unique name from the construct path ending with the capacity (`…-c100`)
   */
  readonly ruleGroupName?: string;
  /**
   * The rule group's description.
   * @default - no description
   */
  readonly description?: string;
}

/**
 * A stateful domain-list rule group that allows the HTTPS (TLS SNI) and HTTP (Host) traffic of the
 * hosts Apple lists for the selected products, the form AWS maintains the rule syntax of. Traffic
 * on other ports (APNs TCP 5223, QUIC) needs rules of its own: `AppleServicesFirewallRules` adds
 * them. See `plan.notices` and `plan.limitations`. The group uses strict rule order, as the
 * firewall policy that references it must (`statefulEngineOptions: { ruleOrder: 'STRICT_ORDER' }`).
 *
 * @example
 * const apple = new AppleServicesDomainList(this, 'AppleDomains', { products: ['SoftwareUpdate', 'iCloud'], platforms: ['macOS'] });
 * // apple.ruleGroupArn in the statefulRuleGroupReferences of a CfnFirewallPolicy with strict rule order
 */
export class AppleServicesDomainList extends Construct {
  /** The planned targets, capacity, notices and limitations, for review snapshots. */
  public readonly plan: DomainListRuleGroupPlan;
  /** The rule group resource. */
  public readonly ruleGroup: networkfirewall.CfnRuleGroup;
  /** The rule group's ARN, for a firewall policy's `statefulRuleGroupReferences`. */
  public readonly ruleGroupArn: string;

  /** Plans the domain list for the selection and creates its `CfnRuleGroup`; bad props fail here with every problem listed. */
  constructor(scope: Construct, id: string, props: AppleServicesDomainListProps) {
    super(scope, id);
    const peers = new PeerTranslator(this, 'egress');
    const { plan, warnings, naming } = designOf(
      this,
      planDomainListRuleGroup({
        ...props,
        homeNet: peers.toPlaceholders(props.homeNet, 'homeNet'),
        ruleGroupName: props.ruleGroupName !== undefined ? { value: props.ruleGroupName } : undefined,
        isUnresolved: peers.isUnresolved,
        readable: peers.readable,
      }),
    );
    this.plan = plan;
    const list = rulesSourceList(plan);
    this.ruleGroup = new networkfirewall.CfnRuleGroup(this, 'Resource', {
      ruleGroupName: ruleGroupNameFor(this, props.ruleGroupName, naming),
      type: 'STATEFUL',
      capacity: plan.capacity,
      ...(props.description !== undefined ? { description: props.description } : {}),
      ruleGroup: {
        ...(plan.homeNet !== undefined ? { ruleVariables: { ipSets: { HOME_NET: { definition: plan.homeNet.map((cidr) => peers.actual(cidr)) } } } } : {}),
        rulesSource: { rulesSourceList: { targets: [...list.targets], targetTypes: [...list.targetTypes], generatedRulesType: list.generatedRulesType } },
        statefulRuleOptions: { ruleOrder: plan.ruleOrder },
      },
    });
    this.ruleGroupArn = this.ruleGroup.attrRuleGroupArn;
    raiseWarnings(this, warnings);
    recordPolicy(this, () => ({ type: 'AppleServicesDomainList', plan }));
  }
}
