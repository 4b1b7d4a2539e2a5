/**
 * A policy diff as the paragraph a reviewer reads on a pull request (Markdown), as terminal text
 * with +/-/~ markers, or as JSON.
 */
import { getProfile, getService, type AppleProduct, type Locale, type ProfileId } from '../core/catalogue';
import { formatPortRanges, formatProtocolPorts, type PortRange } from '../core/ports';
import { formatPeer } from '../core/policy';
import type { PolicyDiff, PortChangeReason, RuleChange } from './policy-diff';
import { reasonSentence, reviewProduct, reviewService } from './review';
import { nameList } from './render';
import { reviewLanguage, type ReviewLanguage } from './locales';
import { renderDocument, type DocumentBlock, type DocumentFormat } from './text-document';

/** The shapes a diff is rendered in. */
export type PolicyDiffFormat = DocumentFormat;

/** Options for `renderPolicyDiff`. */
export interface PolicyDiffRenderOptions {
  /**
   * `markdown` for a pull-request comment, `text` for a terminal, `json` for tools (a `PolicyDiff`).
   * @default 'markdown'
   */
  readonly format?: PolicyDiffFormat;
  /**
   * The language of names and sentences.
   * @default 'en'
   */
  readonly locale?: Locale;
}

const MARKERS: Record<RuleChange['kind'], string> = { added: '+', removed: '-', widened: '~', narrowed: '~', changed: '~' };

function portsOf(protocol: RuleChange['protocol'], intervals: readonly PortRange[]): string {
  return intervals.map((i) => formatProtocolPorts(protocol, i)).join(', ');
}

/** "16384-16387 → 16384-16403", or the one side a rule has. */
function changedPorts(change: RuleChange): string {
  if (change.before.length === 0) {
    return formatPortRanges(change.after);
  }
  if (change.after.length === 0) {
    return formatPortRanges(change.before);
  }
  return `${formatPortRanges(change.before)} → ${formatPortRanges(change.after)}`;
}

function reasonText(reason: PortChangeReason, change: RuleChange, maxRules: PolicyDiff['maxRules'], locale: Locale, language: ReviewLanguage): string {
  const text = language.diff;
  const ports = portsOf(change.protocol, reason.ports);
  const lead = reason.effect === 'opens' ? text.opens(ports) : text.closes(ports);
  let why: string;
  if (reason.source === 'service' && reason.service) {
    why = reasonSentence(
      { service: reviewService(getService(reason.service), locale), products: reason.products.map((p) => reviewProduct(p, locale)) },
      language,
    );
    if (reason.cause) {
      why = language.withMeaning(why, text.cause[reason.cause]);
    }
  } else if (reason.source === 'budget') {
    why = text.budgetReason(reason.effect === 'opens' ? maxRules.after : maxRules.before);
  } else {
    why = text.extraReason(reason.extra.join(language.listSeparator));
  }
  return `${lead}${language.fieldSeparator}${why}`;
}

/** The products, profiles, direction and budget a diff compares, as fields. */
export function policyDiffFields(diff: PolicyDiff, locale: Locale, language: ReviewLanguage): DocumentBlock {
  const text = language.diff;
  const products = (ids: readonly AppleProduct[]) => nameList(ids.map((id) => reviewProduct(id, locale)), language);
  const profiles = (ids: readonly ProfileId[]) => nameList(ids.map((id) => ({ id, name: getProfile(id).name[locale] })), language);
  const fields: [string, string][] = [
    [text.productsAdded, products(diff.products.added)],
    [text.productsRemoved, products(diff.products.removed)],
  ];
  if (diff.profiles.added.length > 0 || diff.profiles.removed.length > 0) {
    fields.push([text.profilesAdded, profiles(diff.profiles.added)], [text.profilesRemoved, profiles(diff.profiles.removed)]);
  }
  if (diff.direction.before !== diff.direction.after) {
    fields.push([language.fieldDirection, `${language.direction[diff.direction.before]} → ${language.direction[diff.direction.after]}`]);
  }
  if (diff.maxRules.before !== diff.maxRules.after) {
    fields.push([language.fieldBudget, `${language.budgetField(diff.maxRules.before)} → ${language.budgetField(diff.maxRules.after)}`]);
  }
  return { kind: 'fields', separator: language.fieldSeparator, fields };
}

/** The diff as document blocks, title first: a table in Markdown, +/-/~ lines in text. */
export function diffBlocks(diff: PolicyDiff, locale: Locale, markdown: boolean): DocumentBlock[] {
  const language = reviewLanguage(locale);
  return [{ kind: 'title', text: language.diff.title }, policyDiffFields(diff, locale, language), ...policyChangeBlocks(diff, locale, markdown)];
}

/** A diff's port changes: the totals and one entry per change (a table in Markdown), or "no changes". */
export function policyChangeBlocks(diff: PolicyDiff, locale: Locale, markdown: boolean): DocumentBlock[] {
  const language = reviewLanguage(locale);
  const text = language.diff;
  const blocks: DocumentBlock[] = [];
  if (diff.changes.length === 0) {
    blocks.push({ kind: 'paragraph', text: text.noChanges });
    return blocks;
  }
  blocks.push({ kind: 'paragraph', text: text.summary(diff.opened.ports, diff.opened.ranges, diff.closed.ports, diff.closed.ranges) });
  const reasons = (change: RuleChange) => change.reasons.map((r) => reasonText(r, change, diff.maxRules, locale, language));
  if (markdown) {
    const c = text.columns;
    blocks.push({
      kind: 'table',
      table: {
        header: [c.change, c.direction, c.protocol, c.ports, c.peer, c.why],
        rows: diff.changes.map((change) => [
          text.kind[change.kind],
          language.direction[change.direction],
          change.protocol,
          changedPorts(change),
          formatPeer(change.peer),
          reasons(change).join('<br>'),
        ]),
      },
    });
  } else {
    blocks.push({
      kind: 'paragraph',
      text: diff.changes
        .map((change) =>
          [
            `${MARKERS[change.kind]} ${text.kind[change.kind]} ${language.direction[change.direction]} ${change.protocol} ${changedPorts(change)} ${change.direction === 'ingress' ? text.from : text.to} ${formatPeer(change.peer)}`,
            ...reasons(change).map((r) => `    ${r}`),
          ].join('\n'),
        )
        .join('\n'),
    });
  }
  return blocks;
}

/**
 * Renders a policy diff: Markdown (the default) for a pull-request comment, text with +/-/~
 * markers for a terminal, or JSON.
 */
export function renderPolicyDiff(diff: PolicyDiff, options: PolicyDiffRenderOptions = {}): string {
  const locale = options.locale ?? 'en';
  return renderDocument(options.format ?? 'markdown', (markdown) => diffBlocks(diff, locale, markdown), diff, 'diff');
}
