/**
 * A small document model (title, headings, fields, paragraphs, lists, tables) rendered as
 * Markdown for pull requests or as plain text for a terminal, so reviews and diffs say the same
 * thing in both.
 */
import { alignedTable, displayWidth, markdownTable, type Table } from './text-table';

/** One block of a document. */
export type DocumentBlock =
  | {
      /** The document's title. */
      readonly kind: 'title';
      /** The title's text. */
      readonly text: string;
    }
  | {
      /** A section heading. */
      readonly kind: 'heading';
      /** The heading's text. */
      readonly text: string;
      /** 2 for a section, 3 for a section within a section, 4 below that. @default 2 */
      readonly level?: 2 | 3 | 4;
    }
  | {
      /** Labelled values, one per line (`Products: FaceTime, iCloud`). */
      readonly kind: 'fields';
      /** What stands between a label and its value (`: `). */
      readonly separator: string;
      /** The labels and values, in order. */
      readonly fields: readonly (readonly [label: string, value: string])[];
    }
  | {
      /** A paragraph. */
      readonly kind: 'paragraph';
      /** The paragraph's text. */
      readonly text: string;
    }
  | {
      /** A bulleted list. */
      readonly kind: 'list';
      /** The items, in order. */
      readonly items: readonly string[];
    }
  | {
      /** A table. */
      readonly kind: 'table';
      /** The table's header and rows. */
      readonly table: Table;
    };

function markdownBlock(block: DocumentBlock): string {
  switch (block.kind) {
    case 'title':
      return `# ${block.text}`;
    case 'heading':
      return `${'#'.repeat(block.level ?? 2)} ${block.text}`;
    case 'fields':
      return block.fields.map(([label, value]) => `- **${label}**${block.separator}${value}`).join('\n');
    case 'paragraph':
      return block.text;
    case 'list':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'table':
      return markdownTable(block.table);
  }
}

/** Plain text marks heading levels by their underline. */
const UNDERLINES: Readonly<Record<2 | 3 | 4, string>> = { 2: '-', 3: '~', 4: '.' };

function underline(text: string, character: string): string {
  return `${text}\n${character.repeat(displayWidth(text))}`;
}

function textBlock(block: DocumentBlock): string {
  switch (block.kind) {
    case 'title':
      return underline(block.text, '=');
    case 'heading':
      return underline(block.text, UNDERLINES[block.level ?? 2]);
    case 'fields':
      return block.fields.map(([label, value]) => `${label}${block.separator}${value}`).join('\n');
    case 'paragraph':
      return block.text;
    case 'list':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'table':
      return alignedTable(block.table);
  }
}

/**
 * The blocks of a document set one level down, inside a section of another document: its title
 * becomes a heading of `level` and its headings the level below.
 */
export function nestedBlocks(blocks: readonly DocumentBlock[], level: 2 | 3): DocumentBlock[] {
  return blocks.map((block) => {
    if (block.kind === 'title') {
      return { kind: 'heading', text: block.text, level };
    }
    return block.kind === 'heading' ? { ...block, level: (level + 1) as 3 | 4 } : block;
  });
}

/** The document as GitHub-flavoured Markdown, ending with a newline. */
export function renderMarkdown(blocks: readonly DocumentBlock[]): string {
  return `${blocks.map(markdownBlock).join('\n\n')}\n`;
}

/** The document as plain text with aligned tables, ending with a newline. */
export function renderPlainText(blocks: readonly DocumentBlock[]): string {
  return `${blocks.map(textBlock).join('\n\n')}\n`;
}

/** The shapes a document with data behind it is printed in. */
export type DocumentFormat = 'markdown' | 'text' | 'json';

/**
 * A document as Markdown or plain text (`blocks` says whether it is building Markdown), or the data
 * behind it as JSON; `what` names the document in the error for an unknown format.
 */
export function renderDocument(format: DocumentFormat, blocks: (markdown: boolean) => readonly DocumentBlock[], data: unknown, what: string): string {
  switch (format) {
    case 'markdown':
      return renderMarkdown(blocks(true));
    case 'text':
      return renderPlainText(blocks(false));
    case 'json':
      return `${JSON.stringify(data, null, 2)}\n`;
    default:
      throw new Error(`Unknown ${what} format '${String(format)}'. Use 'markdown', 'text' or 'json'.`);
  }
}
