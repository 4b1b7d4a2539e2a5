/**
 * A strict reader for the port table in Apple's article 103229 (zh-CN copy, kept verbatim in
 * `test/fixtures/apple-ports-zh-CN.txt`). It fails loudly on any row it cannot read, so a
 * changed article cannot slip past the fidelity test as "no rows".
 */
import type { ProtocolPortRange, Protocol } from '../../lib/core/ports';

/** One row of Apple's table, read as printed. */
export interface SeedRow {
  /** 1-based line number where the row starts. */
  readonly line: number;
  /** One range per protocol, TCP first ("TCP/UDP" gives two). */
  readonly ports: readonly ProtocolPortRange[];
  /** Column 3, the service or protocol name; `null` for "—". */
  readonly name: string | null;
  /** Column 4; `null` for "—" or a blank cell. */
  readonly rfc: number | null;
  /** Column 5, the service name; `null` for "—". */
  readonly serviceName: string | null;
  /** Column 6 split into its entries; empty for "—". */
  readonly usedBy: readonly string[];
}

/** The dash Apple prints for "none". */
export const DASH = '—';

const HEADER_START = '端口\t';
const ROW_START = /^\d/;
const PORTS = /^(\d+)(?:–(\d+))?$/;
const PROTOCOLS: Readonly<Record<string, readonly Protocol[]>> = {
  TCP: ['tcp'],
  UDP: ['udp'],
  'TCP/UDP': ['tcp', 'udp'],
};
const COLUMNS = 6;

/** Entry separators in the "used by" column (ideographic comma, fullwidth semicolon and comma). */
const SEPARATORS = new Set(['、', '；', '，']);
const OPENERS: Readonly<Record<string, string>> = { '（': '）', '(': ')', '“': '”' };
/**
 * A comma followed by this word ("such as") introduces examples of the same entry:
 * "查找地址的 App，如“邮件”和“地址簿”" is one entry ("Apps that look up addresses, such as Mail …").
 */
const EXAMPLES_MARKER = '如';

function fail(line: number, message: string): never {
  throw new Error(`apple-ports-zh-CN.txt line ${line}: ${message}`);
}

/**
 * Splits a "used by" cell into entries on top-level 、 ； ，, never inside （…）, (…) or “…”.
 * Throws on unbalanced brackets or an empty entry.
 */
export function splitUsedBy(cell: string, line = 0): string[] {
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
      fail(line, `unbalanced '${ch}' in "${cell}"`);
    }
    const separates = closers.length === 0 && SEPARATORS.has(ch) && !(ch === '，' && chars[i + 1] === EXAMPLES_MARKER);
    if (separates) {
      entries.push(current);
      current = '';
    } else {
      current += ch;
    }
  });
  if (closers.length > 0) {
    fail(line, `unclosed bracket in "${cell}"`);
  }
  entries.push(current);
  const trimmed = entries.map((e) => e.trim());
  if (trimmed.some((e) => e.length === 0)) {
    fail(line, `empty entry in "${cell}"`);
  }
  return trimmed;
}

function parseRow(text: string, line: number): SeedRow {
  const cells = text.split('\t').map((c) => c.trim());
  if (cells.length !== COLUMNS) {
    fail(line, `expected ${COLUMNS} tab-separated columns, found ${cells.length}: "${text}"`);
  }
  const [portCell, protocolCell, nameCell, rfcCell, serviceNameCell, usedByCell] = cells as [string, string, string, string, string, string];

  const portMatch = PORTS.exec(portCell);
  if (!portMatch) {
    fail(line, `cannot read port "${portCell}" (a number, or two joined by an en dash)`);
  }
  const from = Number(portMatch[1]);
  const to = portMatch[2] === undefined ? from : Number(portMatch[2]);
  if (from < 1 || to > 65535 || from > to) {
    fail(line, `port range ${from}–${to} is not within 1–65535`);
  }

  const protocols = PROTOCOLS[protocolCell];
  if (!protocols) {
    fail(line, `cannot read protocol "${protocolCell}" (TCP, UDP or TCP/UDP)`);
  }

  if (nameCell === '') {
    fail(line, 'empty name column');
  }

  let rfc: number | null;
  if (rfcCell === '' || rfcCell === DASH) {
    rfc = null;
  } else if (/^\d+$/.test(rfcCell)) {
    rfc = Number(rfcCell);
  } else {
    fail(line, `cannot read RFC "${rfcCell}"`);
  }

  if (serviceNameCell === '') {
    fail(line, 'empty service-name column');
  }
  if (usedByCell === '') {
    fail(line, 'empty used-by column');
  }

  return {
    line,
    ports: protocols.map((protocol) => ({ protocol, fromPort: from, toPort: to })),
    name: nameCell === DASH ? null : nameCell,
    rfc,
    serviceName: serviceNameCell === DASH ? null : serviceNameCell,
    usedBy: usedByCell === DASH ? [] : splitUsedBy(usedByCell, line),
  };
}

/**
 * Reads every row of the table. A row starts with a port or en-dash range and a tab; the lines
 * that follow it without a blank line in between continue it and are joined without a separator
 * (the copy wraps a cell after "、" and moves a whole cell to the next line).
 */
export function parseSeedTable(text: string): SeedRow[] {
  const lines = text.split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => l.startsWith(HEADER_START));
  if (headerIndex < 0) {
    throw new Error('apple-ports-zh-CN.txt: no table header (a line starting with "端口<tab>")');
  }
  // The header wraps inside its cells; it ends where the first row starts.
  let i = headerIndex + 1;
  let header = lines[headerIndex] as string;
  while (i < lines.length && !ROW_START.test(lines[i] as string)) {
    header += lines[i];
    i++;
  }
  if (header.split('\t').length !== COLUMNS) {
    fail(headerIndex + 1, `header has ${header.split('\t').length} columns, expected ${COLUMNS}`);
  }

  const pending: { line: number; text: string }[] = [];
  let continues = false;
  for (; i < lines.length; i++) {
    const raw = lines[i] as string;
    if (raw.trim() === '') {
      continues = false;
    } else if (ROW_START.test(raw)) {
      if (!/^\d+(?:–\d+)?\t/.test(raw)) {
        fail(i + 1, `a row must start with a port or an en-dash range and a tab: "${raw}"`);
      }
      pending.push({ line: i + 1, text: raw });
      continues = true;
    } else if (continues) {
      (pending[pending.length - 1] as { text: string }).text += raw;
    } else {
      fail(i + 1, `text outside any row: "${raw}"`);
    }
  }
  if (pending.length === 0) {
    throw new Error('apple-ports-zh-CN.txt: the table has no rows');
  }
  return pending.map((p) => parseRow(p.text, p.line));
}
