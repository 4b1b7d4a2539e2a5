/**
 * The maintainer's side of `data/changes.json`: the content hash that anchors each release, and the
 * draft of a new release from the last committed catalogue. `npm run changes:draft` runs `draft`;
 * the data tests check the whole chain of releases.
 */
import { createHash } from 'node:crypto';
import type { Catalogue, CatalogueChange, CatalogueRelease, ChangeLog, EntryChange } from '../lib/core/catalogue';
import { canonicalCatalogue, type CatalogueLike, type SchemaNode } from './canonical';

/** Release metadata, which the content hash leaves out. */
const METADATA = ['$schema', 'version', 'date'];

/** JSON with every object's keys sorted, so the text depends on the content only. */
function sortedKeysJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(sortedKeysJson).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${sortedKeysJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * SHA-256 of a catalogue's content: everything but `$schema`, `version` and `date`, its entries in
 * canonical order, object keys sorted. Equal for two catalogues exactly when their facts are equal.
 */
export function contentSha256(catalogue: Catalogue, schema: SchemaNode): string {
  const content = Object.fromEntries(Object.entries(catalogue).filter(([key]) => !METADATA.includes(key)));
  const canonical = canonicalCatalogue(content as unknown as CatalogueLike, schema);
  return createHash('sha256').update(sortedKeysJson(canonical)).digest('hex');
}

/** The next version after `latest` released on `date` (YYYY-MM-DD): YYYYMMDD00, or one more that day. */
export function nextVersion(latest: string, date: string): string {
  const day = date.replace(/-/g, '');
  if (latest.startsWith(day)) {
    const number = Number(latest.slice(8)) + 1;
    if (number > 99) {
      throw new Error(`Release ${latest} is the 100th of ${date}: no version number is left for that day.`);
    }
    return `${day}${String(number).padStart(2, '0')}`;
  }
  return `${day}00`;
}

/**
 * A new release of `edited` for `changes` (from the latest release's catalogue), each with an empty
 * reason and no sources for the maintainer to fill in: the schema refuses both, so `npm test` fails
 * until every change says why and on whose word.
 */
export function draftRelease(log: ChangeLog, edited: Catalogue, changes: readonly EntryChange[], date: string, schema: SchemaNode): CatalogueRelease {
  const latest = log.releases[0]!;
  return {
    version: nextVersion(latest.version, date),
    date,
    previous: latest.version,
    summary: '',
    contentSha256: contentSha256(edited, schema),
    changes: changes.map((change): CatalogueChange => ({ ...change, reason: '', sources: [] })),
  };
}
