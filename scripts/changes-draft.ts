/**
 * `npm run changes:draft [-- --base FILE]`: after editing data/catalogue.json, adds a release to
 * data/changes.json listing every entry the edit added, changed or removed, against the last
 * committed catalogue (`git show HEAD:data/catalogue.json`, or FILE), and gives the catalogue the
 * new version and today's date. Each change's `reason` and `sources` are left empty for you to fill
 * in; `npm test` fails until they are.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffCatalogues, type Catalogue, type ChangeLog } from '../lib/core/catalogue';
import type { SchemaNode } from './canonical';
import { contentSha256, draftRelease } from './change-log';

const root = join(__dirname, '..');
const cataloguePath = join(root, 'data', 'catalogue.json');
const changesPath = join(root, 'data', 'changes.json');
const schema = JSON.parse(readFileSync(join(root, 'data', 'catalogue.schema.json'), 'utf8')) as SchemaNode;

const baseFlag = process.argv.indexOf('--base');
const baseText =
  baseFlag >= 0
    ? readFileSync(process.argv[baseFlag + 1] ?? '', 'utf8')
    : execFileSync('git', ['show', 'HEAD:data/catalogue.json'], { cwd: root, encoding: 'utf8' });
const base = JSON.parse(baseText) as Catalogue;
const editedText = readFileSync(cataloguePath, 'utf8');
const edited = JSON.parse(editedText) as Catalogue;
const log = JSON.parse(readFileSync(changesPath, 'utf8')) as ChangeLog & { $schema: string };
const latest = log.releases[0]!;

if (contentSha256(edited, schema) === latest.contentSha256) {
  process.stdout.write(`data/catalogue.json is release ${latest.version}: nothing to draft.\n`);
  process.exit(0);
}
if (contentSha256(base, schema) !== latest.contentSha256) {
  process.stderr.write(`The base catalogue is not release ${latest.version} (its content hash differs). Pass --base with that release's catalogue.\n`);
  process.exit(2);
}
const changes = diffCatalogues(base, edited);
const release = draftRelease(log, edited, changes, new Date().toISOString().slice(0, 10), schema);
writeFileSync(changesPath, `${JSON.stringify({ ...log, releases: [release, ...log.releases] }, null, 2)}\n`);
writeFileSync(
  cataloguePath,
  editedText.replace(/^ {2}"version": "[^"]*",\n {2}"date": "[^"]*",$/m, `  "version": "${release.version}",\n  "date": "${release.date}",`),
);
process.stdout.write(
  `Added release ${release.version} with ${changes.length} change(s) to data/changes.json, and set data/catalogue.json to it.\n` +
    'Write its summary, and each change\'s reason and sources; then `npm test`.\n',
);
