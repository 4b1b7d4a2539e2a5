/**
 * `apple-ports review`'s documents: the review of every apple-ports construct of a cloud assembly,
 * and what changed between a base and a head assembly, construct by construct, from the policy
 * records the constructs wrote into their templates. The review and diff blocks are the library's
 * own (`reviewPolicy`, `diffPolicies`); this file only sets them under one heading per construct.
 */
import type { Locale, ResolvedPolicy } from '../core';
import { diffPolicies, emptyPolicy, reviewPolicy, type PolicyDiff, type ReadPolicyRecord } from '../review';
import { diffBlocks } from '../review/policy-diff-render';
import { reviewBlocks, reviewCsvTable } from '../review/render';
import { nestedBlocks, renderMarkdown, renderPlainText, type DocumentBlock } from '../review/text-document';
import { csvTable } from '../review/text-table';
import type { RecordedConstruct } from './cloud-assembly';
import { cliLanguage, type CliLanguage } from './locales';

/** How `review` prints one assembly. */
export type AssemblyReviewFormat = 'markdown' | 'text' | 'json' | 'csv';
/** How `review --base` prints the changes. */
export type AssemblyDiffFormat = 'markdown' | 'text' | 'json';

/** The version of the JSON `review` prints. */
const JSON_VERSION = 1;

type PrefixListRecord = Extract<ReadPolicyRecord, { type: 'AppleNetworkPrefixList' }>;
/** The records of rule groups that allow hosts by name: Network Firewall's two forms and DNS Firewall. */
type NameRecord = Extract<ReadPolicyRecord, { type: 'AppleServicesFirewallRules' | 'AppleServicesDomainList' | 'AppleDnsFirewall' }>;

function isNameRecord(record: ReadPolicyRecord): record is NameRecord {
  return record.type === 'AppleServicesFirewallRules' || record.type === 'AppleServicesDomainList' || record.type === 'AppleDnsFirewall';
}

/** Every name the rule group allows: a DNS Firewall's own names after Apple's. */
function namesOf(record: NameRecord): readonly string[] {
  return record.type === 'AppleDnsFirewall' ? [...record.hosts, ...record.allowDomains] : record.hosts;
}

/** The rule group's capacity, for the two Network Firewall forms (DNS Firewall has none). */
function capacityOf(record: NameRecord): number | undefined {
  return record.type === 'AppleDnsFirewall' ? undefined : record.capacity;
}

/** What the rules are: a count, a domain list's order and target types, or a DNS Firewall's rules. */
function rulesText(record: NameRecord, language: CliLanguage): string {
  switch (record.type) {
    case 'AppleServicesFirewallRules':
      return `${record.rules}`;
    case 'AppleServicesDomainList':
      return [record.ruleOrder, record.targetTypes.join(', ')].join(language.review.listSeparator);
    case 'AppleDnsFirewall':
      return record.rules.join(language.review.listSeparator);
  }
}

/** A name rule group's fields and the names it allows; its port rules' review for the Suricata form. */
function nameRecordBlocks(record: NameRecord, stack: string, locale: Locale, markdown: boolean): DocumentBlock[] {
  const language = cliLanguage(locale);
  const f = language.assembly.fields;
  const capacity = capacityOf(record);
  const names = namesOf(record);
  const blocks: DocumentBlock[] = [
    {
      kind: 'fields',
      separator: language.review.fieldSeparator,
      fields: [
        [f.stack, stack],
        ...(capacity !== undefined ? [[f.capacity, `${capacity}`] as [string, string]] : []),
        [f.rules, rulesText(record, language)],
        [f.hostGroups, record.hostGroups.join(language.review.listSeparator) || language.review.none],
      ],
    },
    { kind: 'heading', level: 3, text: `${f.hosts} (${names.length})` },
    list(names, language),
  ];
  if (record.type === 'AppleServicesFirewallRules') {
    blocks.push(...(record.policy ? policyReviewBlocks(record.policy, locale, markdown) : [{ kind: 'paragraph' as const, text: language.assembly.noPortRules }]));
  }
  return blocks;
}

