/**
 * The `hosts` command's output: the hosts a selection needs as a document for people (aligned text
 * or Markdown, the review's hosts section with what was selected above it), as CSV, or as the
 * `HostList` JSON that `hostsFor` returns, for scripts.
 */
import { getHostGroup, getProduct, getProfile, type HostList, type Locale } from '../core';
import { hostBlocks, reviewHosts } from '../review/hosts';
import { nameList } from '../review/names';
import { reviewLanguage, type ReviewLanguage } from '../review/locales';
import type { ReviewHosts } from '../review/types';
import { renderMarkdown, renderPlainText, type DocumentBlock } from '../review/text-document';
import { csvTable } from '../review/text-table';

/** How `hosts` prints. */
export type HostListingFormat = 'table' | 'markdown' | 'json' | 'csv';

function selectionFields(list: HostList, locale: Locale, language: ReviewLanguage): DocumentBlock {
  return {
    kind: 'fields',
    separator: language.fieldSeparator,
    fields: [
      [language.fieldProducts, nameList(list.products.map((id) => ({ id, name: getProduct(id).name[locale] })), language)],
      [language.fieldProfiles, nameList(list.profiles.map((id) => ({ id, name: getProfile(id).name[locale] })), language)],
      [language.fieldHostGroups, nameList(list.hostGroups.map((id) => ({ id, name: getHostGroup(id).category })), language)],
    ],
  };
}

/** One record per host and port, like the review's CSV, with the host's groups, products and systems. */
function hostCsv(hosts: ReviewHosts, language: ReviewLanguage): string {
  const rows = hosts.hosts.flatMap((host) =>
    host.ports.map((port) => [
      host.host,
      host.match,
      port.protocol,
      `${port.fromPort}`,
      `${port.toPort}`,
      host.hostGroups.map((g) => g.id).join('; '),
      host.products.map((p) => p.name).join('; '),
      host.platforms.join('; '),
      [...host.descriptions, ...host.notes].join('; '),
    ]),
  );
  return csvTable({ header: language.hostCsvColumns, rows });
}

/** The hosts of a selection in the chosen format and language. */
export function hostListing(list: HostList, format: HostListingFormat, locale: Locale): string {
  if (format === 'json') {
    return `${JSON.stringify(list, null, 2)}\n`;
  }
  const language = reviewLanguage(locale);
  const hosts = reviewHosts(list, locale);
  if (format === 'csv') {
    return hostCsv(hosts, language);
  }
  const lineBreak = format === 'markdown' ? '<br>' : '; ';
  const blocks: DocumentBlock[] = [{ kind: 'title', text: language.hostsTitle }, selectionFields(list, locale, language), ...hostBlocks(hosts, language, lineBreak)];
  return format === 'markdown' ? renderMarkdown(blocks) : renderPlainText(blocks);
}
