/**
 * What differs between two catalogue versions, entry by entry and field by field, and the same
 * changes applied forward or in reverse. The change log is this diff with reasons and sources, so
 * an earlier version is the current catalogue with its later releases reverted.
 */
import type { CatalogueEntity, EntryChange, EntryKey, FieldChange, JsonValue } from './change-types';
import type { Catalogue } from './types';

type JsonObject = { readonly [key: string]: JsonValue };
type Mutable = { [key: string]: unknown };

/** The catalogue's lists of entries with an `id`, in the order changes are listed. */
const LISTS: readonly { readonly entity: Exclude<CatalogueEntity, 'article' | 'host'>; readonly key: keyof Catalogue }[] = [
  { entity: 'service', key: 'services' },
  { entity: 'product', key: 'products' },
  { entity: 'profile', key: 'profiles' },
  { entity: 'network', key: 'networks' },
  { entity: 'ephemeralPorts', key: 'ephemeralPorts' },
  { entity: 'hostGroup', key: 'hostGroups' },
];

/** The catalogue's single objects, recorded as entity `article` under their key. */
const ARTICLES = ['source', 'hostSource'] as const;

/** Release metadata rather than content: never a change. */
const METADATA = new Set(['$schema', 'version', 'date']);

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Deep equality of JSON values: object keys in any order, list items in order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (!isObject(a) || !isObject(b)) {
    return false;
  }
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && jsonEqual(a[key], b[key]));
}

/** Field changes between two versions of one entry: objects key by key, anything else whole. */
function fieldChanges(before: JsonObject, after: JsonObject, skip: ReadonlySet<string>, prefix = ''): FieldChange[] {
  const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !(k in after))].filter((k) => !skip.has(k));
  return keys.flatMap((key): FieldChange[] => {
    const field = `${prefix}${key}`;
    const [b, a] = [before[key], after[key]];
    if (isObject(b) && isObject(a)) {
      return fieldChanges(b, a, new Set(), `${field}.`);
    }
    if (jsonEqual(b, a)) {
      return [];
    }
    return [{ field, ...(key in before ? { before: b } : {}), ...(key in after ? { after: a } : {}) }];
  });
}

function byId(entries: readonly JsonObject[], idKey: string): Map<string, JsonObject> {
  return new Map(entries.map((e) => [String(e[idKey]), e]));
}

/** Ids of both versions: the later version's order, then those it no longer has. */
function unionIds(before: ReadonlyMap<string, unknown>, after: ReadonlyMap<string, unknown>): string[] {
  return [...after.keys(), ...[...before.keys()].filter((id) => !after.has(id))];
}

/** Changes between two lists of entries keyed by `idKey`. */
function listChanges(
  key: Omit<EntryKey, 'id'>,
  before: readonly JsonObject[],
  after: readonly JsonObject[],
  idKey: string,
  skip: ReadonlySet<string>,
  nested?: (id: string, b: JsonObject, a: JsonObject) => EntryChange[],
): EntryChange[] {
  const b = byId(before, idKey);
  const a = byId(after, idKey);
  return unionIds(b, a).flatMap((id): EntryChange[] => {
    const [old, now] = [b.get(id), a.get(id)];
    if (!old) {
      return [{ ...key, id, kind: 'added', after: now! }];
    }
    if (!now) {
      return [{ ...key, id, kind: 'removed', before: old }];
    }
    const fields = fieldChanges(old, now, skip);
    return [...(fields.length > 0 ? [{ ...key, id, kind: 'changed' as const, fields }] : []), ...(nested ? nested(id, old, now) : [])];
  });
}

const asEntries = (value: unknown) => (value ?? []) as readonly JsonObject[];

/**
 * Every entry two catalogue versions do not share: added, removed, or changed field by field.
 * Hosts are entries of their own inside host groups both versions have. Release metadata
 * (`version`, `date`) is not content and is never a change.
 */
export function diffCatalogues(before: Catalogue, after: Catalogue): EntryChange[] {
  const [b, a] = [before as unknown as JsonObject, after as unknown as JsonObject];
  const unknownKeys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => !METADATA.has(k) && !ARTICLES.includes(k as (typeof ARTICLES)[number]) && !LISTS.some((l) => l.key === k),
  );
  if (unknownKeys.length > 0) {
    throw new Error(`The change log cannot record the catalogue field(s) ${unknownKeys.join(', ')}: add them to lib/core/catalogue/catalogue-diff.ts.`);
  }
  const articles = ARTICLES.flatMap((id): EntryChange[] => {
    const fields = fieldChanges((b[id] ?? {}) as JsonObject, (a[id] ?? {}) as JsonObject, new Set());
    return fields.length > 0 ? [{ entity: 'article', id, kind: 'changed', fields }] : [];
  });
  const hostChanges = (group: string, old: JsonObject, now: JsonObject) =>
    listChanges({ entity: 'host', group }, asEntries(old['hosts']), asEntries(now['hosts']), 'host', new Set());
  const lists = LISTS.flatMap(({ entity, key }) =>
    entity === 'hostGroup'
      ? listChanges({ entity }, asEntries(b[key]), asEntries(a[key]), 'id', new Set(['hosts']), hostChanges)
      : listChanges({ entity }, asEntries(b[key]), asEntries(a[key]), 'id', new Set()),
  );
  return [...articles, ...lists];
}

