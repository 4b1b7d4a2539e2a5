/**
 * Apple's port table (article 103229) as rows, from its cells: the HTML page's table (read by the
 * CLI) or the plain-text copy a browser gives when the table is copied, in English or Chinese. Any
 * cell it cannot read is an error naming the row, so a changed article cannot pass as "no rows".
 */
import { PORT_NUMBERS, type Protocol, type ProtocolPortRange } from '../../ports';
import { ApplePortsError } from '../../problems';
import type { Locale } from '../types';

/** One row of Apple's port table, read as printed. */
export interface PortArticleRow {
  /** Where the row is: `line 23` in a text copy, `row 5` of an HTML table. */
  readonly where: string;
  /** One range per protocol, TCP first ("TCP/UDP" gives two). */
  readonly ports: readonly ProtocolPortRange[];
  /** Column 3, the service or protocol name; `null` for "—". */
  readonly name: string | null;
  /** Column 4; `null` for "—" or a blank cell. */
  readonly rfc: number | null;
  /** Column 5, the service name, as printed; `null` for "—". */
  readonly serviceName: string | null;
  /** Column 6 split into its entries; empty for "—". */
  readonly usedBy: readonly string[];
}

/** Apple's port table in one language. */
export interface PortArticle {
  readonly locale: Locale;
  readonly rows: readonly PortArticleRow[];
}

/** The dash Apple prints for "none". */
export const DASH = '—';

/** The first header cell of the port table, by language. */
const FIRST_HEADER: Readonly<Record<string, Locale>> = { Port: 'en', 端口: 'zh-CN' };
const COLUMNS = 6;
const PORTS = /^(\d+)(?:–(\d+))?$/;
/** "TCP/UDP" in the Chinese copy and older English pages; "TCP, UDP" in the newest English one. */
const PROTOCOLS: Readonly<Record<string, readonly Protocol[]>> = { TCP: ['tcp'], UDP: ['udp'], 'TCP/UDP': ['tcp', 'udp'], 'TCP, UDP': ['tcp', 'udp'] };

/** How the "used by" column separates entries in each language, and what keeps a comma inside one. */
const USED_BY: Readonly<Record<Locale, { readonly separators: ReadonlySet<string>; readonly examples: RegExp }>> = {
  // 、 ； ，; "，如…" ("such as") introduces examples of the same entry.
  'zh-CN': { separators: new Set(['、', '；', '，']), examples: /^如/ },
  // ", such as Mail…" and ", including Screen Sharing…" continue the entry.
  en: { separators: new Set([',', ';']), examples: /^\s*(such as|including)\b/ },
};
const OPENERS: Readonly<Record<string, string>> = { '（': '）', '(': ')', '“': '”' };

/** An error reading the article, naming where. */
export function unreadableArticle(message: string): ApplePortsError {
  return new ApplePortsError([{ code: 'unreadable-article', message }]);
}

/**
 * Splits a "used by" cell into entries on its language's top-level separators, never inside
 * （…）, (…) or “…”, nor before "such as". Throws on unbalanced brackets or an empty entry.
 */
export function splitUsedBy(cell: string, locale: Locale, where = 'the cell'): string[] {
  const { separators, examples } = USED_BY[locale];
  const entries: string[] = [];
  const closers: string[] = [];
  let current = '';
  const chars = [...cell];
  chars.forEach((ch, i) => {
    if (OPENERS[ch] !== undefined) {
      closers.push(OPENERS[ch]);
    } else if (closers.length > 0 && ch === closers[closers.length - 1]) {
      closers.pop();
    } else if (Object.values(OPENERS).includes(ch)) {
      throw unreadableArticle(`${where}: unbalanced '${ch}' in "${cell}"`);
    }
    if (closers.length === 0 && separators.has(ch) && !examples.test(chars.slice(i + 1).join(''))) {
      entries.push(current);
      current = '';
    } else {
      current += ch;
    }
  });
  if (closers.length > 0) {
    throw unreadableArticle(`${where}: unclosed bracket in "${cell}"`);
  }
  entries.push(current);
  const trimmed = entries.map((e) => e.trim());
  if (trimmed.some((e) => e.length === 0)) {
    throw unreadableArticle(`${where}: empty entry in "${cell}"`);
  }
  return trimmed;
}

/** The language of a port table from its header row, or `undefined` when it is not the port table. */
export function portTableLocale(header: readonly string[]): Locale | undefined {
  return FIRST_HEADER[(header[0] ?? '').trim()];
}

