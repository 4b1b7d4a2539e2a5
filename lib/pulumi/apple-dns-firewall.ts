/**
 * A Route 53 Resolver DNS Firewall rule group that holds a VPC to the names Apple lists for a
 * selection, from `@pulumi/aws/route53` (`ResolverFirewallDomainList`, `ResolverFirewallRuleGroup`,
 * `ResolverFirewallRule`, `ResolverFirewallRuleGroupAssociation`). The domain lists, rules and
 * associations come from the core's plan; this component only creates them.
 */
import * as pulumi from '@pulumi/pulumi';
import { ResolverFirewallDomainList, ResolverFirewallRule, ResolverFirewallRuleGroup, ResolverFirewallRuleGroupAssociation } from '@pulumi/aws/route53';
import type { DnsDomainListId, DnsFirewallPlan, PlanOutcome, Problem } from '../core';
import { planDnsFirewallRuleGroup, type DnsFirewallDesign, type DnsFirewallVocabulary } from '../core/internal';
import type { AppleDnsFirewallArgs } from './dns-firewall-args';
import { AppleServicesResourceError } from './errors';
import { InputReferences } from './input-references';
import { dnsFirewallVpcLedgers } from './ledgers';
import { typeToken } from './type-tokens';
import { logWarnings } from './warnings';

const PULUMI_DNS_VOCABULARY: DnsFirewallVocabulary = { vpcs: 'vpcIds', vpcValue: 'an Output such as vpc.id', claimant: 'component' };

function planComponent(name: string, args: AppleDnsFirewallArgs): PlanOutcome<DnsFirewallDesign & { references: InputReferences }> {
  const problems: Problem[] = [];
  const references = new InputReferences();
  const vpcIds = (args.vpcIds ?? []).flatMap((id, index) => references.toCoreString(id, 'vpcIds', `vpcIds[${index}]`, problems) ?? []);
  if (problems.length > 0) {
    return { ok: false, problems };
  }
  const outcome = planDnsFirewallRuleGroup({
    ...args,
    vpcIds,
    vocabulary: PULUMI_DNS_VOCABULARY,
    ledgers: { owner: `AppleDnsFirewall '${name}'`, ledgerOf: (vpcId) => dnsFirewallVpcLedgers.of(references.inputFor(vpcId)) },
    isUnresolved: references.isPlaceholder,
    readable: (text) => references.readable(text),
  });
  return outcome.ok ? { ok: true, value: { ...outcome.value, references } } : outcome;
}

/**
 * A DNS Firewall rule group that ALLOWs the names Apple lists for the selected products (CNAME
 * chains trusted) and, with `walledGarden`, BLOCKs every other name, associated with the given VPCs.
 *
 * ```ts
 * new AppleDnsFirewall('apple-dns', { profiles: ['ec2-mac-build-host'], platforms: ['macOS'], vpcIds: [vpc.id], priority: 200 });
 * ```
 */
export class AppleDnsFirewall extends pulumi.ComponentResource {
  /** The planned domain lists, rules and notices, for review snapshots. */
  public readonly plan: DnsFirewallPlan;
  /** The domain lists, by the plan's id (`apple`, `allowed`, `everything`). */
  public readonly domainLists: Readonly<Partial<Record<DnsDomainListId, ResolverFirewallDomainList>>>;
  /** The rule group resource. */
  public readonly ruleGroup: ResolverFirewallRuleGroup;
  /** The rules, in priority order. */
  public readonly rules: readonly ResolverFirewallRule[];
  /** The associations, one per VPC, in the order of `vpcIds`; each is named after its VPC (`<name>-association-vpc-0123456789abcdef0`). */
  public readonly associations: readonly ResolverFirewallRuleGroupAssociation[];
  /** The rule group's id, to associate it with further VPCs. */
  public readonly ruleGroupId: pulumi.Output<string>;

  /** Plans the DNS Firewall rule group for the selection and creates its domain lists, rules and VPC associations as children; bad args fail here with one `ResourceError` listing every problem. */
  constructor(name: string, args: AppleDnsFirewallArgs, opts?: pulumi.ComponentResourceOptions) {
    super(typeToken('AppleDnsFirewall'), name, {}, opts);
    const given = args ?? {};
    const result = planComponent(name, given);
    if (!result.ok) {
      throw new AppleServicesResourceError(result.problems, `AppleDnsFirewall '${name}'`, this);
    }
    const { plan, associations, warnings, references } = result.value;
    logWarnings(this, warnings);
    this.plan = plan;
    const tags = given.tags !== undefined ? { tags: given.tags } : {};
    const lists: Partial<Record<DnsDomainListId, ResolverFirewallDomainList>> = {};
    for (const list of plan.domainLists) {
      lists[list.id] = new ResolverFirewallDomainList(`${name}-${list.id}`, { domains: [...list.domains], ...tags }, { parent: this });
    }
    this.domainLists = lists;
    this.ruleGroup = new ResolverFirewallRuleGroup(`${name}-rule-group`, { ...tags }, { parent: this });
    this.rules = plan.rules.map(
      (rule) =>
        new ResolverFirewallRule(
          `${name}-${rule.name}`,
          {
            name: rule.name,
            firewallRuleGroupId: this.ruleGroup.id,
            firewallDomainListId: lists[rule.domainList]!.id,
            priority: rule.priority,
            action: rule.action,
            ...(rule.blockResponse !== undefined ? { blockResponse: rule.blockResponse } : {}),
            ...(rule.redirection !== undefined ? { firewallDomainRedirectionAction: rule.redirection } : {}),
          },
          { parent: this },
        ),
    );
    this.associations = associations.map(
      (association) =>
        new ResolverFirewallRuleGroupAssociation(
          // Named after its VPC, so adding or removing a VPC leaves the others be.
          `${name}-association-${association.key}`,
          { name: association.name, firewallRuleGroupId: this.ruleGroup.id, vpcId: references.inputFor(association.vpcId), priority: association.priority, ...tags },
          // The rules must exist before a VPC's queries meet the group.
          { parent: this, dependsOn: [...this.rules] },
        ),
    );
    this.ruleGroupId = this.ruleGroup.id;
    this.registerOutputs({ ruleGroupId: this.ruleGroupId, plan: this.plan });
  }
}
