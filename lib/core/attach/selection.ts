/**
 * The selection fields the CDK constructs and the Pulumi components share, documented once: both
 * adapters extend this with their own targets and peers, and hand it to `resolve()`.
 */
import type { FirewallSelection } from '../network-firewall';
import type { PolicySelection } from '../policy';

/** Which Apple products, and how strictly: the part of a selection every adapter takes as is. */
export interface AppleServicesSelection {
  /**
   * Apple products by id (`'iCloud'`, `'FaceTime'`, `'ScreenSharing'`…); aliases such as
   * `'iMessage'` or `'APNs'` are accepted too.
   * @default - none; give products, profiles or extraRules
   */
  readonly products?: PolicySelection['products'];
  /**
   * Named bundles of products from the catalogue (`'managed-mac'`, `'ec2-mac-build-host'`,
   * `'remote-admin-host'`…). Each profile is meant for one direction.
   * @default - none
   */
  readonly profiles?: PolicySelection['profiles'];
  /**
   * Add the IPv6 rules: `::/0` for `'anywhere'` and Apple's published IPv6 subnets for
   * `'apple-network'`.
   * @default false
   */
  readonly ipv6?: boolean;
  /**
   * Keep services Apple has retired (legacy APNs, Xcode Server…).
   * @default false - they are left out with the warning `apple-ports:legacy-excluded`
   */
  readonly includeLegacy?: boolean;
  /**
   * Keep link-local multicast (Bonjour, SSDP), which never crosses a VPC.
   * @default false - it is left out with the warning `apple-ports:link-local-excluded`
   */
  readonly includeLinkLocal?: boolean;
  /**
   * Catalogue service ids to leave out even though a selected product uses them.
   * @default []
   */
  readonly exclude?: PolicySelection['exclude'];
  /**
   * Rules of your own beside the catalogue's (e.g. a proxy port), each with a description.
   * @default []
   */
  readonly extraRules?: PolicySelection['extraRules'];
  /**
   * The most security-group rules per address family; when the selection needs more, the
   * smallest gaps between port ranges are closed and the warning `apple-ports:budget-widened`
   * lists every port opened beyond the selection. Bounds the network ACL too.
   * @default - no limit below `securityGroupRuleQuota`
   */
  readonly maxRules?: number;
}

/** The Network Firewall rule group's selection and numbering, shared by the CDK and Pulumi twins. */
export interface AppleFirewallRulesSelection {
  /**
   * Apple products by id (`'iCloud'`, `'SoftwareUpdate'`…); aliases such as `'APNs'` work too.
   * @default - none; give products, profiles or hostGroups
   */
  readonly products?: FirewallSelection['products'];
  /**
   * Named bundles of products from the catalogue (`'managed-mac'`, `'ec2-mac-build-host'`…);
   * only egress profiles, since the rules allow the devices' outbound traffic.
   * @default - none
   */
  readonly profiles?: FirewallSelection['profiles'];
  /**
   * Host groups of Apple's enterprise-network article to allow by id, for categories no product
   * stands for, such as `'certificate-validation'`.
   * @default - none
   */
  readonly hostGroups?: FirewallSelection['hostGroups'];
  /**
   * Add Apple's published APNs IPv6 subnets to the rules bound for Apple's network.
   * @default false
   */
  readonly ipv6?: boolean;
  /**
   * Keep services Apple has retired (legacy APNs…).
   * @default false - they are left out with the warning `apple-ports:legacy-excluded`
   */
  readonly includeLegacy?: boolean;
  /**
   * Catalogue service ids to leave out even though a selected product uses them; excluding
   * `'https'` or `'http'` drops the host-name rules of that protocol.
   * @default []
   */
  readonly exclude?: FirewallSelection['exclude'];
  /**
   * Port rules of your own (e.g. a proxy port), sent to the general destinations.
   * @default []
   */
  readonly extraRules?: FirewallSelection['extraRules'];
  /**
   * The first rule's signature id; the rules take `sidBase`, `sidBase + 1`… Give every rule
   * group of a firewall policy its own range.
   * @default 1000000
   */
  readonly sidBase?: number;
  /**
   * The capacity to reserve. AWS fixes it when the rule group is created, so reserve room for
   * the catalogue to grow; it must be at least the number of rules.
   * @default the number of rules
   */
  readonly capacity?: number;
}
