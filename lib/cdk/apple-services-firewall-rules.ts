/**
 * An AWS Network Firewall stateful rule group for a selection of Apple products, on the
 * `CfnRuleGroup` L1 (aws-cdk-lib has no Network Firewall L2). The rules, their order and the
 * capacity come from the core's plan; this construct only copies them into the resource.
 */
import { Names, Token } from 'aws-cdk-lib';
import * as networkfirewall from 'aws-cdk-lib/aws-networkfirewall';
import { Construct } from 'constructs';
import { planFirewallRules, type AppleFirewallRulesSelection, type FirewallRuleGroupPlan, type FirewallSelection, type Problem } from '../core';
import { AppleServicesError, withConstructPath } from './errors';
import { PeerTranslator } from './peers';
import type { AppleServicesPeer } from './props';
import { warnNotices } from './warnings';

/** Rule group names AWS accepts. */
const RULE_GROUP_NAME = /^[a-zA-Z0-9-]{1,128}$/;

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
   * The rule group's name (letters, digits and hyphens, at most 128). Changing it replaces the group.
   * @default - a unique name generated from the construct path
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

  constructor(scope: Construct, id: string, props: AppleServicesFirewallRulesProps) {
    super(scope, id);
    const peers = new PeerTranslator(this, 'egress');
    const destinations = peers.toDestinations(props.destinations, 'destinations');
    // Tokens become placeholders, put back when the resource is written.
    const homeNet = peers.toPlaceholders(props.homeNet, 'homeNet');
    const selection: FirewallSelection = {
      products: props.products,
      profiles: props.profiles,
      hostGroups: props.hostGroups,
      ipv6: props.ipv6,
      includeLegacy: props.includeLegacy,
      exclude: props.exclude,
      extraRules: props.extraRules,
      ...(destinations !== undefined ? { destinations } : {}),
    };
    const readable = (problem: Problem): Problem => ({ ...problem, message: peers.readable(problem.message) });
    this.plan = withConstructPath(
      this,
      () =>
        planFirewallRules(selection, {
          sidBase: props.sidBase,
          capacity: props.capacity,
          homeNet,
          isUnresolved: peers.isUnresolved,
        }),
      undefined,
      readable,
    );
    const ruleGroupName = props.ruleGroupName ?? Names.uniqueResourceName(this, { maxLength: 128, separator: '-', allowedSpecialCharacters: '-' });
    if (!Token.isUnresolved(ruleGroupName) && !RULE_GROUP_NAME.test(ruleGroupName)) {
      throw new AppleServicesError(
        this,
        'invalid-rule-group-name',
        `ruleGroupName '${ruleGroupName}' is not a rule group name. Use 1-128 letters, digits and hyphens, or leave it out for a generated one.`,
      );
    }

    this.ruleGroup = new networkfirewall.CfnRuleGroup(this, 'Resource', {
      ruleGroupName,
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

    // The resolver's notices (services left out…) hold for the port rules too, then the plan's own.
    // Link-local multicast never reaches a firewall, and the rule group has no option to keep it.
    const policyNotices = (this.plan.policy?.notices ?? []).filter((notice) => notice.code !== 'link-local-excluded');
    warnNotices(this, [...policyNotices, ...this.plan.notices], { readable: peers.readable });
  }
}
