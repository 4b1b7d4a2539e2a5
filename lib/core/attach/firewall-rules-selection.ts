/**
 * The Network Firewall rule group's selection and numbering, documented once for the CDK and
 * Pulumi twins, which extend it with their own resource options.
 */
import type { FirewallSelection } from '../network-firewall';

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
   * The systems the Apple devices run (`['macOS']` for EC2 Mac build hosts): hosts Apple limits
   * to other systems get no name rule.
   * @default - every platform
   */
  readonly platforms?: FirewallSelection['platforms'];
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
   * @default `DEFAULT_SID_BASE`
   */
  readonly sidBase?: number;
  /**
   * The capacity to reserve, at least what the rules need. AWS fixes it when the rule group is
   * created; a new capacity replaces the group, which a generated name makes safe. Required with
   * `ruleGroupName`, since CloudFormation cannot replace a group whose name is fixed.
   * @default - the rules' capacity with room to grow, rounded up to a whole `CAPACITY_STEP` (`defaultCapacity`)
   */
  readonly capacity?: number;
}
