/**
 * `npm run gen`: writes the id unions, the README's product table, data/catalogue.csv and the
 * article fixtures of the checker's tests from data/catalogue.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTICLE_FIXTURES_DIR, renderArticleFixtures } from './article-fixtures';
import { CATALOGUE_CSV_PATH, GENERATED_IDS_PATH, readRawCatalogue, renderCatalogueCsv, renderCatalogueIds, withProductTable } from './codegen';

const root = join(__dirname, '..');
const catalogue = readRawCatalogue(root);
writeFileSync(join(root, GENERATED_IDS_PATH), renderCatalogueIds(catalogue));
const readmePath = join(root, 'README.md');
writeFileSync(readmePath, withProductTable(readFileSync(readmePath, 'utf8'), catalogue));
writeFileSync(join(root, CATALOGUE_CSV_PATH), renderCatalogueCsv(catalogue));
mkdirSync(join(root, ARTICLE_FIXTURES_DIR), { recursive: true });
const fixtures = renderArticleFixtures(catalogue, readFileSync(join(root, 'test', 'fixtures', 'apple-ports-zh-CN.txt'), 'utf8'));
for (const [name, text] of fixtures) {
  writeFileSync(join(root, ARTICLE_FIXTURES_DIR, name), text);
}
process.stdout.write(`wrote ${GENERATED_IDS_PATH}, the product table in README.md, ${CATALOGUE_CSV_PATH} and ${fixtures.size} files in ${ARTICLE_FIXTURES_DIR}\n`);
