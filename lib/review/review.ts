/**
 * The review document of a resolved policy: every rule with the products and services behind it,
 * the hosts Apple lists for the products, what was left out and why, what a rule budget widened,
 * and the counts against AWS's quotas.
 * Built only from the policy and the catalogue, with no timestamps, so a snapshot of it changes
 * exactly when the policy does.
 */
import { getProduct, getProfile, getService, inCatalogueOrder, type AppleProduct, type Locale, type ProfileId, type ServiceEntry, type ServiceId } from '../core/catalogue';
import { describeService, formatPeer, isAnywhere, peerFamily, type ExcludedService, type PolicyNotice, type PolicyRule, type ResolvedPolicy } from '../core/policy';
import { countPorts, formatPortRanges, formatProtocolPorts } from '../core/ports';
import { AWS_QUOTAS, countNetworkAclEntries, countRulesByFamily } from '../core/aws';
import { policyHosts } from './hosts';
import { renderReviewCsv, renderReviewMarkdown, renderReviewText } from './render';
import { reviewLanguage, type ReviewLanguage } from './locales';
import {
  REVIEW_SCHEMA_VERSION,
  type PolicyReview,
  type ReviewExclusion,
  type ReviewNetworkAclCounts,
  type ReviewNotice,
  type ReviewProduct,
  type ReviewProfile,
  type ReviewQuotaCount,
  type ReviewQuotas,
  type ReviewReason,
  type ReviewRetirement,
  type ReviewRule,
  type ReviewService,
  type ReviewWidening,
} from './types';

/** The shapes a review is rendered in. */
export type ReviewFormat = 'markdown' | 'json' | 'csv' | 'text';

/** Options for `reviewPolicy`. */
export interface ReviewPolicyOptions {
  /**
   * The language of names and sentences: Apple's English or its Chinese (zh-CN) names.
   * @default 'en'
   */
  readonly locale?: Locale;
}

/** Options for `renderReview`. */
export interface ReviewOptions extends ReviewPolicyOptions {
  /**
   * `markdown` for pull requests, `json` for tools (a `PolicyReview`), `csv` (RFC 4180) for
   * spreadsheets, `text` for a terminal.
   * @default 'markdown'
   */
  readonly format?: ReviewFormat;
}

/** A product as the review names it. */
export function reviewProduct(id: AppleProduct, locale: Locale): ReviewProduct {
  return { id, name: getProduct(id).name[locale] };
}

function reviewProfile(id: ProfileId, locale: Locale): ReviewProfile {
  return { id, name: getProfile(id).name[locale] };
}

/** A service as the review names it: Apple's protocol name and the RFC to read. */
export function reviewService(service: ServiceEntry, locale: Locale): ReviewService {
  return {
    id: service.id,
    name: service.name?.[locale] ?? service.label,
    rfc: service.rfc.current ?? service.rfc.apple,
    appleRfc: service.rfc.apple,
    ianaName: service.ianaName,
  };
}

/** "FaceTime, iCloud → http: Hypertext Transfer Protocol (HTTP), RFC 9110 (Apple cites RFC 2616)". */
export function reasonSentence(reason: ReviewReason, language: ReviewLanguage): string {
  const products = reason.products.map((p) => p.name).join(language.listSeparator);
  return language.reason(products, reason.service.id, reason.service.name, language.rfc(reason.service.rfc, reason.service.appleRfc));
}

/** The lowest port a service uses in a protocol, to list a rule's services in port order. */
function firstPort(service: ServiceEntry, protocol: PolicyRule['protocol']): number {
  return Math.min(...service.ports.filter((p) => p.protocol === protocol).map((p) => p.fromPort));
}

/** The services of a rule in port order, each with the rule's products that use it. */
function ruleReasons(rule: PolicyRule, locale: Locale): ReviewReason[] {
  const services = rule.services.map(getService).sort((a, b) => firstPort(a, rule.protocol) - firstPort(b, rule.protocol));
  return services.map((service) => {
    const id = service.id;
    const users = rule.products.filter((p) => getProduct(p).uses.some((u) => u.service === id));
    return { service: reviewService(service, locale), products: users.map((p) => reviewProduct(p, locale)) };
  });
}

