/**
 * `catalogueChanges` as a document: per catalogue version, the change-log entries in a line each
 * and the policy diff for the selection, as Markdown, terminal text or JSON.
 */
import { getProfile, type CatalogueChange, type FieldChange, type JsonValue, type Locale } from '../core/catalogue';
import type { CatalogueChanges, CatalogueVersionChanges } from './catalogue-changes';
import { reviewLanguage, type ReviewLanguage } from './locales';
import { policyChangeBlocks, policyDiffFields } from './policy-diff-render';
import { nameList } from './names';
import { reviewProduct } from './review';
import { renderDocument, type DocumentBlock, type DocumentFormat } from './text-document';

/** The shapes the catalogue changes are rendered in. */
export type CatalogueChangesFormat = DocumentFormat;

/** Options for `renderCatalogueChanges`. */
export interface CatalogueChangesRenderOptions {
  /**
   * `markdown` for a pull request or an upgrade note, `text` for a terminal, `json` for tools (a `CatalogueChanges`).
   * @default 'markdown'
   */
  readonly format?: CatalogueChangesFormat;
  /**
   * The language of names and sentences; the change log's reasons are in English.
   * @default 'en'
   */
  readonly locale?: Locale;
}

const MARKERS: Record<CatalogueChange['kind'], string> = { added: '+', changed: '~', removed: '-' };
/** Longer values are named by their field only: the change log holds them whole. */
const SHORT_VALUE = 40;

function shortValue(value: JsonValue | undefined, language: ReviewLanguage): string | undefined {
  if (value === undefined) {
    return language.changes.absent;
  }
  if (value === null || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return typeof value === 'string' && value.length <= SHORT_VALUE ? value : undefined;
}

/** "rfc.current 8011 → 8010", or the field alone where a value is long or a list. */
function fieldText(field: FieldChange, language: ReviewLanguage): string {
  const [before, after] = [shortValue(field.before, language), shortValue(field.after, language)];
  return before !== undefined && after !== undefined ? `${field.field} ${before} → ${after}` : field.field;
}

/** One change-log entry in a line: marker, kind, entry, fields, reason and sources. */
function changeLine(change: CatalogueChange, language: ReviewLanguage): string {
  const text = language.changes;
  const entry = change.group !== undefined ? text.inGroup(change.id, change.group) : change.id;
  const fields = change.kind === 'changed' ? change.fields.map((f) => fieldText(f, language)) : [];
  return text.entry(`${MARKERS[change.kind]} ${text.kind[change.kind]} ${text.entity[change.entity]} ${entry}`, fields, change.reason, change.sources);
}

function versionBlocks(version: CatalogueVersionChanges, locale: Locale, markdown: boolean, language: ReviewLanguage): DocumentBlock[] {
  const text = language.changes;
  const blocks: DocumentBlock[] = [
    { kind: 'heading', text: text.versionHeading(version.version, version.date, version.previous) },
    { kind: 'paragraph', text: version.summary },
    { kind: 'paragraph', text: text.entries },
    { kind: 'list', items: version.changes.map((change) => changeLine(change, language)) },
  ];
  if (version.policy) {
    const { products, profiles } = version.policy;
    const renamed = products.added.length + products.removed.length + profiles.added.length + profiles.removed.length > 0;
    blocks.push({ kind: 'paragraph', text: text.forSelection }, ...(renamed ? [policyDiffFields(version.policy, locale, language)] : []), ...policyChangeBlocks(version.policy, locale, markdown));
  }
  return blocks;
}

function changesBlocks(changes: CatalogueChanges, locale: Locale, markdown: boolean): DocumentBlock[] {
  const language = reviewLanguage(locale);
  const text = language.changes;
  const fields: [string, string][] = [
    [text.fieldCatalogue, text.version(changes.current, changes.currentDate)],
    [text.fieldSince, changes.since],
  ];
  if (changes.selection) {
    fields.push(
      [language.fieldDirection, language.direction[changes.selection.direction]],
      [language.fieldProducts, nameList(changes.selection.products.map((id) => reviewProduct(id, locale)), language)],
      [language.fieldProfiles, nameList(changes.selection.profiles.map((id) => ({ id, name: getProfile(id).name[locale] })), language)],
    );
  }
  const blocks: DocumentBlock[] = [{ kind: 'title', text: text.title }, { kind: 'fields', separator: language.fieldSeparator, fields }];
  if (changes.versions.length === 0) {
    return [...blocks, { kind: 'paragraph', text: text.noVersions(changes.since) }];
  }
  blocks.push(...changes.versions.flatMap((version) => versionBlocks(version, locale, markdown, language)));
  if (!changes.selection) {
    return [...blocks, { kind: 'paragraph', text: text.noSelection }];
  }
  const widening = changes.versions.filter((v) => (v.policy?.opened.ports ?? 0) > 0).map((v) => v.version);
  return [...blocks, { kind: 'paragraph', text: widening.length > 0 ? text.widens(widening.join(language.listSeparator)) : text.noWidening }];
}

/**
 * Renders what catalogue versions changed and what they change for a selection: Markdown (the
 * default), text for a terminal, or JSON (the `CatalogueChanges` itself).
 */
export function renderCatalogueChanges(changes: CatalogueChanges, options: CatalogueChangesRenderOptions = {}): string {
  const locale = options.locale ?? 'en';
  return renderDocument(options.format ?? 'markdown', (markdown) => changesBlocks(changes, locale, markdown), changes, 'catalogue changes');
}