function describe(change: EntryKey): string {
  return `${change.entity} '${change.id}'${change.group !== undefined ? ` of host group '${change.group}'` : ''}`;
}

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The list a change's entry lives in, for lists of entries. */
function entriesOf(catalogue: Mutable, change: EntryKey): Mutable[] {
  if (change.entity === 'host') {
    const groups = catalogue['hostGroups'] as Mutable[];
    const group = groups.find((g) => g['id'] === change.group);
    if (!group) {
      throw new Error(`The change log names ${describe(change)}, but the catalogue has no such host group.`);
    }
    return group['hosts'] as Mutable[];
  }
  const list = LISTS.find((l) => l.entity === change.entity);
  if (!list) {
    throw new Error(`The change log names ${describe(change)}, which is not an entry of a list.`);
  }
  return catalogue[list.key] as Mutable[];
}

function entryOf(catalogue: Mutable, change: EntryKey): Mutable | undefined {
  if (change.entity === 'article') {
    return catalogue[change.id] as Mutable | undefined;
  }
  const idKey = change.entity === 'host' ? 'host' : 'id';
  return entriesOf(catalogue, change).find((e) => e[idKey] === change.id);
}

function valueAt(entry: Mutable, path: readonly string[]): { found: boolean; value?: unknown } {
  let node: unknown = entry;
  for (const key of path) {
    if (!isObject(node) || !(key in node)) {
      return { found: false };
    }
    node = (node as Mutable)[key];
  }
  return { found: true, value: node };
}

function setAt(entry: Mutable, path: readonly string[], present: boolean, value: unknown): void {
  let node = entry;
  for (const key of path.slice(0, -1)) {
    node = node[key] as Mutable;
  }
  const last = path[path.length - 1]!;
  if (present) {
    node[last] = copy(value);
  } else {
    delete node[last];
  }
}

/**
 * The catalogue with `changes` applied (`forward`: from the version before them to theirs) or
 * undone (`reverse`). Every change must fit the catalogue exactly — the entry it adds absent, the
 * value it changes as it says — or this throws naming the change, so a change log that does not
 * describe the catalogue cannot go unnoticed. The input is not modified.
 */
export function applyCatalogueChanges(catalogue: Catalogue, changes: readonly EntryChange[], direction: 'forward' | 'reverse'): Catalogue {
  const result = copy(catalogue) as unknown as Mutable;
  const ordered = direction === 'forward' ? changes : [...changes].reverse();
  for (const change of ordered) {
    const existing = entryOf(result, change);
    const adds = (change.kind === 'added') === (direction === 'forward');
    if (change.kind === 'changed') {
      if (!existing) {
        throw new Error(`The change log changes ${describe(change)}, which the catalogue does not have.`);
      }
      for (const field of change.fields) {
        const path = field.field.split('.');
        const [from, to] = direction === 'forward' ? ['before', 'after'] as const : ['after', 'before'] as const;
        const current = valueAt(existing, path);
        if (current.found !== (from in field) || (current.found && !jsonEqual(current.value, field[from]))) {
          throw new Error(`The change log says ${describe(change)} field '${field.field}' was ${JSON.stringify(field[from]) ?? 'absent'}, but the catalogue has ${JSON.stringify(current.value) ?? 'nothing'} there.`);
        }
        setAt(existing, path, to in field, field[to]);
      }
    } else if (adds) {
      if (existing) {
        throw new Error(`The change log adds ${describe(change)}, which the catalogue already has.`);
      }
      entriesOf(result, change).push(copy(change.kind === 'added' ? change.after : change.before) as Mutable);
    } else {
      const entry = change.kind === 'added' ? change.after : change.before;
      if (!existing || !jsonEqual(existing, entry)) {
        throw new Error(`The change log removes ${describe(change)}, but the catalogue ${existing ? 'has it with other values' : 'does not have it'}.`);
      }
      const list = entriesOf(result, change);
      list.splice(list.indexOf(existing), 1);
    }
  }
  return result as unknown as Catalogue;
}
