/**
 * Text as it streams in, cut into lines without holding more than one line and one chunk: the
 * readers of every log kind take their input this way, whether the caller reads a file, a gunzip
 * stream or standard input.
 */

/** A line of a log that could not be read, where it is and why: one of what every log reader returns. */
export interface MalformedLogLine {
  /** The line is not a record of its log. */
  readonly kind: 'malformed';
  /** The line's number in its source. */
  readonly lineNumber: number;
  /** Why the line could not be read. */
  readonly reason: string;
}

/** What the items of a text stream are. */
export type TextItems = 'chunks' | 'lines';

/**
 * Calls `onLine` with each line of `source` and its number (from 1). With `items: 'chunks'` the
 * items are pieces of text cut anywhere, and lines end at `\n`; with `'lines'` each item is a line.
 * Returns the number of lines read.
 */
export async function forEachLine(
  source: AsyncIterable<string> | Iterable<string>,
  onLine: (line: string, lineNumber: number) => void,
  items: TextItems = 'chunks',
): Promise<number> {
  let lineNumber = 0;
  if (items === 'lines') {
    for await (const line of source) {
      onLine(line, ++lineNumber);
    }
    return lineNumber;
  }
  let pending = '';
  for await (const chunk of source) {
    let start = 0;
    let newline = chunk.indexOf('\n');
    if (newline >= 0 && pending.length > 0) {
      onLine(pending + chunk.slice(0, newline), ++lineNumber);
      pending = '';
      start = newline + 1;
      newline = chunk.indexOf('\n', start);
    }
    while (newline >= 0) {
      onLine(chunk.slice(start, newline), ++lineNumber);
      start = newline + 1;
      newline = chunk.indexOf('\n', start);
    }
    pending += chunk.slice(start);
  }
  if (pending.length > 0) {
    onLine(pending, ++lineNumber);
  }
  return lineNumber;
}

/** The first line of a text, for telling log kinds apart. */
export function firstLine(text: string): string {
  const newline = text.indexOf('\n');
  return newline < 0 ? text : text.slice(0, newline);
}