function reviewRule(rule: PolicyRule, policy: ResolvedPolicy, locale: Locale, language: ReviewLanguage): ReviewRule {
  const reasons = ruleReasons(rule, locale);
  const widened = rule.widened.map((w) => ({ fromPort: w.fromPort, toPort: w.toPort }));
  const why = [
    ...reasons.map((r) => reasonSentence(r, language)),
    ...rule.extra.map(language.extraRule),
    ...(widened.length > 0 ? [language.widenedInRule(policy.maxRules ?? null, formatPortRanges(widened), countPorts(widened))] : []),
  ];
  return {
    direction: policy.direction,
    protocol: rule.protocol,
    fromPort: rule.fromPort,
    toPort: rule.toPort,
    peer: rule.peer,
    family: peerFamily(rule.peer),
    description: rule.description,
    products: rule.products.map((p) => reviewProduct(p, locale)),
    reasons,
    extra: rule.extra,
    widened,
    why,
  };
}

/** What Apple retired among an excluded service and the products that left it out. */
function retirements(entry: ExcludedService, locale: Locale): ReviewRetirement[] {
  if (entry.reason !== 'legacy') {
    return [];
  }
  const service = getService(entry.service);
  const retired: ReviewRetirement[] = service.retired ? [{ id: service.id, name: service.label, date: service.retired.date }] : [];
  for (const id of entry.products) {
    const product = getProduct(id);
    if (product.retired) {
      retired.push({ id, name: product.name[locale], date: product.retired.date });
    }
  }
  return retired;
}

function reviewExclusion(entry: ExcludedService, locale: Locale, language: ReviewLanguage): ReviewExclusion {
  const service = getService(entry.service);
  const retired = retirements(entry, locale);
  return {
    service: reviewService(service, locale),
    ports: service.ports.map((p) => ({ protocol: p.protocol, fromPort: p.fromPort, toPort: p.toPort })),
    reason: entry.reason,
    products: entry.products.map((p) => reviewProduct(p, locale)),
    retired,
    why: language.exclusion[entry.reason](retired.map((r) => language.retiredItem(r.name, r.date)).join(language.listSeparator)),
  };
}

function quotaCount(counts: { ipv4: number; ipv6: number }, limit: number): ReviewQuotaCount {
  return { ipv4: counts.ipv4, ipv6: counts.ipv6, limit, withinLimit: counts.ipv4 <= limit && counts.ipv6 <= limit };
}

/**
 * Network ACL entries per direction and family as `planNetworkAcl` lays them out (allows, the
 * fewest returns, Path MTU Discovery), plus the default deny in each family in use.
 */
function networkAclCounts(policy: ResolvedPolicy): ReviewNetworkAclCounts | null {
  const counts = countNetworkAclEntries(policy);
  if (counts === undefined) {
    return null;
  }
  const withDefaultDeny = (byFamily: { ipv4: number; ipv6: number }) => ({
    ipv4: byFamily.ipv4 > 0 ? byFamily.ipv4 + 1 : 0,
    ipv6: byFamily.ipv6 > 0 ? byFamily.ipv6 + 1 : 0,
  });
  const limit = AWS_QUOTAS.networkAclRulesPerDirection;
  return { outbound: quotaCount(withDefaultDeny(counts.egress), limit), inbound: quotaCount(withDefaultDeny(counts.ingress), limit) };
}

function reviewQuotas(policy: ResolvedPolicy): ReviewQuotas {
  return {
    securityGroupRules: quotaCount(countRulesByFamily(policy), AWS_QUOTAS.securityGroupRulesPerDirection),
    networkAclEntries: networkAclCounts(policy),
  };
}

function reviewWidenings(policy: ResolvedPolicy): ReviewWidening[] {
  return policy.rules.flatMap((rule) =>
    rule.widened.map((w) => ({ protocol: w.protocol, fromPort: w.fromPort, toPort: w.toPort, peer: w.peer, ports: w.toPort - w.fromPort + 1 })),
  );
}

/** "apns-legacy-provider (tcp 2195); apns-legacy-feedback (tcp 2196)", in port order. */
function serviceList(ids: readonly ServiceId[]): string {
  return inCatalogueOrder(ids)
    .map((id) => describeService(getService(id)))
    .join('; ');
}