function lineBreak(markdown: boolean): string {
  return markdown ? '<br>' : '; ';
}

function list(items: readonly string[], language: CliLanguage): DocumentBlock {
  return items.length > 0 ? { kind: 'list', items } : { kind: 'paragraph', text: `${language.review.none}.` };
}

function policyReviewBlocks(policy: ResolvedPolicy, locale: Locale, markdown: boolean): DocumentBlock[] {
  // The construct's heading stands for the review's title.
  return nestedBlocks(reviewBlocks(reviewPolicy(policy, { locale }), lineBreak(markdown)).slice(1), 2);
}

/** The review's fields with the construct's stack first. */
function withStack(blocks: DocumentBlock[], label: string, stack: string): DocumentBlock[] {
  const [first, ...rest] = blocks;
  return first?.kind === 'fields' ? [{ ...first, fields: [[label, stack], ...first.fields] }, ...rest] : blocks;
}

function recordBlocks(construct: RecordedConstruct, locale: Locale, markdown: boolean): DocumentBlock[] {
  const language = cliLanguage(locale);
  const f = language.assembly.fields;
  const separator = language.review.fieldSeparator;
  const { record } = construct;
  switch (record.type) {
    case 'AppleServicesEgress':
    case 'AppleServicesIngress':
      return withStack(policyReviewBlocks(record.policy, locale, markdown), f.stack, construct.stack);
    case 'AppleServicesFirewallRules':
    case 'AppleServicesDomainList':
    case 'AppleDnsFirewall':
      return nameRecordBlocks(record, construct.stack, locale, markdown);
    case 'AppleNetworkPrefixList':
      return [
        {
          kind: 'fields',
          separator,
          fields: [
            [f.stack, construct.stack],
            [f.family, record.family],
            [f.maxEntries, `${record.maxEntries}`],
          ],
        },
        { kind: 'heading', level: 3, text: language.assembly.prefixListEntries(record.entries.length) },
        list(record.entries, language),
      ];
  }
}

function reviewJson(construct: RecordedConstruct, locale: Locale): unknown {
  const { record } = construct;
  const head = { stack: construct.stack, path: construct.path, type: record.type };
  switch (record.type) {
    case 'AppleServicesEgress':
    case 'AppleServicesIngress':
      return { ...head, review: reviewPolicy(record.policy, { locale }) };
    case 'AppleServicesFirewallRules': {
      const { policy, type: _type, ...plan } = record;
      return { ...head, ...plan, ...(policy ? { review: reviewPolicy(policy, { locale }) } : {}) };
    }
    case 'AppleNetworkPrefixList':
    case 'AppleServicesDomainList':
    case 'AppleDnsFirewall': {
      const { type: _type, ...rest } = record;
      return { ...head, ...rest };
    }
  }
}

function reviewCsvRows(construct: RecordedConstruct, locale: Locale): string[][] {
  const { record } = construct;
  const policy = policyOf(record);
  const rows = policy ? reviewCsvTable(reviewPolicy(policy, { locale })).rows.map((row) => [...row]) : [];
  if (isNameRecord(record)) {
    rows.push(...namesOf(record).map((host) => ['name-rule', 'egress', '', '', '', host, '', '', '']));
  }
  if (record.type === 'AppleNetworkPrefixList') {
    rows.push(...record.entries.map((cidr) => ['prefix-list-entry', '', '', '', '', cidr, '', '', '']));
  }
  return rows.map((row) => [construct.stack, construct.path, ...row]);
}

