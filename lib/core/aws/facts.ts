/**
 * AWS's default VPC quotas that bound a policy (Amazon VPC quotas page). Security-group and
 * NACL rule quotas are counted per direction and per address family.
 */
export const AWS_QUOTAS = {
  /** Inbound or outbound rules per security group, per address family (adjustable). */
  securityGroupRulesPerDirection: 60,
  /** Network ACL rules per direction per address family, the default deny rule included (adjustable to 40). */
  networkAclRulesPerDirection: 20,
  /** The most network ACL rules per direction per family a quota increase allows. */
  networkAclRulesPerDirectionMax: 40,
  /** The highest NACL rule number a user rule may take; 32767 is the default deny. */
  networkAclMaxRuleNumber: 32766,
} as const;

/**
 * Amazon-provided services that security groups and network ACLs never filter (Amazon VPC user
 * guide: security-group rules and network ACL basics), so rules for them would be a false control.
 */
export const AMAZON_DNS_ADDRESSES = 'the VPC base address plus two, and 169.254.169.253';
/** The Amazon Time Sync Service's link-local address. */
export const AMAZON_TIME_SYNC_ADDRESS = '169.254.169.123';
