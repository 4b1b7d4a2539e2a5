/**
 * Plans a Route 53 Resolver DNS Firewall rule group for a selection of Apple products: a domain
 * list of the hosts Apple lists and an ALLOW rule for it, and, opt-in, a walled garden that BLOCKs
 * every other name. Security groups and network ACLs cannot filter DNS; DNS Firewall is the
 * cheapest way to hold a VPC to Apple's names. The plan is plain data for both adapters.
 *
 * Domains are written as Apple writes them. DNS Firewall reads a leading `*` as a wildcard ("It can
 * optionally start with * (asterisk)", UpdateFirewallDomains), and Apple's `*.push.apple.com`
 * means the subdomains of push.apple.com, so it is written `*.push.apple.com` without the apex:
 * where devices need an apex, Apple lists it as a host of its own (`itunes.apple.com` beside
 * `*.itunes.apple.com` under App Store).
 */
import { DNS_FIREWALL_QUOTAS, DNS_FIREWALL_RULE_NUMBERING } from '../aws/facts';
import { hostsFor, noHostsProblem, type HostList } from '../policy';
import { ApplePortsError, throwIfProblems, type Problem } from '../problems';
import type { DnsBlockResponse, DnsDomainListId, DnsDomainListPlan, DnsFirewallNotice, DnsFirewallOptions, DnsFirewallPlan, DnsFirewallRulePlan, DnsFirewallSelection } from './types';

/** DNS Firewall's domain syntax: an optional leading `*.`, then labels of letters, digits and hyphens. */
const DOMAIN = /^(\*\.)?([A-Za-z0-9-]+\.)*[A-Za-z0-9-]+\.?$/;

/** The wildcard that matches every name: the walled garden's block list. */
export const EVERY_DOMAIN = '*';

function checkAllowDomains(domains: readonly string[], isUnresolved: (value: string) => boolean, problems: Problem[]): void {
  for (const domain of domains.filter((d) => !isUnresolved(d))) {
    if (domain === EVERY_DOMAIN) {
      problems.push({ code: 'invalid-domain', message: "allowDomains: '*' would allow every name. List the domains to allow, e.g. '*.amazonaws.com', or leave walledGarden off." });
    } else if (domain.length > DNS_FIREWALL_QUOTAS.domainMaxLength || !DOMAIN.test(domain)) {
      problems.push({
        code: 'invalid-domain',
        message: `allowDomains: '${domain}' is not a DNS Firewall domain. Use letters, digits and hyphens in dot-separated labels, at most ${DNS_FIREWALL_QUOTAS.domainMaxLength} characters, optionally starting with '*.' for every subdomain: '*.amazonaws.com', 'example.com'.`,
      });
    }
  }
}

function domainLists(list: HostList, allowed: readonly string[], walledGarden: boolean): DnsDomainListPlan[] {
  return [
    { id: 'apple' as const, domains: list.hosts.map((h) => h.host), purpose: "Apple's hosts" },
    ...(allowed.length > 0 ? [{ id: 'allowed' as const, domains: allowed, purpose: 'names you allow' }] : []),
    ...(walledGarden ? [{ id: 'everything' as const, domains: [EVERY_DOMAIN], purpose: 'every other name' }] : []),
  ];
}

const { firstPriority, priorityStep } = DNS_FIREWALL_RULE_NUMBERING;

/**
 * The priority of each kind of list's rule, the same whichever lists the rule group holds: turning
 * on `allowDomains` or a walled garden adds a rule and renumbers none of the others.
 */
export const DNS_FIREWALL_RULE_PRIORITIES: Readonly<Record<DnsDomainListId, number>> = {
  apple: firstPriority,
  allowed: firstPriority + priorityStep,
  everything: firstPriority + 2 * priorityStep,
};

function rules(lists: readonly DnsDomainListPlan[], options: DnsFirewallOptions): DnsFirewallRulePlan[] {
  return lists.map((list) => {
    const priority = DNS_FIREWALL_RULE_PRIORITIES[list.id];
    return list.id === 'everything'
      ? { name: 'block-every-other-name', priority, action: 'BLOCK' as const, domainList: list.id, blockResponse: options.blockResponse ?? 'NXDOMAIN' }
      : { name: list.id === 'apple' ? 'allow-apple-hosts' : 'allow-your-domains', priority, action: 'ALLOW' as const, domainList: list.id, redirection: 'TRUST_REDIRECTION_DOMAIN' as const };
  });
}

