/**
 * What AWS documents that bounds a policy: quotas, limits on names and descriptions, and the
 * addresses no rule governs. The one place, beside `data/`, where such numbers are written.
 */

/**
 * AWS's default VPC quotas that bound a policy (Amazon VPC quotas page). Security-group and
 * NACL rule quotas are counted per direction and per address family.
 * https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html
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
  /** The most entries a customer-managed prefix list may hold ("Prefix lists" quotas). */
  prefixListMaxEntries: 1000,
} as const;

/**
 * How apple-ports numbers network ACL entries unless told otherwise. AWS recommends leaving gaps
 * between rule numbers ("increments of 10 or 100") so rules can be inserted later.
 * https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html
 */
export const NETWORK_ACL_NUMBERING = {
  /** The first rule number entries take. */
  firstRuleNumber: 100,
  /** The distance between the rule numbers entries take. */
  ruleNumberStep: 10,
} as const;

/**
 * Security-group rule descriptions: at most this many characters, from AWS's description set
 * (`a-zA-Z0-9. _-:/()#,@[]+=;{}!$*`). AWS accepts `&` on rules to a CIDR but not on rules that
 * reference a group or prefix list, so the narrower set is the safe one.
 * https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
 */
export const RULE_DESCRIPTION_MAX_LENGTH = 255;

