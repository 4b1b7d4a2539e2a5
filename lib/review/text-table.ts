/**
 * Tables in the three plain-text shapes reviews are read in: GitHub Markdown, CSV for
 * spreadsheets (RFC 4180), and aligned columns for a terminal, where Chinese characters take two
 * columns each.
 */

/** A header row and body rows of cell text. */
export interface Table {
  /** The header row's cells. */
  readonly header: readonly string[];
  /** The body rows, each with as many cells as the header. */
  readonly rows: readonly (readonly string[])[];
}

/** Escapes what would break a Markdown table cell: pipes and line breaks. */
function markdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** A GitHub-flavoured Markdown table, one line per row so a diff shows exactly the rows that changed. */
export function markdownTable(table: Table): string {
  const line = (cells: readonly string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  return [line(table.header), `|${table.header.map(() => '---|').join('')}`, ...table.rows.map(line)].join('\n');
}

/** One CSV field, quoted only when RFC 4180 requires it (a comma, a double quote or a line break). */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** An RFC 4180 CSV document: CRLF line endings, including after the last record. */
export function csvTable(table: Table): string {
  return [table.header, ...table.rows].map((cells) => `${cells.map(csvField).join(',')}\r\n`).join('');
}

/** True for code points a terminal draws two columns wide (CJK, Hangul, full-width forms). */
function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6)
  );
}

/** The number of terminal columns `text` takes. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    width += isWide(ch.codePointAt(0)!) ? 2 : 1;
  }
  return width;
}

/** Columns padded to line up in a terminal, separated by two spaces, with no trailing spaces. */
export function alignedTable(table: Table): string {
  const all = [table.header, ...table.rows];
  const widths = table.header.map((_, column) => Math.max(...all.map((row) => displayWidth(row[column] ?? ''))));
  return all
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell + ' '.repeat(widths[column] - displayWidth(cell))))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
