/**
 * The selection fields the CDK constructs and the Pulumi components share, documented once: both
 * adapters extend this with their own targets and peers, and hand it to the attachment planner.
 * Warning ids are `apple-ports:<notice code>` in both.
 */
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
   * Keep link-local multicast (Bonjour, SSDP), which never crosses a VPC, and NAT-PMP requests to
   * the local gateway, which in a VPC is the VPC router.
   * @default false - they are left out with the warnings `apple-ports:link-local-excluded` and `apple-ports:local-gateway-excluded`
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
