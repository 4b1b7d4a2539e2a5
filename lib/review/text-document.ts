/**
 * A small document model (title, headings, fields, paragraphs, lists, tables) rendered as
 * Markdown for pull requests or as plain text for a terminal, so reviews and diffs say the same
 * thing in both.
 */
import { alignedTable, displayWidth, markdownTable, type Table } from './text-table';

/** One block of a document. */
export type DocumentBlock =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'fields'; readonly separator: string; readonly fields: readonly (readonly [label: string, value: string])[] }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'table'; readonly table: Table };

function markdownBlock(block: DocumentBlock): string {
  switch (block.kind) {
    case 'title':
      return `# ${block.text}`;
    case 'heading':
      return `## ${block.text}`;
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

function underline(text: string, character: string): string {
  return `${text}\n${character.repeat(displayWidth(text))}`;
}

function textBlock(block: DocumentBlock): string {
  switch (block.kind) {
    case 'title':
      return underline(block.text, '=');
    case 'heading':
      return underline(block.text, '-');
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

/** The document as GitHub-flavoured Markdown, ending with a newline. */
export function renderMarkdown(blocks: readonly DocumentBlock[]): string {
  return `${blocks.map(markdownBlock).join('\n\n')}\n`;
}

/** The document as plain text with aligned tables, ending with a newline. */
export function renderPlainText(blocks: readonly DocumentBlock[]): string {
  return `${blocks.map(textBlock).join('\n\n')}\n`;
}
