/**
 * An AWS Network Firewall stateful rule group for a selection of Apple products, on the
 * `CfnRuleGroup` L1 (aws-cdk-lib has no Network Firewall L2). The rules, their order and the
 * capacity come from the core's plan; this construct only copies them into the resource.
 */
import * as networkfirewall from 'aws-cdk-lib/aws-networkfirewall';
import { Construct } from 'constructs';
import type { AppleFirewallRulesSelection, FirewallRuleGroupPlan } from '../core';
import { planFirewallRuleGroup, type RULE_GROUP_NAME_MAX_LENGTH } from '../core/internal';
import { designOf } from './errors';
import { PeerTranslator } from './peers';
import type { AppleServicesPeer } from './props';
import { recordPolicy } from './policy-metadata';
import { ruleGroupNameFor } from './rule-group-name';
import { raiseWarnings } from './warnings';

/** Props of `AppleServicesFirewallRules`: the selection, then how the rule group is numbered and sized. */
export interface AppleServicesFirewallRulesProps extends AppleFirewallRulesSelection {
  /**
   * Where the port rules (everything but HTTP and HTTPS, which are allowed by host name) go:
   * `'apple-network'` sends push notifications to 17.0.0.0/8 and the rest to `$EXTERNAL_NET`;
   * CIDRs (strings or `ec2.Peer.ipv4()`/`ipv6()`) are written into the rules. Prefix lists and
   * security groups cannot appear in Suricata rules.
   * @default ['apple-network']
   */
  readonly destinations?: readonly AppleServicesPeer[];
  /**
   * CIDRs of the Apple devices, for the rule group's `HOME_NET` variable: the clients the rules
   * allow. Set it when the devices sit in other VPCs than the firewall (centralised egress);
   * tokens such as `vpc.vpcCidrBlock` are fine.
   * @default - not set: the firewall policy's HOME_NET, by default the inspection VPC's CIDR
   */
  readonly homeNet?: readonly string[];
  /**
   * The rule group's name (letters, digits and hyphens, at most {@link RULE_GROUP_NAME_MAX_LENGTH}). Changing it replaces the
   * group. With a fixed name, give `capacity` too: CloudFormation cannot replace a group whose
   * name stays the same, so its capacity must never need to change.
   * @default - a unique name from the construct path ending with the capacity (`…-c200`), so a
   * new capacity is a new name and the group is replaced create-first
   */
  readonly ruleGroupName?: string;
  /**
   * The rule group's description.
   * @default - no description
   */
  readonly description?: string;
}

/**
 * A strict-order stateful Network Firewall rule group that allows what the selected Apple products
 * need: TLS SNI and HTTP Host rules for the hosts Apple lists, and port rules for the rest (APNs,
 * FaceTime and Game Center UDP…). Use it in a firewall policy with strict rule order and a drop
 * default action. QUIC and connections without SNI cannot be matched by name (see `plan.limitations`).
 *
 * @example
 * const apple = new AppleServicesFirewallRules(this, 'AppleRules', { products: ['SoftwareUpdate', 'iCloud'] });
 * // apple.ruleGroup.attrRuleGroupArn in a CfnFirewallPolicy's statefulRuleGroupReferences
 */
export class AppleServicesFirewallRules extends Construct {
  /**
   * The planned rules, capacity, notices and limitations, for review snapshots. Values only known
   * at deploy time appear as `{Unresolved1}`… in it, so the snapshot stays stable.
   */
  public readonly plan: FirewallRuleGroupPlan;
  /** The rule group resource. */
  public readonly ruleGroup: networkfirewall.CfnRuleGroup;
  /** The rule group's ARN, for a firewall policy's `statefulRuleGroupReferences`. */
  public readonly ruleGroupArn: string;

  /** Plans the rule group for the selection and creates its `CfnRuleGroup`; bad props fail here with every problem listed. */
  constructor(scope: Construct, id: string, props: AppleServicesFirewallRulesProps) {
    super(scope, id);
    const peers = new PeerTranslator(this, 'egress');
    const { plan, warnings, naming } = designOf(
      this,
      planFirewallRuleGroup({
        ...props,
        destinations: peers.toDestinations(props.destinations, 'destinations'),
        // Tokens become placeholders, put back when the resource is written.
        homeNet: peers.toPlaceholders(props.homeNet, 'homeNet'),
        ruleGroupName: props.ruleGroupName !== undefined ? { value: props.ruleGroupName } : undefined,
        isUnresolved: peers.isUnresolved,
        readable: peers.readable,
      }),
    );
    this.plan = plan;

    this.ruleGroup = new networkfirewall.CfnRuleGroup(this, 'Resource', {
      ruleGroupName: ruleGroupNameFor(this, props.ruleGroupName, naming),
      type: 'STATEFUL',
      capacity: this.plan.capacity,
      ...(props.description !== undefined ? { description: props.description } : {}),
      ruleGroup: {
        ...(this.plan.homeNet !== undefined ? { ruleVariables: { ipSets: { HOME_NET: { definition: this.plan.homeNet.map((cidr) => peers.actual(cidr)) } } } } : {}),
        rulesSource: { rulesString: peers.withTokens(this.plan.rulesString) },
        statefulRuleOptions: { ruleOrder: this.plan.ruleOrder },
      },
    });
    this.ruleGroupArn = this.ruleGroup.attrRuleGroupArn;

    raiseWarnings(this, warnings);
    recordPolicy(this, () => ({ type: 'AppleServicesFirewallRules', plan }));
  }
}