/** The review of every construct of an assembly, in the chosen format and language. */
export function renderAssemblyReview(constructs: readonly RecordedConstruct[], directory: string, format: AssemblyReviewFormat, locale: Locale): string {
  const language = cliLanguage(locale);
  if (format === 'json') {
    return `${JSON.stringify({ version: JSON_VERSION, constructs: constructs.map((c) => reviewJson(c, locale)) }, null, 2)}\n`;
  }
  if (format === 'csv') {
    const header = ['stack', 'construct', ...language.review.csvColumns];
    return csvTable({ header, rows: constructs.flatMap((c) => reviewCsvRows(c, locale)) });
  }
  const markdown = format === 'markdown';
  const blocks: DocumentBlock[] = [{ kind: 'title', text: language.assembly.title }];
  if (constructs.length === 0) {
    blocks.push({ kind: 'paragraph', text: language.assembly.noConstructs(directory) });
  }
  for (const construct of constructs) {
    blocks.push({ kind: 'heading', text: language.assembly.construct(construct.path, construct.record.type) }, ...recordBlocks(construct, locale, markdown));
  }
  return markdown ? renderMarkdown(blocks) : renderPlainText(blocks);
}

/** How one construct changed between the base and the head. */
type ChangeStatus = 'added' | 'removed' | 'changed' | 'unchanged';

