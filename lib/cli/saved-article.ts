/**
 * A saved copy of one of Apple's articles, whichever it is: the port table of 103229 (an HTML page
 * in English or Chinese, or the plain text a browser copies) or the host tables of 101555 (an HTML
 * page), read into the core's rows.
 */
import { ApplePortsError } from '../core';
import {
  isHostTableHeader,
  portTableLocale,
  readHostTable,
  readPortTable,
  readPortTableText,
  unreadableArticle,
  type HostArticle,
  type PortArticle,
} from '../core/catalogue';
import { htmlTables, looksLikeHtml } from './article-html';

/** What a saved file holds. */
export type SavedArticle = { readonly kind: 'ports'; readonly article: PortArticle } | { readonly kind: 'hosts'; readonly article: HostArticle };

/**
 * Reads a saved article: HTML by its markup, else the plain-text port table. Throws an
 * `ApplePortsError` (`unreadable-article`) naming the file and what it lacks.
 */
export function readSavedArticle(name: string, text: string): SavedArticle {
  try {
    if (!looksLikeHtml(text)) {
      return { kind: 'ports', article: readPortTableText(text) };
    }
    const tables = htmlTables(text);
    const ports = tables.filter((t) => portTableLocale(t.rows[0] ?? []) !== undefined);
    if (ports.length > 1) {
      throw unreadableArticle(`${ports.map((t) => t.where).join(' and ')} are both port tables: save one article per file`);
    }
    if (ports.length === 1) {
      return { kind: 'ports', article: readPortTable(ports[0]!.rows, ports[0]!.where) };
    }
    const hosts = tables.filter((t) => isHostTableHeader(t.rows[0] ?? []));
    if (hosts.length === 0) {
      throw unreadableArticle(
        `no Apple port table (a table whose first header cell is "Port" or "端口") and no host table (first header cell "Hosts") among its ${tables.length} tables`,
      );
    }
    const untitled = hosts.find((t) => t.heading === null);
    if (untitled) {
      throw unreadableArticle(`${untitled.where} has no heading before it, so its category is unknown`);
    }
    return { kind: 'hosts', article: { rows: hosts.flatMap((t) => readHostTable(t.heading!, t.rows, `"${t.heading}", ${t.where}`)) } };
  } catch (error) {
    const problem = error instanceof ApplePortsError ? error.problems[0] : undefined;
    if (problem?.code === 'unreadable-article') {
      throw unreadableArticle(`${name}: ${problem.message}`);
    }
    throw error;
  }
}
