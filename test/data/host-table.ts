/**
 * Reads test/fixtures/apple-hosts-101555.tsv: the host table of Apple's enterprise-network article
 * (101555), one row per host of a category, written from the research notes on the article.
 */
import type { ProtocolPortRange, Protocol } from '../../lib/core/ports';

/** One host of one category, as the article lists it. */
export interface HostRow {
  readonly line: number;
  readonly category: string;
  readonly host: string;
  /** Empty where the category lists the host without ports of its own. */
  readonly ports: readonly ProtocolPortRange[];
  readonly platforms: readonly string[];
  readonly description: string | null;
}

const HEADER = 'category\thost\tports\tplatforms\tdescription';

function parsePorts(cell: string, line: number): ProtocolPortRange[] {
  if (cell === '') {
    return [];
  }
  return cell.split(', ').map((text) => {
    const match = /^(tcp|udp) (\d+)$/.exec(text);
    if (!match) {
      throw new Error(`line ${line}: cannot read port "${text}"`);
    }
    const port = Number(match[2]);
    return { protocol: match[1] as Protocol, fromPort: port, toPort: port };
  });
}

/** The rows of the fixture; `#` lines are comments. Throws naming the line it cannot read. */
export function parseHostTable(text: string): HostRow[] {
  const lines = text.split('\n');
  const header = lines.findIndex((l) => l === HEADER);
  if (header < 0) {
    throw new Error(`no header line "${HEADER.replace(/\t/g, '\\t')}"`);
  }
  return lines.slice(header + 1).flatMap((raw, index) => {
    const line = header + index + 2;
    if (raw.trim() === '') {
      return [];
    }
    const cells = raw.split('\t');
    if (cells.length !== 5) {
      throw new Error(`line ${line}: expected 5 tab-separated columns, found ${cells.length}`);
    }
    const [category, host, ports, platforms, description] = cells as [string, string, string, string, string];
    if (category === '' || host === '') {
      throw new Error(`line ${line}: a row needs a category and a host`);
    }
    return [{ line, category, host, ports: parsePorts(ports, line), platforms: platforms === '' ? [] : platforms.split(', '), description: description === '' ? null : description }];
  });
}
