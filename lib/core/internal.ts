/**
 * What the CDK and Pulumi adapters share with the core beyond the public API: peer helpers and
 * port formatting for naming resources. The package does not export this module.
 */
export { comparePeers, formatPeer, peerFamilies, peerFamily, peerKey, peerWeight } from './policy';
export { formatPortRange, formatProtocolPorts } from './ports';
export { ICMPV6_PROTOCOL_NUMBER, RULE_GROUP_NAME_MAX_LENGTH } from './aws/facts';
export { planFirewallRuleGroup, type FirewallRuleGroupDesign, type FirewallRuleGroupRequest, type RuleGroupNaming } from './attach';
export { planDomainListRuleGroup, rulesSourceList, type DomainListRuleGroupDesign, type DomainListRuleGroupRequest } from './attach';
export { DnsFirewallVpcLedger, NetworkAclLedger, SecurityGroupLedger, SubnetLedger, entryTraffic, isIcmpEntry, pathMtuEntriesPerDirection, resourceIdProblems, type GivenResourceId, type NetworkAclClaim, type SecurityGroupClaim } from './aws';
export { planServices, type AdapterVocabulary, type MatchingRule, type NetworkAclDesign, type ServicesDesign, type ServicesRequest, type TargetMode } from './attach';
export { peersField } from './policy';
export { planDnsFirewallRuleGroup, type DnsFirewallAssociationDesign, type DnsFirewallDesign, type DnsFirewallRequest, type DnsFirewallVocabulary } from './attach';
export { observerOptionsOf } from './flows/observer-options';
