/** `npm run gen`: writes the id unions, the README's product table and data/catalogue.csv from data/catalogue.json. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE_CSV_PATH, GENERATED_IDS_PATH, readRawCatalogue, renderCatalogueCsv, renderCatalogueIds, withProductTable } from './codegen';

const root = join(__dirname, '..');
const catalogue = readRawCatalogue(root);
writeFileSync(join(root, GENERATED_IDS_PATH), renderCatalogueIds(catalogue));
const readmePath = join(root, 'README.md');
writeFileSync(readmePath, withProductTable(readFileSync(readmePath, 'utf8'), catalogue));
writeFileSync(join(root, CATALOGUE_CSV_PATH), renderCatalogueCsv(catalogue));
process.stdout.write(`wrote ${GENERATED_IDS_PATH}, the product table in README.md and ${CATALOGUE_CSV_PATH}\n`);
