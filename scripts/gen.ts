/** `npm run gen`: writes the id unions and the README's product table from data/catalogue.json. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_IDS_PATH, readRawCatalogue, renderCatalogueIds, withProductTable } from './codegen';

const root = join(__dirname, '..');
const catalogue = readRawCatalogue(root);
writeFileSync(join(root, GENERATED_IDS_PATH), renderCatalogueIds(catalogue));
const readmePath = join(root, 'README.md');
writeFileSync(readmePath, withProductTable(readFileSync(readmePath, 'utf8'), catalogue));
process.stdout.write(`wrote ${GENERATED_IDS_PATH} and the product table in README.md\n`);
