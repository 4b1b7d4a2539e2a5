/**
 * The tables of a saved support.apple.com page, with the heading each stands under, read with
 * parse5 (the WHATWG HTML parser): a table's rows of `<th>`/`<td>` cell text, a heading the text of
 * the nearest `<h1>`–`<h6>` before the table. Nothing here knows Apple's columns; the core reads them.
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** One table of the page. */
export interface HtmlTable {
  /** The text of the last heading before the table; `null` when none precedes it. */
  readonly heading: string | null;
  /** Rows of cell text, in order; the header row is the first. */
  readonly rows: readonly (readonly string[])[];
  /** `table 3`: the table's place in the page, for messages. */
  readonly where: string;
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements whose text is never page text. */
const HIDDEN = new Set(['script', 'style', 'template', 'noscript']);
/** Elements that end a run of text, so "a</p><p>b" reads "a b". */
const BREAKS = new Set(['br', 'p', 'div', 'li', 'ul', 'ol', 'table', 'tr', 'th', 'td']);

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function children(node: Node): readonly Node[] {
  return 'childNodes' in node ? (node.childNodes as readonly Node[]) : [];
}

/** The text of a node as a reader sees it: whitespace (no-break spaces too) collapsed, trimmed. */
function textOf(node: Node): string {
  const parts: string[] = [];
  const visit = (n: Node) => {
    if (n.nodeName === '#text') {
      parts.push((n as DefaultTreeAdapterTypes.TextNode).value);
    } else if (isElement(n) && !HIDDEN.has(n.tagName)) {
      if (BREAKS.has(n.tagName)) {
        parts.push(' ');
      }
      children(n).forEach(visit);
      if (BREAKS.has(n.tagName)) {
        parts.push(' ');
      }
    }
  };
  visit(node);
  return parts.join('').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** The rows of a table, its own only (a nested table's rows are not its rows). */
function tableRows(table: Element): string[][] {
  const rows: string[][] = [];
  const visit = (n: Node) => {
    if (!isElement(n)) {
      return;
    }
    if (n.tagName === 'tr') {
      rows.push(children(n).filter((c): c is Element => isElement(c) && (c.tagName === 'th' || c.tagName === 'td')).map(textOf));
    } else if (n.tagName !== 'table' || n === table) {
      children(n).forEach(visit);
    }
  };
  visit(table);
  return rows;
}

/** Every table of an HTML page, in document order, with the heading before it. */
export function htmlTables(html: string): HtmlTable[] {
  const tables: HtmlTable[] = [];
  let heading: string | null = null;
  const visit = (n: Node) => {
    if (!isElement(n)) {
      children(n).forEach(visit);
      return;
    }
    if (HIDDEN.has(n.tagName)) {
      return;
    }
    if (HEADINGS.has(n.tagName)) {
      heading = textOf(n);
    } else if (n.tagName === 'table') {
      tables.push({ heading, rows: tableRows(n), where: `table ${tables.length + 1}` });
    } else {
      children(n).forEach(visit);
    }
  };
  visit(parse(html));
  return tables;
}

/** True for text that is an HTML page rather than a plain-text copy of one. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html|<!--)/i.test(text.replace(/^\uFEFF/, '')) || /<table[\s>]/i.test(text);
}
