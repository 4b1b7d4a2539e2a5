/**
 * The review document in Markdown, plain text and CSV. Every section is always present (saying
 * "none" when empty), so the layout of a snapshot never moves and a diff shows only real changes.
 */
import { formatPeer } from '../core/policy';
import { formatPortRange, formatProtocolPorts } from '../core/ports';
import { hostBlocks, hostRemarks } from './hosts';
import { nameList } from './names';
import type { PolicyReview, ReviewPortRange, ReviewQuotaCount } from './types';
import { reviewLanguage, type ReviewLanguage } from './locales';
import { renderMarkdown, renderPlainText, type DocumentBlock } from './text-document';
import { csvTable, type Table } from './text-table';

// Where the diff and older callers import them from.
export { nameList, nameWithId } from './names';

function summaryFields(review: PolicyReview, language: ReviewLanguage): DocumentBlock {
  return {
    kind: 'fields',
    separator: language.fieldSeparator,
    fields: [
      [language.fieldDirection, language.withMeaning(language.direction[review.direction], language.directionMeaning[review.direction])],
      [language.fieldProducts, nameList(review.products, language)],
      [language.fieldProfiles, nameList(review.profiles, language)],
      [language.fieldBudget, language.budgetField(review.budget.maxRules)],
    ],
  };
}

/** The rules, one row each; unnumbered, so adding a rule changes one row of a snapshot, not all below it. */
function rulesTable(review: PolicyReview, language: ReviewLanguage, lineBreak: string): Table {
  const c = language.ruleColumns;
  return {
    header: [c.direction, c.protocol, c.ports, c.peer, c.why],
    rows: review.rules.map((rule) => [
      language.direction[rule.direction],
      rule.protocol,
      formatPortRange(rule),
      formatPeer(rule.peer),
      rule.why.join(lineBreak),
    ]),
  };
}

function excludedTable(review: PolicyReview, language: ReviewLanguage): Table {
  const c = language.excludedColumns;
  return {
    header: [c.service, c.ports, c.products, c.why],
    rows: review.excluded.map((entry) => [
      `${entry.service.id}: ${entry.service.name}`,
      entry.ports.map((p) => formatProtocolPorts(p.protocol, p)).join(', '),
      nameList(entry.products, language),
      entry.why,
    ]),
  };
}

function budgetBlocks(review: PolicyReview, language: ReviewLanguage): DocumentBlock[] {
  const { maxRules, widened, widenedPorts } = review.budget;
  if (widened.length === 0) {
    return [{ kind: 'paragraph', text: maxRules === null ? language.noBudget : language.budgetFits(maxRules) }];
  }
  const c = language.budgetColumns;
  return [
    { kind: 'paragraph', text: language.budgetWidened(maxRules, widenedPorts) },
    {
      kind: 'table',
      table: {
        header: [c.protocol, c.ports, c.peer, c.count],
        rows: widened.map((w) => [w.protocol, formatPortRange(w), formatPeer(w.peer), `${w.ports}`]),
      },
    },
  ];
}

function quotaRow(label: string, count: ReviewQuotaCount, language: ReviewLanguage): string[] {
  return [label, `${count.ipv4}`, `${count.ipv6}`, `${count.limit}`, count.withinLimit ? language.yes : language.no];
}

function quotaBlocks(review: PolicyReview, language: ReviewLanguage): DocumentBlock[] {
  const c = language.quotaColumns;
  const rows = [quotaRow(language.securityGroupRules(review.direction), review.quotas.securityGroupRules, language)];
  const acl = review.quotas.networkAclEntries;
  if (acl) {
    const egress = review.direction === 'egress';
    rows.push(quotaRow(language.networkAclEntries(true, egress ? 'allow' : 'return'), acl.outbound, language));
    rows.push(quotaRow(language.networkAclEntries(false, egress ? 'return' : 'allow'), acl.inbound, language));
  }
  const blocks: DocumentBlock[] = [{ kind: 'table', table: { header: [c.count, 'IPv4', 'IPv6', c.limit, c.within], rows } }];
  if (!acl) {
    blocks.push({ kind: 'paragraph', text: language.networkAclNotApplicable });
  }
  return blocks;
}

