/**
 * The shape of `data/changes.json`: every catalogue version, newest first, with each entry it
 * added, changed (field by field) or removed and the sources behind it. `data/changes.schema.json`
 * states the same contract for the data tests and for editors.
 */

/** A JSON value as the catalogue holds it. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * The kind of entry a change touches: one of the catalogue's lists, `host` for one host of a host
 * group, `article` for the catalogue's `source` and `hostSource`.
 */
export type CatalogueEntity = 'article' | 'service' | 'product' | 'profile' | 'network' | 'ephemeralPorts' | 'hostGroup' | 'host';

/** One field of an entry, by its path inside the entry; a side without a value is a field the entry did not have. */
export interface FieldChange {
  /** `rfc.current`, `name.en`, `aliases`: objects are followed key by key, a list is one field. */
  readonly field: string;
  /** The field's value in the earlier version; absent when the entry did not have the field. */
  readonly before?: JsonValue;
  /** The field's value in the later version; absent when the field was removed. */
  readonly after?: JsonValue;
}

/** Which entry a change is about. */
export interface EntryKey {
  /** Which list of the catalogue the entry belongs to. */
  readonly entity: CatalogueEntity;
  /** The entry's id; for a host, its name. */
  readonly id: string;
  /** For a host: its host group's id. */
  readonly group?: string;
}

/** What happened to one entry between two catalogue versions. */
export type EntryChange =
  | (EntryKey & {
      /** The entry is new in this version. */
      readonly kind: 'added';
      /** The whole entry as added. */
      readonly after: JsonValue;
    })
  | (EntryKey & {
      /** The entry is gone from this version. */
      readonly kind: 'removed';
      /** The whole entry as it was before removal. */
      readonly before: JsonValue;
    })
  | (EntryKey & {
      /** The entry exists in both versions with different fields. */
      readonly kind: 'changed';
      /** Each field that differs, with both values. */
      readonly fields: readonly FieldChange[];
    });

/** An entry change as the change log records it, with what justified it. */
export type CatalogueChange = EntryChange & {
  /** What the change corrects or records, in a sentence. */
  readonly reason: string;
  /** Where the change's facts come from: Apple's article, an RFC, the IANA registry (URLs). */
  readonly sources: readonly string[];
};

/** One version of the catalogue and what it changed. */
export interface CatalogueRelease {
  /** `YYYYMMDDNN`. */
  readonly version: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  /** The version this release changes; absent for the first. */
  readonly previous?: string;
  /** What the release changed, in a sentence. */
  readonly summary: string;
  /** SHA-256 of the canonical content at this version: what ties the chain of releases together. */
  readonly contentSha256: string;
  /** Every entry the release added, changed or removed, with its reason and sources. */
  readonly changes: readonly CatalogueChange[];
}

/** The whole change-log file. */
export interface ChangeLog {
  /** Newest first. */
  readonly releases: readonly CatalogueRelease[];
}
