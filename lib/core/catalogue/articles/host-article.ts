/**
 * The host tables of Apple's enterprise-network article (101555) as rows, from their cells: one
 * table per category, under the category's heading, with the columns Hosts, Ports, Protocol, OS,
 * Description and Supports proxies. The last is not recorded in the catalogue and is not read.
 */
import { PORT_NUMBERS, type Protocol, type ProtocolPortRange } from '../../ports';
import { compareIds } from '../order';
import type { Platform } from '../types';
import { unreadableArticle } from './port-article';

/** One host row of one category, as the article prints it. */
export interface HostArticleRow {
  /** Where the row is: the category and the row of its table. */
  readonly where: string;
  /** The heading above the table. */
  readonly category: string;
  /** Lower-cased, as the catalogue writes hosts. */
  readonly host: string;
  /** Empty where the category lists the host without ports of its own. */
  readonly ports: readonly ProtocolPortRange[];
  /** The systems the row is limited to, sorted; `null` for every system. */
  readonly platforms: readonly Platform[] | null;
  readonly description: string | null;
}

/** The article's host rows, in its order. */
export interface HostArticle {
  readonly rows: readonly HostArticleRow[];
}

const PLATFORMS: readonly Platform[] = ['iOS', 'iPadOS', 'macOS', 'tvOS', 'visionOS', 'watchOS'];

/** The columns the catalogue records, by the header text that names them. */
const COLUMNS = { host: /^hosts?$/i, ports: /^ports?$/i, protocol: /^protocols?$/i, os: /^os$/i, description: /^description$/i } as const;

/** Whether a header row is a host table's. */
export function isHostTableHeader(header: readonly string[]): boolean {
  return COLUMNS.host.test((header[0] ?? '').trim());
}

function readPlatforms(cell: string, where: string): Platform[] | null {
  const named = PLATFORMS.filter((p) => new RegExp(`(^|[^A-Za-z])${p}([^A-Za-z]|$)`).test(cell));
  if (cell.trim() !== '' && named.length === 0) {
    throw unreadableArticle(`${where}: cannot read the systems "${cell}" (${PLATFORMS.join(', ')})`);
  }
  // The catalogue records the OS column as Apple writes it: a cell naming some systems limits the
  // host to them (the 2024 article's "iOS, iPadOS, tvOS, and macOS" leaves out watchOS and visionOS).
  if (named.length === 0 || named.length === PLATFORMS.length) {
    return null;
  }
  return named.sort(compareIds);
}

function readPorts(portsCell: string, protocolCell: string, where: string): ProtocolPortRange[] {
  if (portsCell.trim() === '') {
    return [];
  }
  const ports = portsCell.split(/\s*(?:,|\band\b)\s*/).filter((p) => p !== '').map((text) => {
    const match = /^(\d+)(?:[–-](\d+))?$/.exec(text);
    const [from, to] = match ? [Number(match[1]), Number(match[2] ?? match[1])] : [NaN, NaN];
    if (!match || from < PORT_NUMBERS.fromPort || to > PORT_NUMBERS.toPort || from > to) {
      throw unreadableArticle(`${where}: cannot read port "${text}"`);
    }
    return { fromPort: from, toPort: to };
  });
  if (protocolCell.trim() !== '' && !/tcp|udp/i.test(protocolCell)) {
    throw unreadableArticle(`${where}: cannot read protocol "${protocolCell}" (TCP, UDP or both)`);
  }
  // The article marks UDP where it applies; a port without a protocol is TCP, as everywhere in it.
  const protocols: Protocol[] = /udp/i.test(protocolCell) ? (/tcp/i.test(protocolCell) ? ['tcp', 'udp'] : ['udp']) : ['tcp'];
  return protocols.flatMap((protocol) => ports.map((p) => ({ protocol, ...p })));
}

/**
 * One category's table, from its cells (the header row first): the columns are found by their
 * header, so their order does not matter. A host row with no ports lists a host of another category.
 */
export function readHostTable(category: string, table: readonly (readonly string[])[], where: string): HostArticleRow[] {
  const [header = [], ...rows] = table;
  const index = (name: keyof typeof COLUMNS) => header.findIndex((cell) => COLUMNS[name].test(cell.trim()));
  const columns = { host: index('host'), ports: index('ports'), protocol: index('protocol'), os: index('os'), description: index('description') };
  if (columns.host !== 0 || columns.ports < 0) {
    throw unreadableArticle(`${where}: not a host table (its header needs "Hosts" first and "Ports")`);
  }
  return rows.map((cells, i) => {
    const at = `${where}, row ${i + 1}`;
    const cell = (column: number) => (column >= 0 ? (cells[column] ?? '').trim() : '');
    const host = cell(columns.host).toLowerCase();
    if (host === '') {
      throw unreadableArticle(`${at}: empty host cell`);
    }
    const description = cell(columns.description);
    return {
      where: at,
      category,
      host,
      ports: readPorts(cell(columns.ports), cell(columns.protocol), at),
      platforms: readPlatforms(cell(columns.os), at),
      description: description === '' ? null : description,
    };
  });
}
