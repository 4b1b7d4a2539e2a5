/**
 * What apple-ports has put on a security group or a network ACL that several constructs or
 * components share. AWS checks neither rule numbers nor quotas before deployment, and a user may
 * hand one ACL or group to several of them, so each claim is checked against everything claimed
 * before: an identical entry is added once, a rule number two want is refused, and the sum is held
 * to the quota. The adapters keep one ledger per target; the ledger itself is plain data.
 */
import type { Direction } from '../catalogue';
import { familyName, formatPeer, type AddressFamily, type PolicyRule } from '../policy';
import { formatPortRange } from '../ports';
import { countRulesByFamily } from './security-group-quota';
import type { Problem } from '../problems';
import { DNS_FIREWALL_QUOTAS } from './facts';
import { entryTraffic, raiseNetworkAclQuota, type NetworkAclEntryPlan } from './network-acl';

/** How the adapter calls the things that claim: `'construct'` or `'component'`. */
export type ClaimantKind = 'construct' | 'component';

function directionOf(entry: NetworkAclEntryPlan): Direction {
  return entry.egress ? 'egress' : 'ingress';
}

function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** How one claim on a network ACL is checked and named. */
export interface NetworkAclClaim {
  /** Who claims, for messages: `'Test/Mac'` or `AppleServicesEgress 'vdi'`. */
  readonly owner: string;
  readonly claimant: ClaimantKind;
  /** The ACL, for messages: `the network ACL 'Test/Acl'`. */
  readonly aclName: string;
  /**
   * What a placeholder stands for, as the adapter tells values apart (two constructs' placeholders
   * may stand for different values, and one value may have two placeholders).
   */
  readonly actualOf: (value: string) => string;
  /** How messages name an entry. @default its id */
  readonly nameOf?: (entry: NetworkAclEntryPlan) => string;
  /** Entries allowed per direction and address family. */
  readonly maxEntries: number;
}

/** The entries apple-ports put on one network ACL. */
export class NetworkAclLedger {
  /** `egress 100` → who holds that rule number. */
  private readonly numbers = new Map<string, { readonly owner: string; readonly entry: string }>();
  private readonly contents = new Set<string>();
  /** `egress ipv4` → entries added. */
  private readonly counts = new Map<string, number>();

  /**
   * Claims planned entries. Returns the entries left to create (those no one added before) or every
   * problem; claims nothing unless all fit.
   */
  public claim(entries: readonly NetworkAclEntryPlan[], claim: NetworkAclClaim): { readonly entries: readonly NetworkAclEntryPlan[]; readonly problems: readonly Problem[] } {
    const nameOf = claim.nameOf ?? ((entry: NetworkAclEntryPlan) => entry.id);
    const problems: Problem[] = [];
    const added: { entry: NetworkAclEntryPlan; content: string }[] = [];
    const counts = new Map(this.counts);
    for (const entry of entries) {
      const content = `${directionOf(entry)} ${entryTraffic(entry)} ${claim.actualOf(entry.cidr)}`;
      if (this.contents.has(content)) {
        continue;
      }
      const taken = this.numbers.get(`${directionOf(entry)} ${entry.ruleNumber}`);
      if (taken) {
        problems.push({
          code: 'network-acl-rule-number-taken',
          message: `${directionOf(entry)} rule number ${entry.ruleNumber} of ${claim.aclName} is already taken by '${taken.entry}' of ${taken.owner}. Give each ${claim.claimant} sharing the ACL its own rule numbers with networkAclOptions.firstRuleNumber and lastRuleNumber.`,
        });
        continue;
      }
      const countKey = `${directionOf(entry)} ${entry.family}`;
      counts.set(countKey, (counts.get(countKey) ?? 0) + 1);
      added.push({ entry, content });
    }
    for (const [key, count] of counts) {
      if (count > claim.maxEntries && count > (this.counts.get(key) ?? 0)) {
        const [direction, family] = key.split(' ') as [Direction, AddressFamily];
        problems.push({
          code: 'network-acl-quota',
          message: `${sentence(claim.aclName)} would hold ${count} ${familyName(family)} ${direction} entries from apple-ports ${claim.claimant}s, more than maxEntries ${claim.maxEntries}. Give the ${claim.claimant}s separate network ACLs, select the products in one ${claim.claimant}, or ${raiseNetworkAclQuota('networkAclOptions.maxEntries')}.`,
        });
      }
    }
    if (problems.length > 0) {
      return { entries: [], problems };
    }
    for (const { entry, content } of added) {
      this.contents.add(content);
      this.numbers.set(`${directionOf(entry)} ${entry.ruleNumber}`, { owner: claim.owner, entry: nameOf(entry) });
    }
    for (const [key, count] of counts) {
      this.counts.set(key, count);
    }
    return { entries: added.map((a) => a.entry), problems: [] };
  }
}

/** How one claim on a security group is checked and named. */
export interface SecurityGroupClaim {
  readonly claimant: ClaimantKind;
  /** The group, for messages: `the security group 'Test/Sg'`. */
  readonly groupName: string;
  /** What a placeholder stands for, as the adapter tells values apart. */
  readonly actualOf: (value: string) => string;
  /** Rules per direction and address family the group may hold. */
  readonly quota: number;
  /** How messages name the rule budget and the quota setting: `maxRules`, `securityGroupRuleQuota`. */
  readonly maxRulesField: string;
  readonly quotaField: string;
}

/** A rule as a security group holds it: what it allows, and to or from where. */
export type SecurityGroupRuleClaim = Pick<PolicyRule, 'protocol' | 'fromPort' | 'toPort' | 'peer'>;