function notices(walledGarden: boolean, allowed: readonly string[]): DnsFirewallNotice[] {
  if (!walledGarden) {
    return [
      {
        code: 'dns-firewall-allow-only',
        message:
          "The DNS Firewall rule group only ALLOWs Apple's names, so on its own it blocks nothing: names it allows skip the rule groups of lower priority. Set walledGarden to block every other name, or associate a rule group that blocks after it.",
      },
    ];
  }
  const endpoints = 'AWS service endpoints (*.amazonaws.com: S3, SSM, ECR, STS…)';
  // With names of your own, the warning cannot say what is blocked (allowDomains may hold the
  // endpoints already): it names what is allowed and what to check.
  const message =
    allowed.length === 0
      ? `The DNS Firewall rule group BLOCKs every name the VPC resolves except Apple's: ${endpoints}, package mirrors and your own domains included. List the names the VPC needs in allowDomains before you associate it.`
      : `The DNS Firewall rule group BLOCKs every name the VPC resolves except Apple's and those in allowDomains (${allowed.join(', ')}). Before you associate it, check that allowDomains holds every other name the VPC needs: ${endpoints}, package mirrors, your own domains.`;
  return [{ code: 'dns-firewall-walled-garden', message }];
}

/** The answers a BLOCK rule of the plan may give (AWS also has OVERRIDE, which the plan does not use). */
const BLOCK_RESPONSES: readonly DnsBlockResponse[] = ['NXDOMAIN', 'NODATA'];

/**
 * Plans the rule group: Apple's hosts as a domain list with an ALLOW rule (CNAME chains trusted),
 * the names in `allowDomains` likewise, and with `walledGarden` a BLOCK rule for `*` after them.
 * Throws an `ApplePortsError` listing every problem with the selection and the options.
 */
export function planDnsFirewall(selection: DnsFirewallSelection, options: DnsFirewallOptions = {}): DnsFirewallPlan {
  const { isUnresolved = () => false } = options;
  const problems: Problem[] = [];
  let list: HostList | undefined;
  try {
    list = hostsFor(selection);
  } catch (error) {
    if (!(error instanceof ApplePortsError)) {
      throw error;
    }
    problems.push(...error.problems);
  }
  const allowed = [...new Set(options.allowDomains ?? [])];
  checkAllowDomains(allowed, isUnresolved, problems);
  if (options.blockResponse !== undefined && !BLOCK_RESPONSES.includes(options.blockResponse)) {
    problems.push({
      code: 'invalid-dns-firewall-option',
      message: `blockResponse '${String(options.blockResponse)}' is not an answer DNS Firewall gives a blocked name. Use 'NXDOMAIN' (no such name) or 'NODATA' (no records), or leave it out.`,
    });
  }
  if (list === undefined) {
    throwIfProblems(problems);
    throw new Error('hostsFor failed without a problem');
  }
  if (list.hosts.length === 0) {
    problems.push(noHostsProblem(list, 'the DNS Firewall rule group would allow no name'));
  }
  const walledGarden = options.walledGarden ?? false;
  const lists = domainLists(list, allowed, walledGarden);
  for (const l of lists.filter((l) => l.domains.length > DNS_FIREWALL_QUOTAS.domainsPerDomainList)) {
    problems.push({ code: 'invalid-dns-firewall-option', message: `The ${l.purpose} list would hold ${l.domains.length} domains, above DNS Firewall's ${DNS_FIREWALL_QUOTAS.domainsPerDomainList} per domain list. Allow fewer domains.` });
  }
  const planned = rules(lists, options);
  if (planned.length > DNS_FIREWALL_QUOTAS.rulesPerRuleGroup) {
    problems.push({ code: 'invalid-dns-firewall-option', message: `The rule group would hold ${planned.length} rules, above DNS Firewall's ${DNS_FIREWALL_QUOTAS.rulesPerRuleGroup} per rule group.` });
  }
  throwIfProblems(problems);
  return {
    products: list.products,
    profiles: list.profiles,
    hostGroups: list.hostGroups,
    domainLists: lists,
    rules: planned,
    walledGarden,
    notices: notices(walledGarden, allowed),
    hosts: list,
  };
}