interface ConstructChange {
  readonly stack: string;
  readonly path: string;
  readonly type: ReadPolicyRecord['type'];
  readonly status: ChangeStatus;
  readonly policy?: PolicyDiff;
  readonly hosts?: { readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly entries?: { readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly capacity?: { readonly before: number | null; readonly after: number | null };
  readonly maxEntries?: { readonly before: number | null; readonly after: number | null };
}

function policyOf(record: ReadPolicyRecord | undefined): ResolvedPolicy | undefined {
  return record?.type === 'AppleServicesEgress' || record?.type === 'AppleServicesIngress' || record?.type === 'AppleServicesFirewallRules' ? record.policy : undefined;
}

function comparePolicies(before: ResolvedPolicy | undefined, after: ResolvedPolicy | undefined): PolicyDiff | undefined {
  if (before === undefined && after === undefined) {
    return undefined;
  }
  const direction = (after ?? before)!.direction;
  return diffPolicies(before ?? emptyPolicy(direction), after ?? emptyPolicy(direction));
}

function policyChanged(diff: PolicyDiff | undefined): boolean {
  return (
    diff !== undefined &&
    (diff.changes.length > 0 ||
      diff.products.added.length + diff.products.removed.length + diff.profiles.added.length + diff.profiles.removed.length > 0 ||
      diff.direction.before !== diff.direction.after ||
      diff.maxRules.before !== diff.maxRules.after)
  );
}

function addedRemoved(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  return { added: after.filter((x) => !before.includes(x)), removed: before.filter((x) => !after.includes(x)) };
}

function compareConstruct(path: string, base: RecordedConstruct | undefined, head: RecordedConstruct | undefined): ConstructChange {
  const either = (head ?? base)!;
  const before = base?.record;
  const after = head?.record;
  const policy = comparePolicies(policyOf(before), policyOf(after));
  let changed = policyChanged(policy);
  const change: { -readonly [K in keyof ConstructChange]: ConstructChange[K] } = { stack: either.stack, path, type: either.record.type, status: 'unchanged', ...(policy ? { policy } : {}) };
  if (isNameRecord(either.record)) {
    const b = before !== undefined && isNameRecord(before) ? before : undefined;
    const a = after !== undefined && isNameRecord(after) ? after : undefined;
    change.hosts = addedRemoved(b ? namesOf(b) : [], a ? namesOf(a) : []);
    change.capacity = { before: (b && capacityOf(b)) ?? null, after: (a && capacityOf(a)) ?? null };
    const rules = (record: NameRecord | undefined) => (record ? JSON.stringify(record.type === 'AppleServicesDomainList' ? [record.ruleOrder, record.targetTypes] : record.rules) : undefined);
    changed ||= change.hosts.added.length + change.hosts.removed.length > 0 || change.capacity.before !== change.capacity.after || rules(b) !== rules(a);
  }
  if (either.record.type === 'AppleNetworkPrefixList') {
    const b = before as PrefixListRecord | undefined;
    const a = after as PrefixListRecord | undefined;
    change.entries = addedRemoved(b?.entries ?? [], a?.entries ?? []);
    change.maxEntries = { before: b?.maxEntries ?? null, after: a?.maxEntries ?? null };
    changed ||= change.entries.added.length + change.entries.removed.length > 0 || change.maxEntries.before !== change.maxEntries.after;
  }
  change.status = base === undefined ? 'added' : head === undefined ? 'removed' : changed || before!.type !== after!.type ? 'changed' : 'unchanged';
  return change;
}

function changeBlocks(change: ConstructChange, locale: Locale, markdown: boolean): DocumentBlock[] {
  const language = cliLanguage(locale);
  const words = language.assembly;
  const separator = language.review.fieldSeparator;
  const number = (value: number | null) => (value === null ? '-' : `${value}`);
  const fields: [string, string][] = [[words.fields.stack, change.stack]];
  if (change.capacity && change.capacity.before !== change.capacity.after) {
    fields.push([words.fields.capacity, `${number(change.capacity.before)} → ${number(change.capacity.after)}`]);
  }
  if (change.maxEntries && change.maxEntries.before !== change.maxEntries.after) {
    fields.push([words.fields.maxEntries, `${number(change.maxEntries.before)} → ${number(change.maxEntries.after)}`]);
  }
  const blocks: DocumentBlock[] = [{ kind: 'fields', separator, fields }];
  const lists: [string, readonly string[] | undefined][] = [
    [words.hostsAdded, change.hosts?.added],
    [words.hostsRemoved, change.hosts?.removed],
    [words.entriesAdded, change.entries?.added],
    [words.entriesRemoved, change.entries?.removed],
  ];
  for (const [heading, items] of lists) {
    if (items && items.length > 0) {
      blocks.push({ kind: 'heading', level: 3, text: heading }, { kind: 'list', items });
    }
  }
  if (change.policy) {
    blocks.push(...nestedBlocks(diffBlocks(change.policy, locale, markdown).slice(1), 2));
  }
  return blocks;
}

/** The changes between two assemblies, and whether anything changed (the exit code's answer). */
export function renderAssemblyDiff(
  base: readonly RecordedConstruct[],
  head: readonly RecordedConstruct[],
  directories: { readonly base: string; readonly head: string },
  format: AssemblyDiffFormat,
  locale: Locale,
): { readonly text: string; readonly changed: boolean } {
  const language = cliLanguage(locale);
  const words = language.assembly;
  const paths = [...new Set([...base, ...head].map((c) => c.path))].sort();
  const changes = paths.map((path) => compareConstruct(path, base.find((c) => c.path === path), head.find((c) => c.path === path)));
  const count = (status: ChangeStatus) => changes.filter((c) => c.status === status).length;
  const changed = changes.some((c) => c.status !== 'unchanged');
  if (format === 'json') {
    const summary = { added: count('added'), removed: count('removed'), changed: count('changed'), unchanged: count('unchanged') };
    return { text: `${JSON.stringify({ version: JSON_VERSION, changed, summary, constructs: changes }, null, 2)}\n`, changed };
  }
  const markdown = format === 'markdown';
  const blocks: DocumentBlock[] = [
    { kind: 'title', text: words.changesTitle },
    { kind: 'paragraph', text: `${directories.base} → ${directories.head}` },
    { kind: 'paragraph', text: words.summary(count('added'), count('removed'), count('changed'), count('unchanged')) },
  ];
  for (const change of changes.filter((c) => c.status !== 'unchanged')) {
    blocks.push({ kind: 'heading', text: `${words.construct(change.path, change.type)}${language.review.fieldSeparator}${words[change.status]}` }, ...changeBlocks(change, locale, markdown));
  }
  const unchanged = changes.filter((c) => c.status === 'unchanged');
  if (unchanged.length > 0) {
    blocks.push({ kind: 'heading', text: `${words.unchanged} (${unchanged.length})` }, { kind: 'list', items: unchanged.map((c) => words.construct(c.path, c.type)) });
  }
  return { text: markdown ? renderMarkdown(blocks) : renderPlainText(blocks), changed };
}
