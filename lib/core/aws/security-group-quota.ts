/**
 * Security-group checks shared by the CDK and Pulumi adapters. AWS counts rules per direction and
 * per address family; going over the quota fails only at deploy time, so it is checked here.
 */
import { peerFamily, peerWeight, type AddressFamily, type ResolvedPolicy } from '../policy';
import { ApplePortsError } from '../problems';
import { AWS_QUOTAS } from './facts';

/**
 * Rules of a policy per address family, as AWS counts them against the quota: a rule that
 * references a prefix list counts as the list's max entries.
 */
export function countRulesByFamily(policy: ResolvedPolicy): Record<AddressFamily, number> {
  const counts: Record<AddressFamily, number> = { ipv4: 0, ipv6: 0 };
  for (const rule of policy.rules) {
    counts[peerFamily(rule.peer)] += peerWeight(rule.peer);
  }
  return counts;
}

/**
 * Throws when a policy has more rules in one address family than a security group may hold.
 * @param quota rules per direction per family; AWS's default is 60
 */
export function checkSecurityGroupQuota(policy: ResolvedPolicy, quota: number = AWS_QUOTAS.securityGroupRulesPerDirection): void {
  const counts = countRulesByFamily(policy);
  const over = (['ipv4', 'ipv6'] as const).filter((family) => counts[family] > quota);
  if (over.length > 0) {
    throw new ApplePortsError(
      over.map((family) => ({
        code: 'security-group-quota' as const,
        message: `The ${policy.direction} rules need ${counts[family]} ${family === 'ipv4' ? 'IPv4' : 'IPv6'} security-group rules, more than the quota of ${quota}. Set maxRules to ${quota} so ports are widened to fit, select fewer products, or raise the quota and pass it as securityGroupRuleQuota.`,
      })),
    );
  }
}