/** Notices the dedicated sections do not already say. */
const NOTICES_SHOWN_ELSEWHERE = new Set(['legacy-excluded', 'link-local-excluded', 'local-gateway-excluded', 'direction-excluded', 'user-excluded', 'budget-widened']);

/** The review as document blocks, title first; `lineBreak` joins a cell's lines (`<br>` in Markdown). */
export function reviewBlocks(review: PolicyReview, lineBreak: string): DocumentBlock[] {
  const language = reviewLanguage(review.locale);
  const notes = review.notices.filter((n) => !NOTICES_SHOWN_ELSEWHERE.has(n.code)).map((n) => n.message);
  return [
    { kind: 'title', text: language.title },
    summaryFields(review, language),
    { kind: 'heading', text: language.rulesHeading(review.rules.length) },
    review.rules.length > 0 ? { kind: 'table', table: rulesTable(review, language, lineBreak) } : { kind: 'paragraph', text: language.noRules },
    ...hostBlocks(review.hosts, language, lineBreak),
    { kind: 'heading', text: language.excludedHeading(review.excluded.length) },
    review.excluded.length > 0 ? { kind: 'table', table: excludedTable(review, language) } : { kind: 'paragraph', text: language.nothingExcluded },
    { kind: 'heading', text: language.budgetHeading },
    ...budgetBlocks(review, language),
    { kind: 'heading', text: language.quotasHeading },
    ...quotaBlocks(review, language),
    { kind: 'heading', text: language.notesHeading },
    notes.length > 0 ? { kind: 'list', items: notes } : { kind: 'paragraph', text: language.noNotes },
  ];
}

/** The review as GitHub-flavoured Markdown. */
export function renderReviewMarkdown(review: PolicyReview): string {
  return renderMarkdown(reviewBlocks(review, '<br>'));
}

/** The review as plain text with aligned columns. */
export function renderReviewText(review: PolicyReview): string {
  return renderPlainText(reviewBlocks(review, '; '));
}

function samePorts(a: ReviewPortRange, b: ReviewPortRange): boolean {
  return a.protocol === b.protocol && a.fromPort === b.fromPort && a.toPort === b.toPort;
}

/**
 * The review as RFC 4180 CSV: one record per rule, then one per port range of each left-out
 * service, then one per port of each host Apple lists (kind `host`, the host as the peer and its
 * host-group ids as the services). Kinds, directions, protocols, peers and ids are codes; names and
 * reasons are in the review's language.
 */
export function renderReviewCsv(review: PolicyReview): string {
  return csvTable(reviewCsvTable(review));
}

/** The review's CSV records (see `renderReviewCsv`) as a table, for documents that add columns. */
export function reviewCsvTable(review: PolicyReview): Table {
  const language = reviewLanguage(review.locale);
  const names = (items: readonly { name: string }[]) => items.map((i) => i.name).join('; ');
  const rules = review.rules.map((rule) => [
    'rule',
    rule.direction,
    rule.protocol,
    `${rule.fromPort}`,
    `${rule.toPort}`,
    formatPeer(rule.peer),
    names(rule.products),
    rule.reasons.map((r) => r.service.id).join('; '),
    rule.why.join('; '),
  ]);
  const excluded = review.excluded.flatMap((entry) =>
    entry.ports.map((port) => [
      'excluded',
      review.direction,
      port.protocol,
      `${port.fromPort}`,
      `${port.toPort}`,
      '',
      names(entry.products),
      entry.service.id,
      entry.why,
    ]),
  );
  const hosts = (review.hosts?.hosts ?? []).flatMap((host) =>
    host.ports.map((port) => [
      'host',
      review.direction,
      port.protocol,
      `${port.fromPort}`,
      `${port.toPort}`,
      host.host,
      names(host.products),
      host.hostGroups.map((g) => g.id).join('; '),
      // Each record says only whether its own port is closed.
      [host.hostGroups.map((g) => g.name).join('; '), ...hostRemarks(host, host.portsNotOpened.filter((p) => samePorts(p, port)), language)].join('; '),
    ]),
  );
  return { header: language.csvColumns, rows: [...rules, ...excluded, ...hosts] };
}