/** The rules apple-ports put on one security group, per direction. */
export class SecurityGroupLedger {
  private readonly rules = new Map<Direction, Map<string, SecurityGroupRuleClaim>>();

  /**
   * Claims rules in one direction. Returns the rules left to create (those no one added before:
   * AWS refuses a second copy of a rule) or, claiming nothing, the problems when the sum would go
   * over the quota.
   */
  public claim<R extends SecurityGroupRuleClaim>(
    policy: { readonly direction: Direction; readonly rules: readonly R[] },
    claim: SecurityGroupClaim,
  ): { readonly rules: readonly R[]; readonly problems: readonly Problem[] } {
    const held = this.rules.get(policy.direction) ?? new Map<string, SecurityGroupRuleClaim>();
    const merged = new Map(held);
    const added: R[] = [];
    for (const rule of policy.rules) {
      const key = `${rule.protocol} ${formatPortRange(rule)} ${rule.peer.kind}:${claim.actualOf(formatPeer(rule.peer))}`;
      if (!merged.has(key)) {
        merged.set(key, rule);
        added.push(rule);
      }
    }
    const counts = countRulesByFamily({ rules: [...merged.values()] });
    const problems: Problem[] = (['ipv4', 'ipv6'] as const)
      .filter((family) => counts[family] > claim.quota)
      .map((family) => ({
        code: 'security-group-quota',
        message: `${sentence(claim.groupName)} would hold ${counts[family]} ${familyName(family)} ${policy.direction} rules from apple-ports ${claim.claimant}s, more than the quota of ${claim.quota}. Select the products in one ${claim.claimant} with ${claim.maxRulesField} ${claim.quota}, use separate security groups, or raise the quota and pass it as ${claim.quotaField}.`,
      }));
    if (problems.length > 0) {
      return { rules: [], problems };
    }
    this.rules.set(policy.direction, merged);
    return { rules: added, problems: [] };
  }
}

/** How a claim on a subnet's network ACL association is named. */
export interface SubnetClaim {
  /** Who creates the ACL for the subnet, for messages. */
  readonly owner: string;
  readonly claimant: ClaimantKind;
  /** The subnet, for messages: `'Vdi/Vpc/DesktopsSubnet1'` or `'subnet-0123…'`. */
  readonly subnetName: string;
  /** How to share the ACL of `holder` (the construct holding the subnet) instead. */
  readonly shareHint: (holder: string) => string;
}

/**
 * The one network ACL apple-ports associates with a subnet. AWS keeps one ACL association per
 * subnet and the last one applied wins, so a second association of the same subnet would silently
 * never apply (or undo the first).
 */
export class SubnetLedger {
  private owner?: string;

  /** Claims the subnet for `claim.owner`'s ACL; a problem when another already holds it. */
  public claim(claim: SubnetClaim): readonly Problem[] {
    if (this.owner === undefined || this.owner === claim.owner) {
      this.owner = claim.owner;
      return [];
    }
    return [
      {
        code: 'subnet-network-acl-taken',
        message: `the subnet ${claim.subnetName} is already associated with the network ACL of ${this.owner}, and a subnet has one network ACL: the association applied last wins and the other never applies. Share one ACL instead: ${claim.shareHint(this.owner)}.`,
      },
    ];
  }
}

/** How one DNS Firewall rule group's association with a VPC is checked and named. */
export interface DnsFirewallVpcClaim {
  /** Who associates the rule group, for messages: `'Test/AppleDns'` or `AppleDnsFirewall 'dns'`. */
  readonly owner: string;
  readonly claimant: ClaimantKind;
  /** The VPC, for messages: `'Test/Vpc'` or `'vpc-0123456789abcdef0'`. */
  readonly vpcName: string;
  /** The association's priority in the VPC. */
  readonly priority: number;
}

/**
 * The DNS Firewall rule groups apple-ports associates with one VPC. AWS refuses two associations
 * of a VPC at one priority ("You must specify a unique priority for each rule group that you
 * associate with a single VPC") and more rule groups per VPC than its quota, and says so only at
 * deploy time; the ledger says so at construction, naming the value and the fix.
 */
export class DnsFirewallVpcLedger {
  /** Priority → who holds it. */
  private readonly priorities = new Map<number, string>();

  /** The problems with a claim, without making it. */
  public check(claim: DnsFirewallVpcClaim): readonly Problem[] {
    const holder = this.priorities.get(claim.priority);
    if (holder !== undefined && holder !== claim.owner) {
      const { associationPriorityMin: min, associationPriorityMax: max } = DNS_FIREWALL_QUOTAS;
      return [
        {
          code: 'dns-firewall-priority-taken',
          message: `priority ${claim.priority} in the VPC ${claim.vpcName} is already taken by the DNS Firewall rule group of ${holder}, and AWS refuses two rule groups at one priority in a VPC. Give each ${claim.claimant} associated with the VPC its own priority, from ${min} to ${max}.`,
        },
      ];
    }
    const held = new Set(this.priorities.values());
    const count = held.size + (held.has(claim.owner) ? 0 : 1);
    if (count > DNS_FIREWALL_QUOTAS.ruleGroupsPerVpc) {
      return [
        {
          code: 'dns-firewall-quota',
          message: `the VPC ${claim.vpcName} would have ${count} DNS Firewall rule groups from apple-ports ${claim.claimant}s, more than the ${DNS_FIREWALL_QUOTAS.ruleGroupsPerVpc} AWS associates with one VPC. Select the products of several ${claim.claimant}s in one, or associate fewer rule groups with the VPC.`,
        },
      ];
    }
    return [];
  }

  /** Records a claim `check` found no problem with. */
  public record(claim: DnsFirewallVpcClaim): void {
    this.priorities.set(claim.priority, claim.owner);
  }
}