/** Characters AWS allows in security-group rule descriptions. */
export const RULE_DESCRIPTION_PATTERN = /^[a-zA-Z0-9 ._\-:/()#,@[\]+=;{}!$*]*$/;

/**
 * AWS Network Firewall rule group names: letters, digits and hyphens, at most this many.
 * https://docs.aws.amazon.com/network-firewall/latest/APIReference/API_CreateRuleGroup.html
 */
export const RULE_GROUP_NAME_MAX_LENGTH = 128;

/** Rule group names AWS accepts. */
export const RULE_GROUP_NAME_PATTERN = new RegExp(`^[a-zA-Z0-9-]{1,${RULE_GROUP_NAME_MAX_LENGTH}}$`);

/**
 * AWS Network Firewall rule group descriptions: one line (`^.*$`) of 1 to this many characters.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-networkfirewall-rulegroup.html
 */
export const RULE_GROUP_DESCRIPTION_MAX_LENGTH = 512;

/**
 * Customer-managed prefix list names: at most this many characters, and not starting with
 * `com.amazonaws`, which AWS keeps for its own lists.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-prefixlist.html
 */
export const PREFIX_LIST_NAME_MAX_LENGTH = 255;

/** The start of the names AWS keeps for its own prefix lists. */
export const RESERVED_PREFIX_LIST_NAME_START = 'com.amazonaws';

/**
 * Amazon-provided services that security groups and network ACLs never filter (Amazon VPC user
 * guide: security-group rules and network ACL basics), so rules for them would be a false control.
 */
export const AMAZON_DNS_ADDRESSES = 'the VPC base address plus two, and 169.254.169.253';
/** The Amazon Time Sync Service's link-local address. */
export const AMAZON_TIME_SYNC_ADDRESS = '169.254.169.123';

/** IANA's numbers for the IP protocols the library names, as flow logs and network ACL entries write them. */
export const IANA_PROTOCOL_NUMBERS = { icmp: 1, tcp: 6, udp: 17, icmpv6: 58 } as const;

/** ICMPv6's IANA protocol number, which network ACL entries take for it. */
export const ICMPV6_PROTOCOL_NUMBER = IANA_PROTOCOL_NUMBERS.icmpv6;

/** The highest IP protocol number: the IPv4 header's protocol field is one byte. */
export const MAX_PROTOCOL_NUMBER = 255;

/**
 * The ICMP messages Path MTU Discovery needs, which a network ACL must allow inbound and outbound
 * for instances that talk to peers over the internet: IPv4 "Destination Unreachable:
 * fragmentation needed and DF set" (type 3, code 4) and ICMPv6 "Packet Too Big" (type 2, code 0,
 * RFC 4443). Security groups need nothing: they track ICMP responses.
 * https://docs.aws.amazon.com/vpc/latest/userguide/path_mtu_discovery.html
 */
export const PATH_MTU_DISCOVERY_ICMP = {
  /** ICMP "Destination Unreachable: fragmentation needed and DF set". */
  ipv4: {
    /** The ACL protocol. */
    protocol: 'icmp',
    /** The ICMP type. */
    type: 3,
    /** The ICMP code. */
    code: 4,
  },
  /** ICMPv6 "Packet Too Big". */
  ipv6: {
    /** The ACL protocol. */
    protocol: 'icmpv6',
    /** The ICMPv6 type. */
    type: 2,
    /** The ICMPv6 code. */
    code: 0,
  },
} as const;

/**
 * The prefixes of the resource ids AWS issues that apple-ports takes (Amazon EC2 API reference:
 * resource ids are the prefix, a hyphen and 8 or, since 2016, 17 lower-case hex digits).
 */
export const RESOURCE_ID_PREFIXES = {
  /** Security groups: `sg-…`. */
  'security-group': 'sg',
  /** Managed prefix lists: `pl-…`. */
  'prefix-list': 'pl',
  /** VPCs: `vpc-…`. */
  vpc: 'vpc',
  /** Subnets: `subnet-…`. */
  subnet: 'subnet',
  /** Network ACLs: `acl-…`. */
  'network-acl': 'acl',
  /** Network interfaces: `eni-…`. */
  'network-interface': 'eni',
} as const;

/** The kinds of resource whose ids apple-ports checks. */
export type ResourceIdKind = keyof typeof RESOURCE_ID_PREFIXES;

/** The pattern of one kind's ids: cfn-lint's `^sg-([a-fA-F0-9]{8}|[a-fA-F0-9]{17})$`, in lower case as AWS issues them. */
export function resourceIdPattern(kind: ResourceIdKind): RegExp {
  return new RegExp(`^${RESOURCE_ID_PREFIXES[kind]}-([0-9a-f]{8}|[0-9a-f]{17})$`);
}

/** Security-group ids AWS issues: `sg-` and 8 or 17 lower-case hex digits. */
export const SECURITY_GROUP_ID_PATTERN = resourceIdPattern('security-group');
/** Prefix-list ids AWS issues: `pl-` and 8 or 17 lower-case hex digits. */
export const PREFIX_LIST_ID_PATTERN = resourceIdPattern('prefix-list');
/** VPC ids AWS issues: `vpc-` and 8 or 17 lower-case hex digits. */
export const VPC_ID_PATTERN = resourceIdPattern('vpc');

/**
 * The retention periods CloudWatch Logs accepts for a log group, in days (CloudWatch Logs API
 * reference, PutRetentionPolicy `retentionInDays`); no retention keeps events forever.
 */
export const CLOUDWATCH_LOGS_RETENTION_DAYS: readonly number[] = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/** The maximum aggregation intervals a VPC flow log accepts, in seconds (Amazon VPC user guide: flow log records). */
export const FLOW_LOG_AGGREGATION_INTERVALS: readonly number[] = [60, 600];

/** The service principal that publishes VPC flow logs and assumes the role that lets it. */
export const FLOW_LOGS_SERVICE_PRINCIPAL = 'vpc-flow-logs.amazonaws.com';

/** The most characters a CloudWatch Logs Insights query string may hold. */
export const LOGS_INSIGHTS_MAX_QUERY_LENGTH = 10000;

/** The instance metadata service's link-local address, whose traffic flow logs never record. */
export const INSTANCE_METADATA_ADDRESS = '169.254.169.254';

/** The port flow logs write for protocols without ports (ICMP and others). */
export const FLOW_LOG_NO_PORT = 0;

/**
 * AWS Network Firewall stateful rule group capacity: fixed when the group is created ("You can't
 * change or exceed a rule group's capacity when you make changes to it, so when you set the rule
 * group's capacity, leave room for it to grow"), at most this much per rule group. The quotas
 * page lists "Maximum stateful rule group capacity" among the quotas that can't be changed.
 * https://docs.aws.amazon.com/network-firewall/latest/developerguide/quotas.html
 * https://docs.aws.amazon.com/network-firewall/latest/developerguide/nwfw-rule-group-capacity.html
 */
export const NETWORK_FIREWALL_QUOTAS = {
  /** The most capacity one stateful rule group may reserve (not adjustable). */
  statefulRuleGroupCapacityMax: 30_000,
} as const;

/**
 * The largest signature id (`sid`) a rule of a stateful rule group may take: Suricata's sid is a
 * number greater than zero ("sid (signature ID)"), which Suricata reads as an unsigned 32-bit integer.
 * https://docs.suricata.io/en/latest/rules/meta.html#sid-signature-id
 */
export const MAX_SIGNATURE_ID = 4_294_967_295;

/**
 * Route 53 Resolver DNS Firewall quotas and ranges ("Quotas on Route 53 Resolver DNS Firewall",
 * and AssociateFirewallRuleGroup's `Priority`).
 * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/DNSLimitations.html#limits-api-entities-resolver-dns-firewall
 * https://docs.aws.amazon.com/Route53/latest/APIReference/API_route53resolver_AssociateFirewallRuleGroup.html
 */
export const DNS_FIREWALL_QUOTAS = {
  /** Domains in one domain list (adjustable). */
  domainsPerDomainList: 100_000,
  /** Rules in one rule group (adjustable). */
  rulesPerRuleGroup: 100,
  /** Rule groups associated with one VPC (adjustable). */
  ruleGroupsPerVpc: 5,
  /** The lowest association priority: DNS Firewall evaluates a VPC's rule groups from the lowest. */
  associationPriorityMin: 100,
  /** The highest association priority. */
  associationPriorityMax: 9900,
  /** The longest domain specification, the optional leading `*` included. */
  domainMaxLength: 255,
  /**
   * The longest name of a rule group association (AWS::Route53Resolver::FirewallRuleGroupAssociation
   * `Name`: letters, digits, `-`, `_` and spaces, at most 64).
   * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-route53resolver-firewallrulegroupassociation.html
   */
  associationNameMaxLength: 64,
} as const;

/**
 * How apple-ports numbers the rules inside its DNS Firewall rule group (priorities must be unique
 * in a group and are evaluated from the lowest): Apple's names, then the user's, then the block,
 * each kind of list at its own priority.
 * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-dns-firewall-rule-settings.html
 */
export const DNS_FIREWALL_RULE_NUMBERING = {
  /** The priority of the first rule. */
  firstPriority: 100,
  /** The distance between rule priorities, leaving room for rules of the user's own. */
  priorityStep: 100,
} as const;
