/**
 * Security-group quota checks shared by the CDK and Pulumi adapters. AWS counts rules per direction
 * and per address family; going over the quota fails only at deploy time, so it is checked here.
 */
import { API_TERMS, familyName, peerFamilies, peerWeight, type AddressFamily, type PolicyRule, type ResolvedPolicy, type SelectionTerms } from '../policy';
import { ApplePortsError, type Problem } from '../problems';
import { AWS_QUOTAS } from './facts';

/** The address families, in the order messages list them. */
const FAMILIES: readonly AddressFamily[] = ['ipv4', 'ipv6'];

/**
 * Rules of a policy per address family, as AWS counts them against the quota: a rule that
 * references a prefix list counts as the list's max entries, and rules to security groups (and to
 * prefix lists of unknown family) count in both families.
 */
export function countRulesByFamily(policy: { readonly rules: readonly Pick<PolicyRule, 'peer'>[] }): Record<AddressFamily, number> {
  const counts: Record<AddressFamily, number> = { ipv4: 0, ipv6: 0 };
  for (const rule of policy.rules) {
    for (const family of peerFamilies(rule.peer)) {
      counts[family] += peerWeight(rule.peer);
    }
  }
  return counts;
}

/** One problem per address family in which a policy has more rules than a security group may hold. */
export function securityGroupQuotaProblems(policy: ResolvedPolicy, quota: number, terms: SelectionTerms = API_TERMS): Problem[] {
  const counts = countRulesByFamily(policy);
  return FAMILIES.filter((family) => counts[family] > quota).map((family) => ({
    code: 'security-group-quota',
    message: `The ${policy.direction} rules need ${counts[family]} ${familyName(family)} security-group rules, more than the quota of ${quota}. Set ${terms.field('maxRules')} to ${quota} so ports are widened to fit, select fewer products, or raise the quota and pass it as ${terms.field('securityGroupRuleQuota')}.`,
  }));
}

/**
 * Throws when a policy has more rules in one address family than a security group may hold.
 * @param quota rules per direction per family
 * @default quota {@link AWS_QUOTAS}.securityGroupRulesPerDirection
 */
export function checkSecurityGroupQuota(policy: ResolvedPolicy, quota: number = AWS_QUOTAS.securityGroupRulesPerDirection): void {
  const problems = securityGroupQuotaProblems(policy, quota);
  if (problems.length > 0) {
    throw new ApplePortsError(problems);
  }
}
