/**
 * Reads a GitHub-flavoured Markdown table back into its cells, and the code spans in a cell, as
 * the docs' tests need them: the docs are the test data, so nothing is written twice.
 */

/** One body row of a table: its cells as written, in column order, and its line for messages. */
export interface TableRow {
  readonly cells: readonly string[];
  readonly line: number;
}

/** Splits a table line into cells at unescaped pipes (GFM splits inside code spans too), unescaping `\|`. */
function cellsOf(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/** The body rows of the first table whose header cells are `header`; throws when there is none. */
export function tableRows(markdown: string, header: readonly string[]): TableRow[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim().startsWith('|') && JSON.stringify(cellsOf(line)) === JSON.stringify(header));
  if (start < 0 || !/^\|(\s*:?-+:?\s*\|)+$/.test(lines[start + 1]?.trim() ?? '')) {
    throw new Error(`No table with the header | ${header.join(' | ')} |`);
  }
  const rows: TableRow[] = [];
  for (let index = start + 2; index < lines.length && lines[index].trim().startsWith('|'); index++) {
    const cells = cellsOf(lines[index]);
    if (cells.length !== header.length) {
      throw new Error(`Line ${index + 1} has ${cells.length} cells, not ${header.length}: ${lines[index]}`);
    }
    rows.push({ cells, line: index + 1 });
  }
  return rows;
}

/**
 * The contents of the code spans in a cell, in order (CommonMark: a span opened by n backticks
 * closes at the next run of exactly n; one space is stripped from each end when both ends have one).
 */
export function codeSpans(cell: string): string[] {
  const spans: string[] = [];
  const pattern = /(`+)([\s\S]*?[^`])\1(?!`)/g;
  for (let match = pattern.exec(cell); match !== null; match = pattern.exec(cell)) {
    const text = match[2];
    spans.push(/^ [\s\S]* $/.test(text) && text.trim() !== '' ? text.slice(1, -1) : text);
  }
  return spans;
}
