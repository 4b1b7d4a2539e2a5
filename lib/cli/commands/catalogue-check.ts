/**
 * `apple-ports catalogue check FILE…`: compares saved copies of Apple's articles (103229's port
 * table, 101555's host tables) with the catalogue and lists every row or host that differs, by
 * entry, field and both values. Exit 0 when they agree, 1 (EXIT_CHANGED) when they differ, 2 on a
 * usage error.
 */
import { readFileSync } from 'node:fs';
import { ApplePortsError, catalogue } from '../../core';
import { checkHostArticle, checkPortArticle, type ArticleDifference } from '../../core/catalogue';
import { alignedTable } from '../../review/text-table';
import { EXIT_CHANGED } from '../io';
import { formatOption } from '../options';
import { readSavedArticle, type SavedArticle } from '../saved-article';
import { examples, type RegisterCommand } from './command';

/** What one file was compared as, and how it differs. */
export interface ArticleCheck {
  readonly file: string;
  /** `103229` (ports) or `101555` (hosts). */
  readonly article: '103229' | '101555';
  /** The port table's language; the host article is read in English. */
  readonly locale: string;
  readonly rows: number;
  readonly catalogueVersion: string;
  readonly differences: readonly ArticleDifference[];
}

function check(file: string, saved: SavedArticle): ArticleCheck {
  const common = { file, rows: saved.article.rows.length, catalogueVersion: catalogue.version };
  return saved.kind === 'ports'
    ? { ...common, article: '103229', locale: saved.article.locale, differences: checkPortArticle(saved.article) }
    : { ...common, article: '101555', locale: 'en', differences: checkHostArticle(saved.article) };
}

function entry(difference: ArticleDifference): string {
  if (difference.entity === 'host') {
    return `host ${difference.id} (${difference.group})`;
  }
  return difference.entity === 'category' ? `category "${difference.id}"` : `${difference.entity} ${difference.id}`;
}

/** One file's result as a paragraph and, when it differs, a table a maintainer can work down. */
function checkText(result: ArticleCheck): string {
  const what = result.article === '103229' ? `Apple's port table (103229, ${result.locale})` : "Apple's enterprise-network hosts (101555)";
  const intro = `${result.file}: ${what}, ${result.rows} rows`;
  if (result.differences.length === 0) {
    return `${intro}: no difference from the catalogue ${result.catalogueVersion}.\n`;
  }
  const count = `${result.differences.length} ${result.differences.length === 1 ? 'difference' : 'differences'}`;
  const table = alignedTable({
    header: ['Change', 'Entry', 'Field', 'Catalogue', 'Article', 'Where'],
    rows: result.differences.map((d) => [d.kind, entry(d), d.field ?? '-', d.catalogue ?? '-', d.article ?? '-', d.where ?? '-']),
  });
  return `${intro}: ${count} from the catalogue ${result.catalogueVersion}:\n\n${table}\n`;
}

const HELP = `
Each FILE is a saved copy of an Apple article: 103229 as HTML (English or zh-CN) or as the plain text
a browser copies from its table, or 101555 as HTML. Exit codes: 0 when every file agrees with the
catalogue, ${EXIT_CHANGED} when one differs, 2 on a usage error (a file that cannot be read or holds no such table).
After a difference: edit data/catalogue.json, npm run format:data, npm run gen, npm run changes:draft
(see data/README.md).
${examples('catalogue check ~/Downloads/103229.html ~/Downloads/101555.html', 'catalogue check apple-ports-zh-CN.txt --format json')}`;

/** Adds `catalogue check` to the program. */
export const registerCatalogueCheck: RegisterCommand = (program, { io, outcome }) => {
  program
    .command('catalogue')
    .description("the catalogue itself: check it against saved copies of Apple's articles")
    .command('check')
    .description("list every row or host of saved Apple articles (103229, 101555) that differs from the catalogue")
    .argument('<files...>', 'saved copies of the articles (HTML, or the port table as plain text)')
    .addOption(formatOption(['text', 'json'], 'text'))
    .addHelpText('after', HELP)
    .action((files: string[], options: { format: 'text' | 'json' }) => {
      const results = files.map((file) => {
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch (error) {
          throw new ApplePortsError([{ code: 'unreadable-article', message: `Cannot read ${file}: ${(error as Error).message}. Give saved copies of article 103229 or 101555: HTML, or 103229's port table as plain text.` }]);
        }
        return check(file, readSavedArticle(file, text));
      });
      io.stdout(options.format === 'json' ? `${JSON.stringify(results, null, 2)}\n` : results.map(checkText).join('\n'));
      if (results.some((r) => r.differences.length > 0)) {
        outcome.exitCode = EXIT_CHANGED;
      }
    });
};