/** A notice in the review's language: the resolver's message, or its translation. */
function reviewNotice(notice: PolicyNotice, policy: ResolvedPolicy, language: ReviewLanguage): ReviewNotice {
  const translations = language.notices;
  if (!translations) {
    return { code: notice.code, message: notice.message };
  }
  const excludedIntro = (reason: keyof typeof translations.excluded) => `${translations.excluded[reason]}：${serviceList(notice.services)}。`;
  const messages: Record<PolicyNotice['code'], () => string> = {
    'legacy-excluded': () => {
      const services = notice.services.filter((id) => getService(id).status === 'legacy');
      const retired = notice.products.map((id) => getProduct(id)).filter((p) => p.status === 'legacy');
      return [
        ...(services.length > 0 ? [`${translations.excluded.legacy}：${serviceList(services)}。`] : []),
        ...(retired.length > 0 ? [translations.retiredProducts(retired.map((p) => `${p.name['zh-CN']}（${p.retired!.date}）`).join(language.listSeparator))] : []),
      ].join('');
    },
    'link-local-excluded': () => excludedIntro('link-local'),
    'local-gateway-excluded': () => excludedIntro('local-gateway'),
    'direction-excluded': () => excludedIntro('direction'),
    'user-excluded': () => excludedIntro('user'),
    'budget-widened': () =>
      translations.widened(
        notice.widened.reduce((sum, w) => sum + w.toPort - w.fromPort + 1, 0),
        policy.maxRules ?? null,
        notice.widened.map((w) => `${formatProtocolPorts(w.protocol, w)} → ${formatPeer(w.peer)}`).join('；'),
      ),
    'amazon-dns': () => translations.amazonDns,
    'amazon-time-sync': () => translations.amazonTimeSync,
    'ipv6-unused': () => translations.ipv6Unused,
    'exclude-unused': () => translations.excludeUnused(notice.services.map((id) => `'${id}'`).join(language.listSeparator)),
    'open-ingress': () =>
      translations.openIngress(
        [...new Set(policy.rules.filter((r) => isAnywhere(r.peer)).map((r) => formatPeer(r.peer)))].join(language.listSeparator),
      ),
    'apple-network-partial': () => {
      const elsewhere = new Set(notice.services);
      const narrowed = [...new Set(policy.rules.flatMap((r) => r.services))].filter((id) => !elsewhere.has(id));
      return translations.appleNetworkPartial(narrowed.join(language.listSeparator) || language.none, serviceList(notice.services), (notice.peers ?? []).map(formatPeer).join(language.listSeparator));
    },
    'prefix-list-size-unknown': () => translations.prefixListSizeUnknown((notice.peers ?? []).map(formatPeer).join(language.listSeparator)),
    'quic-closed': () => translations.quicClosed((notice.hosts ?? []).join(language.listSeparator), formatProtocolPorts('udp', getService('https').ports.find((p) => p.protocol === 'tcp')!)),
  };
  return { code: notice.code, message: (messages[notice.code] ?? (() => notice.message))() };
}

/**
 * The review document of a policy as data (the structure `renderReview` prints as JSON): rules with
 * their products, services, Apple's protocol names and RFCs, exclusions, widening, quota counts,
 * and the hosts Apple lists for the products.
 */
export function reviewPolicy(policy: ResolvedPolicy, options: ReviewPolicyOptions = {}): PolicyReview {
  const locale = options.locale ?? 'en';
  const language = reviewLanguage(locale);
  const widened = reviewWidenings(policy);
  return {
    schemaVersion: REVIEW_SCHEMA_VERSION,
    locale,
    direction: policy.direction,
    products: policy.products.map((id) => reviewProduct(id, locale)),
    profiles: policy.profiles.map((id) => reviewProfile(id, locale)),
    rules: policy.rules.map((rule) => reviewRule(rule, policy, locale, language)),
    excluded: policy.excluded.map((entry) => reviewExclusion(entry, locale, language)),
    budget: {
      maxRules: policy.maxRules ?? null,
      widened,
      widenedPorts: widened.reduce((sum, w) => sum + w.ports, 0),
    },
    quotas: reviewQuotas(policy),
    notices: policy.notices.map((notice) => reviewNotice(notice, policy, language)),
    hosts: policyHosts(policy, locale),
  };
}

/**
 * Renders the review document of a policy for people and tools: Markdown for pull requests (the
 * default), JSON (a `PolicyReview`), RFC 4180 CSV, or aligned text for a terminal. The output is
 * deterministic, so a jest snapshot of it changes only when the policy changes.
 */
export function renderReview(policy: ResolvedPolicy, options: ReviewOptions = {}): string {
  const review = reviewPolicy(policy, options);
  const format = options.format ?? 'markdown';
  switch (format) {
    case 'markdown':
      return renderReviewMarkdown(review);
    case 'json':
      return `${JSON.stringify(review, null, 2)}\n`;
    case 'csv':
      return renderReviewCsv(review);
    case 'text':
      return renderReviewText(review);
    default:
      throw new Error(`Unknown review format '${String(format)}'. Use 'markdown', 'json', 'csv' or 'text'.`);
  }
}