/** One row from its six cells. */
export function readPortRow(cells: readonly string[], locale: Locale, where: string): PortArticleRow {
  const trimmed = cells.map((c) => c.trim());
  if (trimmed.length !== COLUMNS) {
    throw unreadableArticle(`${where}: expected ${COLUMNS} columns, found ${trimmed.length}: "${trimmed.join(' | ')}"`);
  }
  const [portCell, protocolCell, nameCell, rfcCell, serviceNameCell, usedByCell] = trimmed as [string, string, string, string, string, string];
  const portMatch = PORTS.exec(portCell);
  if (!portMatch) {
    throw unreadableArticle(`${where}: cannot read port "${portCell}" (a number, or two joined by an en dash)`);
  }
  const from = Number(portMatch[1]);
  const to = portMatch[2] === undefined ? from : Number(portMatch[2]);
  if (from < PORT_NUMBERS.fromPort || to > PORT_NUMBERS.toPort || from > to) {
    throw unreadableArticle(`${where}: port range ${from}–${to} is not within ${PORT_NUMBERS.fromPort}–${PORT_NUMBERS.toPort}`);
  }
  const protocols = PROTOCOLS[protocolCell];
  if (!protocols) {
    throw unreadableArticle(`${where}: cannot read protocol "${protocolCell}" (TCP, UDP or TCP/UDP)`);
  }
  if (nameCell === '') {
    throw unreadableArticle(`${where}: empty name column`);
  }
  if (rfcCell !== '' && rfcCell !== DASH && !/^\d+$/.test(rfcCell)) {
    throw unreadableArticle(`${where}: cannot read RFC "${rfcCell}"`);
  }
  if (serviceNameCell === '') {
    throw unreadableArticle(`${where}: empty service-name column`);
  }
  if (usedByCell === '') {
    throw unreadableArticle(`${where}: empty used-by column`);
  }
  return {
    where,
    ports: protocols.map((protocol) => ({ protocol, fromPort: from, toPort: to })),
    name: nameCell === DASH ? null : nameCell,
    rfc: rfcCell === '' || rfcCell === DASH ? null : Number(rfcCell),
    serviceName: serviceNameCell === DASH ? null : serviceNameCell,
    usedBy: usedByCell === DASH ? [] : splitUsedBy(usedByCell, locale, where),
  };
}

const ROW_START = /^\d/;

/**
 * Reads the table of a plain-text copy of the article (tab-separated, as a browser copies it). A
 * row starts with a port or en-dash range and a tab; the lines that follow it without a blank line
 * in between continue it and are joined without a separator (the copy wraps a cell after "、" and
 * moves a whole cell to the next line). The header may wrap inside its cells too.
 */
export function readPortTableText(text: string): PortArticle {
  const lines = text.split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => portTableLocale(l.split('\t')) !== undefined && l.includes('\t'));
  if (headerIndex < 0) {
    throw unreadableArticle('no table header (a line starting with "Port" or "端口" and a tab)');
  }
  const locale = portTableLocale(lines[headerIndex]!.split('\t'))!;
  let i = headerIndex + 1;
  let header = lines[headerIndex]!;
  while (i < lines.length && !ROW_START.test(lines[i]!)) {
    header += lines[i];
    i++;
  }
  if (header.split('\t').length !== COLUMNS) {
    throw unreadableArticle(`line ${headerIndex + 1}: header has ${header.split('\t').length} columns, expected ${COLUMNS}`);
  }
  const pending: { line: number; text: string }[] = [];
  let continues = false;
  for (; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') {
      continues = false;
    } else if (ROW_START.test(raw)) {
      if (!/^\d+(?:–\d+)?\t/.test(raw)) {
        throw unreadableArticle(`line ${i + 1}: a row must start with a port or an en-dash range and a tab: "${raw}"`);
      }
      pending.push({ line: i + 1, text: raw });
      continues = true;
    } else if (continues) {
      pending[pending.length - 1]!.text += raw;
    } else {
      throw unreadableArticle(`line ${i + 1}: text outside any row: "${raw}"`);
    }
  }
  if (pending.length === 0) {
    throw unreadableArticle('the table has no rows');
  }
  return { locale, rows: pending.map((p) => readPortRow(p.text.split('\t'), locale, `line ${p.line}`)) };
}

/** Reads the port table of an HTML page from its cells, the header row first. */
export function readPortTable(table: readonly (readonly string[])[], where: string): PortArticle {
  const [header, ...rows] = table;
  const locale = header ? portTableLocale(header) : undefined;
  if (!locale) {
    throw unreadableArticle(`${where}: not Apple's port table (its first header cell is not "Port" or "端口")`);
  }
  if (header!.length !== COLUMNS) {
    throw unreadableArticle(`${where}: the header has ${header!.length} columns, expected ${COLUMNS}`);
  }
  if (rows.length === 0) {
    throw unreadableArticle(`${where}: the table has no rows`);
  }
  return { locale, rows: rows.map((cells, index) => readPortRow(cells, locale, `${where}, row ${index + 1}`)) };
}
