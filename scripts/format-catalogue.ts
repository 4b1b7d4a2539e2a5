/**
 * Rewrites `data/catalogue.json` in canonical form (sorted entries, schema key order, two-space
 * JSON). Run after editing the catalogue: `npm run format:data`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalText, type CatalogueLike, type SchemaNode } from './canonical';

const root = join(__dirname, '..');
const file = join(root, 'data', 'catalogue.json');
const schema = JSON.parse(readFileSync(join(root, 'data', 'catalogue.schema.json'), 'utf8')) as SchemaNode;
const before = readFileSync(file, 'utf8');
const after = canonicalText(JSON.parse(before) as CatalogueLike, schema);
if (after !== before) {
  writeFileSync(file, after);
}
process.stdout.write(after === before ? 'data/catalogue.json is already canonical\n' : 'rewrote data/catalogue.json in canonical form\n');
