/** Reads the catalogue, its schema and Apple's table from disk, as the data tests see them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalogue, ChangeLog } from '../../lib/core/catalogue';
import type { SchemaNode } from '../../scripts/canonical';

/** The package root. */
export const ROOT = join(__dirname, '..', '..');

/** The catalogue file's exact text. */
export const catalogueText = readFileSync(join(ROOT, 'data', 'catalogue.json'), 'utf8');

/** A fresh parse of the catalogue, safe to mutate in a test. */
export function loadCatalogue(): Catalogue {
  return JSON.parse(catalogueText) as Catalogue;
}

/** The catalogue's JSON Schema. */
export const schema = JSON.parse(readFileSync(join(ROOT, 'data', 'catalogue.schema.json'), 'utf8')) as SchemaNode & Record<string, unknown>;

/** Apple's table (zh-CN copy of article 103229), kept verbatim. */
export const seedText = readFileSync(join(ROOT, 'test', 'fixtures', 'apple-ports-zh-CN.txt'), 'utf8');

/** A writable deep copy, for tests that break the data on purpose. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };

/** A deep copy of the catalogue that a test may change. */
export function mutableCatalogue(): Mutable<Catalogue> {
  return loadCatalogue() as Mutable<Catalogue>;
}

/** The host table of Apple's enterprise-network article (101555), as recorded from the research notes. */
export const hostTableText = readFileSync(join(ROOT, 'test', 'fixtures', 'apple-hosts-101555.tsv'), 'utf8');

/** The change log's exact text, its parse and its JSON Schema. */
export const changesText = readFileSync(join(ROOT, 'data', 'changes.json'), 'utf8');
export const changesSchema = JSON.parse(readFileSync(join(ROOT, 'data', 'changes.schema.json'), 'utf8')) as Record<string, unknown>;

/** A fresh parse of the change log, safe to mutate in a test. */
export function loadChangeLog(): ChangeLog {
  return JSON.parse(changesText) as ChangeLog;
}
